import Testing
@testable import YTQCore

@Suite("DownloadRequest validation")
struct DownloadRequestTests {
    @Test("accepts absolute http and https URLs, trimming a pasted newline")
    func acceptsHTTP() throws {
        #expect(try DownloadRequest(url: "https://example.com/watch?v=abc").url == "https://example.com/watch?v=abc")
        #expect(try DownloadRequest(url: "HTTP://127.0.0.1:8080/a.mp4").url == "HTTP://127.0.0.1:8080/a.mp4")
        #expect(try DownloadRequest(url: "  https://example.com/v\n").url == "https://example.com/v")
        #expect(try DownloadRequest(url: "https://example.com/v").format == .preset(.best))
    }

    @Test("refuses what is not an absolute http(s) URL", arguments: [
        "ftp://example.com/file", "file:///etc/passwd", "example.com/video", "/local/path",
        "https://", "http:/example.com", "javascript:alert(1)", "mailto:a@b.c",
    ])
    func refusesNonHTTP(url: String) {
        #expect(throws: RequestError.urlNotHTTP(url)) { try DownloadRequest(url: url) }
    }

    @Test("refuses a ':' with no port, or a port outside 1–65535, saying so", arguments: [
        "http://127.0.0.1:/x", "https://example.com:/", "http://[::1]:/v", "http://example.com:0/v",
    ])
    func refusesBadPort(url: String) {
        #expect(throws: RequestError.urlBadPort(url)) { try DownloadRequest(url: url) }
        #expect(RequestError.urlBadPort(url).description.contains("no port, or a port outside 1–65535"))
    }

    @Test("a port out of range is refused; a ':' in user information or an IPv6 address is not a port", arguments: [
        ("http://example.com:70000/v", false), ("http://[::1]:8080/v", true), ("http://[::1]/v", true),
        ("http://user:@example.com/v", true), ("https://example.com:443/v?t=1:2", true),
    ])
    func portEdges(url: String, accepted: Bool) {
        #expect(((try? DownloadRequest(url: url)) != nil) == accepted, "\(url)")
    }

    @Test("refuses an empty URL")
    func refusesEmpty() {
        #expect(throws: RequestError.emptyURL) { try DownloadRequest(url: "") }
        #expect(throws: RequestError.emptyURL) { try DownloadRequest(url: "   \n") }
    }

    @Test("refuses a URL that begins with a dash (option injection)")
    func refusesDash() {
        #expect(throws: RequestError.urlStartsWithDash("--exec=touch /tmp/pwned")) {
            try DownloadRequest(url: "--exec=touch /tmp/pwned")
        }
        #expect(throws: RequestError.urlStartsWithDash("-https://x.com")) { try DownloadRequest(url: "-https://x.com") }
    }

    @Test("refuses whitespace and control characters inside", arguments: [
        "https://example.com/a b", "https://example.com/a\tb", "https://example.com/a\nb",
        "https://example.com/\u{1B}[31m", "https://example.com/\u{0}", "https://example.com/\u{200B}x",
        "https://example.com/\u{00A0}x",
    ])
    func refusesWhitespace(url: String) {
        #expect(throws: RequestError.urlHasWhitespaceOrControl(url)) { try DownloadRequest(url: url) }
    }

    @Test("refuses a URL over 4096 bytes, accepts one at the limit")
    func refusesLong() throws {
        let prefix = "https://example.com/"
        let atLimit = prefix + String(repeating: "a", count: 4096 - prefix.count)
        #expect(try DownloadRequest(url: atLimit).url == atLimit)
        #expect(throws: RequestError.urlTooLong(length: 4097, limit: 4096)) { try DownloadRequest(url: atLimit + "a") }
    }

    @Test("refuses an unknown preset and an empty format")
    func refusesFormats() {
        #expect(throws: RequestError.unknownPreset("4k")) { try DownloadRequest(url: "https://x.com/v", format: "4k") }
        #expect(throws: RequestError.emptyFormat) { try DownloadRequest(url: "https://x.com/v", format: "") }
        #expect(throws: RequestError.emptyFormat) { try DownloadRequest(url: "https://x.com/v", format: "  ") }
    }

    @Test("messages say what to change")
    func messages() {
        #expect(RequestError.urlStartsWithDash("--exec=x").description.contains("yt-dlp option"))
        #expect(RequestError.unknownPreset("4k").description.contains("audio-mp3"))
        #expect(RequestError.urlHasWhitespaceOrControl("https://a/\u{1B}").description.contains("\\e"))
        #expect(!RequestError.urlHasWhitespaceOrControl("https://a/\u{1B}").description.contains("\u{1B}"))
    }
}
