import Testing
import YTQCore
@testable import YTQDownloader

@Suite("YtDlpErrorClassifier")
struct ErrorClassifierTests {
    // Printed by yt-dlp 2026.10.26 against media_server.py and closed ports.
    static let real404 = "ERROR: [generic] 404: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404: Not Found>)"
    static let real500 = "ERROR: [generic] 500: Unable to download webpage: HTTP Error 500: Internal Server Error (caused by <HTTPError 500: Internal Server Error>)"
    static let real403 = "ERROR: [generic] 403: Unable to download webpage: HTTP Error 403: Forbidden (caused by <HTTPError 403: Forbidden>)"
    static let realRefused = #"ERROR: [generic] x: Unable to download webpage: HTTPConnection(host='127.0.0.1', port=1): Failed to establish a new connection: [Errno 111] Connection refused (caused by TransportError("HTTPConnection(host='127.0.0.1', port=1): Failed to establish a new connection: [Errno 111] Connection refused"))"#
    static let realUnsupported = "ERROR: Unsupported URL: http://127.0.0.1:36099/page.html"
    static let realNoHost = #"ERROR: [generic] x: Unable to download webpage: HTTPConnection(host='nonexistent.invalid', port=80): Failed to resolve 'nonexistent.invalid' ([Errno -2] Name or service not known) (caused by TransportError("HTTPConnection(host='nonexistent.invalid', port=80): Failed to resolve 'nonexistent.invalid' ([Errno -2] Name or service not known)"))"#
    static let realInvalid = "ERROR: [generic] 'notaurl' is not a valid URL"
    static let realMissingFragment = "ERROR: [download] Got error: HTTP Error 404: File not found. Giving up after 0 retries"

    @Test("real yt-dlp lines", arguments: [
        (real404, FailureReason.Kind.permanent, "[generic] 404: Unable to download webpage: HTTP Error 404: Not Found"),
        (real403, .permanent, "[generic] 403: Unable to download webpage: HTTP Error 403: Forbidden"),
        (real500, .transient, "[generic] 500: Unable to download webpage: HTTP Error 500: Internal Server Error"),
        (realRefused, .transient, "[generic] x: Unable to download webpage: HTTPConnection(host='127.0.0.1', port=1): Failed to establish a new connection: [Errno 111] Connection refused"),
        (realUnsupported, .permanent, "Unsupported URL: http://127.0.0.1:36099/page.html"),
        (realNoHost, .permanent, "[generic] x: Unable to download webpage: HTTPConnection(host='nonexistent.invalid', port=80): Failed to resolve 'nonexistent.invalid' ([Errno -2] Name or service not known)"),
        (realInvalid, .permanent, "[generic] 'notaurl' is not a valid URL"),
        (realMissingFragment, .transient, "[download] Got error: HTTP Error 404: File not found. Giving up after 0 retries"),
        ("ERROR: fragment 3 not found, unable to continue", .transient, "fragment 3 not found, unable to continue"),
    ])
    func realLines(line: String, kind: FailureReason.Kind, message: String) {
        let reason = YtDlpErrorClassifier.classify(stderrLines: ["WARNING: something first", line], status: .exited(1))
        #expect(reason.kind == kind)
        #expect(reason.message == message)
        #expect(reason.hint != nil)
        #expect(!reason.description.contains("exit status"))
    }

    @Test("documented error shapes", arguments: [
        ("ERROR: unable to download video data: HTTP Error 403: Forbidden", FailureReason.Kind.permanent),
        ("ERROR: unable to download video data: HTTP Error 404: Not Found", .permanent),
        ("ERROR: unable to download video data: HTTP Error 503: Service Unavailable", .transient),
        ("ERROR: unable to download video data: HTTP Error 429: Too Many Requests", .transient),
        ("ERROR: [youtube] abc: Connection reset by peer [Errno 104]", .transient),
        ("ERROR: [generic] x: The read operation timed out", .transient),
        ("ERROR: [generic] x: [Errno -3] Temporary failure in name resolution", .transient),
        ("ERROR: Did not get any data blocks", .transient),
        ("ERROR: [youtube] abc: Video unavailable", .permanent),
        ("ERROR: [youtube] abc: Requested format is not available. Use --list-formats for a list of available formats", .permanent),
        ("ERROR: something nobody has seen before", .permanent),
    ])
    func shapes(line: String, kind: FailureReason.Kind) {
        let reason = YtDlpErrorClassifier.classify(stderrLines: [line], status: .exited(1))
        #expect(reason.kind == kind)
        #expect(!reason.message.hasPrefix("ERROR"))
    }

    @Test("missing ffmpeg is a missing tool, with the install hint")
    func ffmpeg() {
        let line = "ERROR: Postprocessing: ffprobe and ffmpeg not found. Please install or provide the path using --ffmpeg-location"
        let reason = YtDlpErrorClassifier.classify(stderrLines: [line], status: .exited(1))
        #expect(reason.kind == .toolMissing)
        #expect(reason.hint?.contains("apt-get install ffmpeg") == true)
        #expect(reason.message.hasPrefix("Postprocessing: ffprobe and ffmpeg not found"))
    }

    @Test("the bug-report boilerplate is dropped")
    func boilerplate() {
        let line = "ERROR: [youtube] abc: Unable to extract uploader id; please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= , filling out the appropriate issue template. Confirm you are on the latest version using  yt-dlp -U"
        let reason = YtDlpErrorClassifier.classify(stderrLines: [line], status: .exited(1))
        #expect(reason.message == "[youtube] abc: Unable to extract uploader id")
        #expect(reason.hint?.contains("pip install -U yt-dlp") == true)
    }

    @Test("install and update hints work outside the source tree: no `make setup`")
    func noMakeTarget() {
        let hints = YtDlpErrorClassifier.rules.compactMap(\.hint) + [YtDlpExecutable.installHint]
        for hint in hints {
            #expect(!hint.contains("make "), "\(hint)")
        }
        #expect(YtDlpExecutable.installHint.contains("pip install yt-dlp"))
    }

    @Test("the last ERROR line wins over later noise")
    func lastError() {
        let lines = ["ERROR: first", "ERROR: unable to download video data: HTTP Error 404: Not Found", "[download] cleaning up", ""]
        let reason = YtDlpErrorClassifier.classify(stderrLines: lines, status: .exited(1))
        #expect(reason.message == "unable to download video data: HTTP Error 404: Not Found")
    }

    @Test("without ERROR: the last stderr line, then the exit status or signal")
    func fallbacks() {
        let tail = YtDlpErrorClassifier.classify(stderrLines: ["a", "Traceback: boom", "  "], status: .exited(3))
        #expect(tail.message == "Traceback: boom (yt-dlp exit status 3)")
        let silent = YtDlpErrorClassifier.classify(stderrLines: [], status: .exited(7))
        #expect(silent.message.contains("exit status 7"))
        #expect(silent.kind == .transient)
        let killed = YtDlpErrorClassifier.classify(stderrLines: [], status: .signaled(9))
        #expect(killed.message.contains("killed by signal 9 (SIGKILL)"))
        let usage = YtDlpErrorClassifier.classify(stderrLines: [], status: .exited(2))
        #expect(usage.kind == .permanent)
    }

    @Test("very long lines are clipped")
    func clipped() {
        let reason = YtDlpErrorClassifier.classify(errorLine: "ERROR: " + String(repeating: "x", count: 5000))
        #expect(reason.message.count == YtDlpErrorClassifier.maxMessageLength)
    }
}
