import Foundation
import Testing
import YTQTestSupport

/// A server that never stops sending, lies about its size, or puts a carriage return in its
/// reason phrase: the real `ytq worker` with the real yt-dlp stops it and says why.
@Suite("hostile servers", .serialized)
struct HostileServerTests {
    let home: TemporaryDirectory
    let env: [String: String]

    init() throws {
        home = try TemporaryDirectory("ytq-hostile")
        env = YTQBinary.isolatedEnvironment(home: home.path)
    }

    func ytq(_ arguments: String...) async throws -> YTQBinary.Result {
        try await YTQBinary.run(arguments, environment: env)
    }

    func task(_ id: Int) async throws -> [String: Any] {
        let show = try await ytq("show", String(id), "--json")
        return try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    }

    @Test("max_filesize stops an endless body (no Content-Length) once it passes the limit, at once")
    func endlessBody() async throws {
        defer { home.remove() }
        let server = try MediaServer()
        defer { server.stop() }
        #expect(try await ytq("add", server.url("/endless/forever.mp4?rate=4000000")).status == 0)
        let worker = try await ytq("worker", "--until-idle", "--max-filesize", "300K")
        #expect(worker.status == 0, "\(worker.stderr)")
        let failed = try await task(1)
        #expect(failed["status"] as? String == "failed")
        let error = try #require(failed["error_message"] as? String)
        #expect(error.hasPrefix("the download is larger than max_filesize (300 KiB): it passed "), "\(error)")
        #expect(error.contains("so ytq stopped it"))
        #expect(!error.contains("attempts"), "a permanent failure: one attempt")
        #expect(failed["attempts"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: home.path + "/data/ytq/partial/1"), "partial files removed")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: home.path + "/downloads")) ?? []).isEmpty)
    }

    @Test("max_filesize from the config file refuses a file whose announced size is larger, before downloading it")
    func announcedTooLarge() async throws {
        defer { home.remove() }
        let server = try MediaServer()
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: home.path + "/config/ytq", withIntermediateDirectories: true)
        try "max_filesize = \"1M\"\n".write(toFile: home.path + "/config/ytq/config.toml", atomically: true, encoding: .utf8)
        // A lying Content-Length of 5 GB on an endless body, and an honest 3 MB file.
        for url in [server.url("/endless/liar.mp4?announce=5000000000"), server.mediaURL(name: "big.mp4", size: 3_000_000)] {
            #expect(try await ytq("add", url).status == 0)
            #expect(try await ytq("worker", "--until-idle").status == 0)
        }
        for id in [1, 2] {
            let failed = try await task(id)
            #expect(failed["status"] as? String == "failed", "\(failed)")
            let error = failed["error_message"] as? String ?? ""
            // yt-dlp refused it on the announced size: no byte of it was kept.
            #expect(error.hasPrefix("yt-dlp downloaded nothing: the server announced a file larger than max_filesize (1 MiB)"), "\(error)")
            #expect(error.contains("raise max_filesize"), "\(error)")
            #expect(!FileManager.default.fileExists(atPath: home.path + "/data/ytq/partial/\(id)"))
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: home.path + "/downloads")) ?? []).isEmpty)
    }

    @Test("a bad max_filesize names where it came from")
    func badSize() async throws {
        defer { home.remove() }
        let result = try await ytq("list", "--max-filesize", "lots")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-filesize must be a size such as 700M, 2G or 1048576 (bytes), got 'lots'"), "\(result.stderr)")
    }

    @Test("a carriage return in a reason phrase never reaches the stored error")
    func carriageReturn() async throws {
        defer { home.remove() }
        let server = try MediaServer()
        defer { server.stop() }
        #expect(try await ytq("add", server.url("/status/404?reason=Gone%0DOK%20all%20fine")).status == 0)
        let worker = try await ytq("worker", "--until-idle")
        #expect(worker.status == 0, "\(worker.stderr)")
        #expect(!worker.stdout.contains("\r"))
        let failed = try await task(1)
        let error = try #require(failed["error_message"] as? String)
        #expect(!error.contains("\r"), "\(error.debugDescription)")
        #expect(error.contains("HTTP Error 404: Gone OK all fine"), "\(error.debugDescription)")
    }
}
