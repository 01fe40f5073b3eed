import YTQCore

/// Everything needed to start one yt-dlp run: the argument vector, the environment and the
/// folders, built so that nothing from the URL, a config file or a plugin can run commands.
///
/// The argv follows the shape `InvocationTests` pin down: config files and plugins off,
/// `--no-exec`, one video, JSON progress/info/done lines on stdout, partial files under
/// `tempFolder`, the result moved to `downloadFolder`, and `--` before the URL.
public struct YtDlpInvocation: Sendable, Equatable {
    /// Tuning knobs with yt-dlp's meaning.
    public struct Options: Sendable, Equatable {
        /// Seconds between two "downloading" progress lines (`--progress-delta`).
        public var progressDelta: Double
        /// `--retries` and `--fragment-retries`.
        public var retries: Int
        /// `--socket-timeout`, in seconds.
        public var socketTimeout: Int
        /// `--max-filesize`, in bytes: yt-dlp skips larger formats and a download whose
        /// announced size is larger (the job also stops one that grows past it). Nil: none.
        public var maxFilesize: Int64?

        public init(progressDelta: Double = 0.5, retries: Int = 10, socketTimeout: Int = 30, maxFilesize: Int64? = nil) {
            self.progressDelta = progressDelta
            self.retries = retries
            self.socketTimeout = socketTimeout
            self.maxFilesize = maxFilesize
        }
    }

    // The templates are written from the coding keys `YtDlpOutputParser` decodes with.
    /// `download:` progress template: one JSON object per line on stdout.
    public static let progressTemplate = "download:"
        + YtDlpTemplateLine.template(.progress, value: "%(progress.{\(YtDlpProgressPayload.templateFields)})j")
    /// Printed once the format is chosen (`video:` stage), with the formats of a merge beside it
    /// (`[]` for a single file).
    public static let infoTemplate = "video:"
        + YtDlpTemplateLine.template(.info, value: "%(.{\(YtDlpMediaInfo.templateFields)})j", beside: [
            .formats: "%(requested_formats.:.{\(YtDlpRequestedFormat.templateFields)}|[])j",
        ])
    /// Each post-processor's start and end (merging, converting, moving into place); yt-dlp
    /// prints these lines on stderr.
    public static let postprocessTemplate = "postprocess:"
        + YtDlpTemplateLine.template(.postprocess, value: "%(progress.{\(YtDlpPostprocessStep.templateFields)})j")
    /// Printed once the final file is in place (`after_move:` stage).
    public static let doneTemplate = "after_move:" + YtDlpTemplateLine.template(.done, value: "%(filepath)j")
    /// File name template; the title never forms a whole path component on its own.
    public static let outputTemplate = "%(title).150B [%(id)s].%(ext)s"
    /// What is removed from the title and the id before they name a file (a Python regex for yt-dlp's
    /// `--replace-in-metadata`): bidi controls, which would spoof the extension
    /// (`…\u{202E}4pm.exe` shows as `…exe.mp4`), C1 controls and the line and paragraph
    /// separators. yt-dlp itself drops C0 controls and DEL and replaces `/`.
    public static let titleStrippedPattern = #"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0080-\u009f\u2028\u2029]"#
    /// Variables copied from ytq's environment when set (locale, home, search path, proxies).
    public static let passedEnvironment = [
        "PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR",
        "http_proxy", "https_proxy", "all_proxy", "no_proxy",
        "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
    ]

    /// The yt-dlp executable: an absolute path, or a name looked up on `PATH`.
    public var executable: String
    public var url: String
    public var format: FormatSpec
    /// Where the finished file goes (`-P home:`).
    public var downloadFolder: String
    /// This task's own folder for `.part` and intermediate files (`-P temp:`).
    public var tempFolder: String
    public var options: Options
    /// Extra environment entries, applied last (tests use them to steer a fake yt-dlp).
    public var extraEnvironment: [String: String]
    /// Only these entries of a playlist (1-based): a retry runs the ones that did not complete.
    public var playlistItems: [Int]

    public init(
        executable: String, url: String, format: FormatSpec, downloadFolder: String, tempFolder: String,
        options: Options = Options(), extraEnvironment: [String: String] = [:], playlistItems: [Int] = []
    ) {
        self.executable = executable
        self.url = url
        self.format = format
        self.downloadFolder = downloadFolder
        self.tempFolder = tempFolder
        self.options = options
        self.extraEnvironment = extraEnvironment
        self.playlistItems = playlistItems
    }

    /// The arguments after the executable, ending with `--` and the URL.
    public var arguments: [String] {
        var arguments = [
            "--ignore-config", "--no-plugin-dirs", "--no-exec", "--no-playlist",
            // A playlist's failed entry does not stop the others; yt-dlp still exits 1.
            "--no-abort-on-error",
            // A stream with a missing piece fails (and is retried) instead of completing damaged.
            "--abort-on-unavailable-fragments",
            "--color", "never", "--newline", "--progress",
            "--progress-delta", Self.decimal(options.progressDelta),
            "--progress-template", Self.progressTemplate,
            "--progress-template", Self.postprocessTemplate,
            "--print", Self.infoTemplate,
            "--print", Self.doneTemplate,
            "--no-simulate",
            "-P", "home:" + downloadFolder,
            "-P", "temp:" + tempFolder,
            "--replace-in-metadata", "title,id", Self.titleStrippedPattern, "",
            "-o", Self.outputTemplate,
            "--continue",
        ]
        arguments += format.ytDlpArguments
        arguments += [
            "--retries", String(options.retries),
            "--fragment-retries", String(options.retries),
            "--socket-timeout", String(options.socketTimeout),
        ]
        if let maxFilesize = options.maxFilesize { arguments += ["--max-filesize", String(maxFilesize)] }
        if !playlistItems.isEmpty { arguments += ["--playlist-items", playlistItems.map(String.init).joined(separator: ",")] }
        arguments += ["--", url]
        return arguments
    }

    /// The executable followed by `arguments`.
    public var argv: [String] { [executable] + arguments }

    /// The child's environment: the passed-through variables from `parent`, `YTDLP_NO_PLUGINS=1`,
    /// then `extraEnvironment`.
    public func environment(inheriting parent: [String: String]) -> [String: String] {
        var environment: [String: String] = [:]
        for key in Self.passedEnvironment {
            if let value = parent[key] { environment[key] = value }
        }
        if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        environment["YTDLP_NO_PLUGINS"] = "1"
        environment.merge(extraEnvironment) { _, extra in extra }
        return environment
    }

    /// The command as one shell-quoted line, for display (never executed through a shell).
    public var commandLine: String {
        argv.map(ShellQuoting.quote).joined(separator: " ")
    }

    /// `0.5`, `1`, `2.25`: plain decimal text without exponent.
    static func decimal(_ value: Double) -> String {
        let clamped = min(1_000_000, max(0, value.isFinite ? value : 0))
        if clamped.rounded() == clamped { return String(Int(clamped)) }
        let milli = Int((clamped * 1000).rounded())
        var text = "\(milli / 1000)." + String(String(milli % 1000 + 1000).dropFirst())
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
