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
}
