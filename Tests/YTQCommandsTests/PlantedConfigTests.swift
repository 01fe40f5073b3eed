import Foundation
import Testing
import YTQTestSupport

/// What a hostile file or environment plants for yt-dlp never runs: config files with
/// `--exec` in every place yt-dlp looks, a plugin, and Python start-up hooks in the
/// environment. The real `ytq worker` runs the real yt-dlp against a loopback server.
@Suite("planted yt-dlp configuration", .serialized)
struct PlantedConfigTests {
    @Test("yt-dlp.conf in eight places, a plugin and PYTHONPATH/PYTHONSTARTUP hooks: none runs, the download completes")
    func nothingPlantedRuns() async throws {
        let home = try TemporaryDirectory("ytq-planted")
        defer { home.remove() }
        let server = try MediaServer()
        defer { server.stop() }
        let marker = home.file("pwned")
        let touch = "--exec \"touch \(marker)\"\n"
        let downloads = home.path + "/downloads"
        let partial = home.path + "/data/ytq/partial/1"
        let configs = [
            home.path + "/yt-dlp.conf", home.path + "/yt-dlp.conf.txt", home.path + "/.yt-dlp/config",
            home.path + "/.yt-dlp/config.txt", home.path + "/config/yt-dlp.conf", home.path + "/config/yt-dlp/config",
            downloads + "/yt-dlp.conf", partial + "/yt-dlp.conf",
        ]
        for path in configs {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try touch.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(chmod(home.path + "/data/ytq", 0o700) == 0 && chmod(home.path + "/data/ytq/partial", 0o700) == 0 && chmod(partial, 0o700) == 0)
        let hook = "import pathlib; pathlib.Path(\(String(reflecting: marker))).touch()\n"
        let plugin = home.path + "/config/yt-dlp/plugins/evil/yt_dlp_plugins/extractor/evil.py"
        try FileManager.default.createDirectory(atPath: (plugin as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try hook.write(toFile: plugin, atomically: true, encoding: .utf8)
        let pythonPath = home.file("pythonpath")
        try FileManager.default.createDirectory(atPath: pythonPath, withIntermediateDirectories: true)
        try hook.write(toFile: pythonPath + "/sitecustomize.py", atomically: true, encoding: .utf8)
        try hook.write(toFile: home.file("startup.py"), atomically: true, encoding: .utf8)
        let env = YTQBinary.isolatedEnvironment(home: home.path, extra: [
            "PYTHONPATH": pythonPath, "PYTHONSTARTUP": home.file("startup.py"), "PYTHONINSPECT": "1",
            "YTDLP_NO_PLUGINS": "", "YT_DLP_CONFIG": home.path + "/yt-dlp.conf",
        ])

        let add = try await YTQBinary.run(["add", server.mediaURL(name: "clip.mp4", size: 20_000)], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let worker = try await YTQBinary.run(["worker", "--until-idle"], environment: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        #expect(worker.stdout.contains("#1 completed"), "\(worker.stdout)")
        #expect(!FileManager.default.fileExists(atPath: marker), "something planted ran")
        #expect(FileManager.default.fileExists(atPath: downloads + "/clip [clip].mp4"))
    }
}
