import Foundation
import Testing
import YTQTestSupport

/// Two databases in one folder, each with its own worker and its own task #1: their partial
/// folders must not be shared, or one database's finished task removes the other's `.part`.
@Suite("Two databases in one folder")
struct TwoDatabasesTests {
    @Test("one database's task #1 completing leaves the other's task #1 partial file alone")
    func separatePartials() async throws {
        let home = try TemporaryDirectory("ytq-twodb")
        defer { home.remove() }
        func env(_ name: String) -> [String: String] {
            YTQBinary.isolatedEnvironment(home: home.path, extra: [
                "YTQ_DB": home.path + "/db/\(name).sqlite", "YTQ_DOWNLOAD_DIR": home.path + "/downloads-\(name)",
                "YTQ_YTDLP": TestFixtures.fakeYtDlp,
            ])
        }
        let first = try await YTQBinary.run(["add", "https://fake.test/video/hang"], environment: env("a"))
        #expect(first.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(first.stderr)")
        let hanging = try WorkerProcess([], environment: env("a"))
        defer { hanging.child.signal(SIGKILL) }
        #expect(await hanging.waitFor { $0["event"] as? String == "DownloadProgressUpdated" } != nil, "\(hanging.stderr)")
        let partials = PartialFolders.files(databaseFolder: home.path + "/db", taskID: 1)
        #expect(partials.count == 1, "database a's .part: \(partials)")

        let second = try await YTQBinary.run(["add", "https://fake.test/video/success"], environment: env("b"))
        #expect(second.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(second.stderr)")
        let finishing = try WorkerProcess(["--until-idle"], environment: env("b"))
        #expect(await finishing.wait() == 0, "\(finishing.stderr)")
        #expect(finishing.events.contains { $0["event"] as? String == "DownloadCompleted" })

        for path in partials {
            #expect(FileManager.default.fileExists(atPath: path), "database b's completed task #1 removed database a's \(path)")
        }
        #expect(await hanging.stop() == 0, "\(hanging.stderr)")
    }
}
