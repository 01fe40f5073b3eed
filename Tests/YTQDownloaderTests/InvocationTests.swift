import Testing
import YTQCore
@testable import YTQDownloader

@Suite("YtDlpInvocation")
struct InvocationTests {
    let invocation = YtDlpInvocation(
        executable: "/usr/bin/yt-dlp", url: "https://example.com/watch?v=1&t=2", format: .preset(.p720),
        downloadFolder: "/home/me/Downloads", tempFolder: "/data/partial/42"
    )

    @Test("the URL comes last, right after --")
    func urlAfterDoubleDash() {
        let arguments = invocation.arguments
        #expect(arguments.last == "https://example.com/watch?v=1&t=2")
        #expect(arguments[arguments.count - 2] == "--")
        #expect(arguments.filter { $0 == "--" }.count == 1)
    }

    @Test("config files, plugins and --exec are switched off")
    func safetyOptions() {
        let arguments = invocation.arguments
        for option in ["--ignore-config", "--no-plugin-dirs", "--no-exec", "--no-playlist", "--no-abort-on-error", "--abort-on-unavailable-fragments"] {
            #expect(arguments.contains(option), "\(option) missing")
        }
        #expect(!arguments.contains { $0 == "--exec" || $0.hasPrefix("--exec=") })
        #expect(!arguments.contains("--no-part"))
    }

    @Test("output is machine-readable: newline progress, JSON templates, no colour")
    func outputOptions() throws {
        let arguments = invocation.arguments
        #expect(arguments.contains("--newline"))
        #expect(arguments.contains("--progress"))
        #expect(arguments.contains("--no-simulate"))
        #expect(value(after: "--color", in: arguments) == "never")
        #expect(value(after: "--progress-delta", in: arguments) == "0.5")
        let progressTemplates = arguments.indices.filter { arguments[$0] == "--progress-template" }.map { arguments[$0 + 1] }
        #expect(progressTemplates == [YtDlpInvocation.progressTemplate, YtDlpInvocation.postprocessTemplate])
        let prints = arguments.indices.filter { arguments[$0] == "--print" }.map { arguments[$0 + 1] }
        #expect(prints == [YtDlpInvocation.infoTemplate, YtDlpInvocation.doneTemplate])
        #expect(YtDlpInvocation.progressTemplate.hasPrefix("download:"))
        #expect(YtDlpInvocation.doneTemplate.hasPrefix("after_move:"))
    }

    // Written from the parser's coding keys; pinned to the strings checked against yt-dlp 2026.10.26.
    @Test("the templates written from the coding keys are the ones yt-dlp was checked with")
    func templatesFromCodingKeys() {
        #expect(YtDlpInvocation.progressTemplate == #"download:{"type":"progress","p":%(progress.{status,downloaded_bytes,total_bytes,total_bytes_estimate,speed,eta,elapsed,fragment_index,fragment_count})j}"#)
        #expect(YtDlpInvocation.infoTemplate == #"video:{"type":"info","info":%(.{id,title,ext,format_id,duration,webpage_url,extractor_key,height,vcodec,acodec,playlist_index,playlist_count,n_entries,playlist_title,filename})j,"formats":%(requested_formats.:.{format_id,filesize,filesize_approx,tbr}|[])j}"#)
        #expect(YtDlpInvocation.postprocessTemplate == #"postprocess:{"type":"postprocess","pp":%(progress.{status,postprocessor})j}"#)
        #expect(YtDlpInvocation.doneTemplate == #"after_move:{"type":"done","filepath":%(filepath)j}"#)
    }

    @Test("folders, output template, format and retry knobs")
    func foldersAndFormat() {
        let arguments = invocation.arguments
        let paths = arguments.indices.filter { arguments[$0] == "-P" }.map { arguments[$0 + 1] }
        #expect(paths == ["home:/home/me/Downloads", "temp:/data/partial/42"])
        #expect(value(after: "-o", in: arguments) == "%(title).150B [%(id)s].%(ext)s")
        #expect(value(after: "-f", in: arguments) == "bv*[height<=720]+ba/b[height<=720]/wv*+ba/w")
        #expect(arguments.contains("--continue"))
        #expect(value(after: "--retries", in: arguments) == "10")
        #expect(value(after: "--fragment-retries", in: arguments) == "10")
        #expect(value(after: "--socket-timeout", in: arguments) == "30")
        #expect(invocation.argv.first == "/usr/bin/yt-dlp")
    }

    @Test("max_filesize becomes --max-filesize in bytes, before --; absent by default")
    func maxFilesize() {
        #expect(!invocation.arguments.contains("--max-filesize"))
        var limited = invocation
        limited.options.maxFilesize = 1_048_576
        let arguments = limited.arguments
        #expect(value(after: "--max-filesize", in: arguments) == "1048576")
        #expect(arguments.suffix(2).first == "--")
    }

    @Test("bidi and C1 controls are stripped from the title and id before they name a file")
    func titleStripped() throws {
        let arguments = invocation.arguments
        let index = try #require(arguments.firstIndex(of: "--replace-in-metadata"))
        #expect(Array(arguments[index + 1...index + 3]) == ["title,id", YtDlpInvocation.titleStrippedPattern, ""])
        #expect(index < arguments.firstIndex(of: "-o")!)
        let pattern = try Regex(YtDlpInvocation.titleStrippedPattern.replacing(#/\\u([0-9a-f]{4})/#) { "\\u{\($0.1)}" })
        for scalar: Unicode.Scalar in ["\u{202E}", "\u{2066}", "\u{200F}", "\u{061C}", "\u{9B}", "\u{85}", "\u{2028}"] {
            #expect(String(scalar).wholeMatch(of: pattern) != nil, "\(scalar.value)")
        }
        #expect("a".wholeMatch(of: pattern) == nil)
        #expect("é".wholeMatch(of: pattern) == nil)
    }

    @Test("a URL that looks like an option stays a URL")
    func dashURL() {
        var hostile = invocation
        hostile.url = "--exec=touch /tmp/pwned"
        let arguments = hostile.arguments
        #expect(arguments.suffix(2) == ["--", "--exec=touch /tmp/pwned"])
    }

    @Test("audio presets pass their extra options before --")
    func audioPreset() {
        var audio = invocation
        audio.format = .preset(.audioMP3)
        let arguments = audio.arguments
        let dash = arguments.firstIndex(of: "--") ?? 0
        #expect(arguments.firstIndex(of: "-x").map { $0 < dash } == true)
        #expect(value(after: "--audio-format", in: arguments) == "mp3")
    }

    @Test("environment: only the passed-through variables, plugins off, extras last")
    func environment() {
        var withExtra = invocation
        withExtra.extraEnvironment = ["FAKE_MODE": "1", "LANG": "C"]
        let environment = withExtra.environment(inheriting: [
            "PATH": "/bin", "HOME": "/home/me", "LANG": "en_US.UTF-8", "SECRET_TOKEN": "x", "YTDLP_NO_PLUGINS": "0",
        ])
        #expect(environment == ["PATH": "/bin", "HOME": "/home/me", "LANG": "C", "YTDLP_NO_PLUGINS": "1", "FAKE_MODE": "1"])
        #expect(invocation.environment(inheriting: [:])["PATH"] != nil)
    }

    @Test("commandLine quotes what a shell would split or expand")
    func commandLine() {
        let line = invocation.commandLine
        #expect(line.hasPrefix("/usr/bin/yt-dlp --ignore-config --no-plugin-dirs --no-exec "))
        #expect(line.hasSuffix(" -- 'https://example.com/watch?v=1&t=2'"))
        #expect(line.contains("-o '%(title).150B [%(id)s].%(ext)s'"))
        #expect(ShellQuoting.quote("it's") == #"'it'\''s'"#)
        #expect(ShellQuoting.quote("") == "''")
        #expect(ShellQuoting.quote("home:/a/b-c_d.e") == "home:/a/b-c_d.e")
    }

    @Test("progress delta is written as a plain decimal", arguments: [
        (0.5, "0.5"), (1.0, "1"), (0.25, "0.25"), (2.125, "2.125"), (0, "0"), (-3, "0"), (0.9999, "1"),
    ])
    func decimal(value: Double, text: String) {
        #expect(YtDlpInvocation.decimal(value) == text)
    }

    private func value(after option: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
}
