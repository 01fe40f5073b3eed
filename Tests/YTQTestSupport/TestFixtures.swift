import Foundation

/// Paths of the non-Swift fixtures in `Tests/Fixtures`, found from this source file's path.
public enum TestFixtures {
    /// `<package>/Tests/Fixtures`.
    public static let directory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
    }()

    /// The loopback media server (`media_server.py`), run by `MediaServer`.
    public static var mediaServerScript: String { directory + "/media_server.py" }

    /// A stand-in for yt-dlp whose behaviour is chosen by the URL's last path component
    /// (`https://fake.test/success`, `/fail-404`, `/hang`, `/ignore-sigint`, `/exit-N`, …);
    /// see the comment at the top of `fake-yt-dlp.sh`.
    public static var fakeYtDlp: String { directory + "/fake-yt-dlp.sh" }

    /// Writes `text` to `path` as an executable script. The file is opened close-on-exec and
    /// closed before this returns, so no child spawned meanwhile by another test can hold it
    /// open for writing (which would make running it fail with ETXTBSY).
    public static func writeExecutable(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            written += count
        }
        fchmod(fd, 0o755)
    }
}
