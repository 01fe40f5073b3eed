import Foundation
import YTQCore

/// Turns what a failed yt-dlp run left on stderr, and how it exited, into a `FailureReason`.
///
/// The message is yt-dlp's own `ERROR:` line (without the prefix and its repeated
/// "caused by" tail), never a bare exit code when such a line exists. Without one, the last
/// stderr line is used, then the exit status or signal.
public enum YtDlpErrorClassifier {
    static let maxMessageLength = 600

    /// - Parameters:
    ///   - stderrLines: the run's stderr lines, oldest first (a tail is enough).
    ///   - status: how the process ended.
    public static func classify(stderrLines: [String], status: YtDlpExitStatus) -> FailureReason {
        let lines = stderrLines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if let errorLine = lines.last(where: { $0.hasPrefix("ERROR:") }) {
            return classify(errorLine: errorLine)
        }
        if let last = lines.last {
            var reason = classify(errorLine: last)
            if case .signaled = status { reason.kind = .transient }
            reason.message = clip(last) + " (yt-dlp \(status))"
            return reason
        }
        switch status {
        case .exited(2):
            return FailureReason(
                kind: .permanent, message: "yt-dlp rejected its options (exit status 2)",
                hint: "this yt-dlp may be too old for ytq; update it with `pip install -U yt-dlp`"
            )
        case .exited, .signaled:
            return FailureReason(kind: .transient, message: "yt-dlp stopped without an error message (\(status))")
        }
    }

    /// Classifies one message line (with or without its `ERROR: ` prefix).
    public static func classify(errorLine: String) -> FailureReason {
        let message = clean(errorLine)
        let lower = errorLine.lowercased()
        for rule in rules where rule.matches(lower) {
            return FailureReason(kind: rule.kind, message: message, hint: rule.hint)
        }
        return FailureReason(kind: .permanent, message: message)
    }

    /// The line without `ERROR: `, the bug-report boilerplate and a trailing `(caused by …)`.
    static func clean(_ line: String) -> String {
        var text = Substring(line.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("ERROR:") { text = text.dropFirst("ERROR:".count) }
        var message = String(text).trimmingCharacters(in: .whitespaces)
        if let range = message.range(of: "; please report this issue on") {
            message = String(message[..<range.lowerBound])
        }
        if message.hasSuffix(")"), let range = message.range(of: " (caused by ", options: .backwards) {
            message = String(message[..<range.lowerBound])
        }
        return clip(message.isEmpty ? line : message)
    }

    static func clip(_ text: String) -> String {
        text.clipped(to: maxMessageLength)
    }

    struct Rule {
        var kind: FailureReason.Kind
        var needles: [String]
        var hint: String?

        func matches(_ lowercasedLine: String) -> Bool {
            needles.contains { lowercasedLine.contains($0) }
        }
    }

    static let ffmpegHint = "install ffmpeg (apt-get install ffmpeg), or choose a format that needs no merging"
    static let ytDlpUpdateHint = "update yt-dlp (`pip install -U yt-dlp`)"

    /// First match wins; needles are lowercase.
    static let rules: [Rule] = [
        // Before the network rules: "unable to download video data: [Errno 28] …" is a full disk.
        Rule(kind: .diskFull, needles: ["[errno 28]", "no space left on device", "disk quota exceeded", "[errno 122]"],
             hint: "a disk is full; ytq removed the partial files to free space. Free more space, then `ytq retry`"),
        Rule(kind: .toolMissing, needles: ["ffmpeg not found", "ffprobe not found", "ffmpeg is not installed",
                                            "ffprobe and ffmpeg not found", "ffmpeg could not be found"], hint: ffmpegHint),
        Rule(kind: .permanent, needles: ["unsupported url"],
             hint: "yt-dlp knows no site at this address and found no media in the page; check the URL, or " + ytDlpUpdateHint),
        Rule(kind: .permanent, needles: ["is not a valid url"], hint: "pass a full http:// or https:// address"),
        Rule(kind: .transient, needles: ["http error 408", "http error 429"],
             hint: "the server asked to slow down"),
        Rule(kind: .staleResume, needles: ["http error 416"],
             hint: "the partial file did not match the server's file; ytq starts over"),
        // A piece (fragment) of a DASH or HLS stream is gone; with --abort-on-unavailable-fragments
        // the run fails rather than leave a damaged file. CDNs lose and regain pieces: retried.
        Rule(kind: .transient, needles: ["[download] got error: http error 404", "[download] got error: http error 410",
                                          "not found, unable to continue"],
             hint: "a piece of the stream is missing on the server; ytq keeps no file with a gap in it"),
        Rule(kind: .permanent, needles: ["http error 404", "http error 410"],
             hint: "the server says nothing is at this address; check the URL"),
        Rule(kind: .permanent, needles: ["http error 401", "http error 403"],
             hint: "the server refused access; the link may have expired, need a login, or need " + ytDlpUpdateHint),
        Rule(kind: .permanent, needles: ["http error 4"], hint: nil),
        Rule(kind: .transient, needles: ["http error 5"], hint: "the server failed"),
        Rule(kind: .transient, needles: [
            "[errno 111]", "[errno 104]", "[errno 110]", "[errno 101]", "[errno 113]", "[errno -3]",
            "connection refused", "connection reset", "connection aborted", "timed out", "timeout",
            "temporary failure in name resolution", "network is unreachable", "no route to host",
            "remote end closed connection", "incompleteread", "incomplete read", "eof occurred",
            "giving up after", "unable to download video data", "did not get any data blocks",
        ], hint: "network trouble"),
        Rule(kind: .permanent, needles: ["[errno -2]", "name or service not known"],
             hint: "no such host; check the host name in the URL"),
        Rule(kind: .transient, needles: ["failed to resolve"], hint: "the host name could not be resolved; check the network"),
        Rule(kind: .transient, needles: ["interrupted by user"], hint: "yt-dlp was interrupted"),
        Rule(kind: .permanent, needles: ["requested format is not available", "no video formats found"],
             hint: "pick another format (e.g. `best`), or " + ytDlpUpdateHint),
        Rule(kind: .permanent, needles: ["sign in to confirm", "private video", "members-only", "login required",
                                          "this video is unavailable", "video unavailable", "has been removed"],
             hint: nil),
        Rule(kind: .permanent, needles: ["unable to extract", "please report this issue"], hint: ytDlpUpdateHint),
    ]
}
