/// Why a download did not complete, sorted by what ytq does about it (see `RetryPolicy`).
public struct FailureReason: Sendable, Equatable, Codable, Error, CustomStringConvertible {
    /// What ytq does next with a failure of this kind.
    public enum Kind: String, Sendable, Codable {
        /// Network trouble or a server error: worth retrying with backoff.
        case transient
        /// Will fail again the same way (unsupported URL, 4xx, unavailable video).
        case permanent
        /// No byte arrived for the stall timeout.
        case stalled
        /// yt-dlp (or ffmpeg) is missing or cannot run.
        case toolMissing
        /// The worker running it died too often.
        case crashLoop
        /// A resume the server cannot serve (HTTP 416): drop the partial file and start over.
        case staleResume
        /// A disk filled up (ENOSPC): the partial files go at once, to free the space, and the
        /// task is not retried by itself (the disk does not empty itself).
        case diskFull
    }

    public var kind: Kind
    /// The real reason, e.g. yt-dlp's `ERROR:` line.
    public var message: String
    /// What the user can do about it, where ytq knows.
    public var hint: String?

    /// A carriage return or newline in `message` or `hint` (yt-dlp's `\r[download] …`, a
    /// server's reason phrase) becomes a space: a stored error is one line, and a raw CR
    /// would let what follows overwrite what precedes it on a terminal.
    public init(kind: Kind, message: String, hint: String? = nil) {
        self.kind = kind
        self.message = Self.oneLine(message)
        self.hint = hint.map(Self.oneLine)
    }

    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar == "\r" || scalar == "\n" ? " " : scalar)
        }
        return String(String(out).trimmingSpaces())
    }

    public var description: String {
        guard let hint else { return message }
        return "\(message) (\(hint))"
    }
}
