import Foundation
import Testing
import YTQTestSupport

/// `ytq serve` as a process, used by two real Unix users (A and B) through the `ytq` client and
/// through curl on its socket: the rules, ownership, privacy and file access hold whatever a
/// client sends, since the kernel says who asks. Each test starts its own server and stops it.
@Suite("ytq serve with real users", .enabled(if: TestUsers.isAvailable, TestUsers.skipReason))
struct ServeTests {
    @Test("the rules through the service: one active download per user; the limits are the server's alone")
    func rules() async throws {
        try await Self.withTwoUsers { a, b, serve, media in

            let id = try await Self.add(media.mediaURL(name: "rules-a.mp4", size: 4_000_000, rate: 400_000), as: a, on: serve)
            let second = try await serve.ytq(["add", media.mediaURL(name: "rules-a2.mp4", size: 1000)], as: a)
            #expect(second.status == 3, "\(second.stdout) \(second.stderr)")
            #expect(second.stdout.isEmpty)
            #expect(second.stderr.contains("refused: \(a.name) may have 1 active download at a time (per-user limit 1); task #\(id)"),
                    "\(second.stderr)")
            let limits = try await serve.ytq(
                ["add", media.mediaURL(name: "rules-a3.mp4", size: 1000), "--per-user-limit", "100", "--system-limit", "100"], as: a)
            #expect(limits.status == 2, "\(limits.stderr)")
            #expect(limits.stderr.contains("--per-user-limit cannot be used with a shared queue"), "\(limits.stderr)")
            #expect(limits.stderr.contains("sets the limits for everyone"), "\(limits.stderr)")
            let other = try await Self.add(media.mediaURL(name: "rules-b.mp4", size: 4_000_000, rate: 400_000), as: b, on: serve)
            #expect(other != id)

            let all = try await Self.list(asRootOn: serve)
            #expect(all.count == 2, "only the two accepted adds made tasks: \(all)")
            #expect(Set(all.compactMap { $0["user_id"] as? Int }) == [Int(a.uid), Int(b.uid)])
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }

    @Test("privacy and ownership: B sees nothing of A's task, and none of B's actions on it change anything")
    func privacy() async throws {
        try await Self.withTwoUsers { a, b, serve, media in
            let size = 6_000_000
            let idA = try await Self.add(media.mediaURL(name: "private.mp4", size: size, rate: 200_000) + "&token=secret", as: a, on: serve)
            let idB = try await Self.add(media.mediaURL(name: "public.mp4", size: 1000), as: b, on: serve)

            let listed = try await serve.ytq(["list", "--json"], as: b)
            #expect(listed.status == 0, "\(listed.stderr)")
            let tasks = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]) ?? []
            #expect(tasks.compactMap { $0["id"] as? Int } == [Int(idB)], "\(listed.stdout)")
            try await expectNothingOfA(as: b, on: serve, texts: [listed.stdout])
            #expect(try await serve.curl("GET", "/v1/tasks/\(idA)", as: b).status == 403)

            // While A's download runs (30 s at 200 kB/s, room for a loaded machine), then once it has completed.
            let before = try await Self.task(idA, as: a, on: serve)
            #expect(["pending", "downloading"].contains(before?["status"] as? String ?? ""), "\(String(describing: before))")
            try await expectRefused(b, actingOn: idA, on: serve)
            let running = try await Self.task(idA, as: a, on: serve)
            #expect(["pending", "downloading", "completed"].contains(running?["status"] as? String ?? ""), "\(String(describing: running))")
            let completed = try #require(await Self.waitForStatus("completed", of: idA, as: a, on: serve))
            let path = try #require(completed["file_path"] as? String)
            let expected = Data(MediaPattern.bytes(name: "private.mp4", size: size))
            #expect(FileManager.default.contents(atPath: path) == expected)
            try await expectRefused(b, actingOn: idA, on: serve)
            try await expectNothingOfA(as: b, on: serve, texts: [])
            let after = try await Self.task(idA, as: a, on: serve)
            #expect(after?["status"] as? String == "completed")
            #expect(after?["file_path"] as? String == path)
            #expect(FileManager.default.contents(atPath: path) == expected, "A's file is intact")
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }

    /// B's cancel, retry, pause, remove --delete-file and show of A's task all fail as not B's.
    func expectRefused(_ b: TestUsers.User, actingOn id: Int64, on serve: ServeProcess,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for command in [["cancel"], ["retry"], ["pause"], ["remove", "--delete-file"], ["show"], ["resume"]] {
            let result = try await serve.ytq([command[0], String(id)] + command.dropFirst(), as: b)
            #expect(result.status != 0, "\(command) by B succeeded: \(result.stdout)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains("task #\(id) belongs to another user"), "\(command): \(result.stderr)",
                    sourceLocation: sourceLocation)
            #expect(!result.stdout.contains("secret") && !result.stderr.contains("secret"), sourceLocation: sourceLocation)
        }
    }

    /// Nothing B gets from the API (nor `texts`) names A's URL.
    func expectNothingOfA(as b: TestUsers.User, on serve: ServeProcess, texts: [String],
                          sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var seen = texts
        for path in ["/v1/tasks", "/v1/page", "/v1/tasks/1", "/v1/tasks?status=downloading", "/v1/page?filter=private"] {
            let answer = try await serve.curl("GET", path, as: b)
            #expect(answer.status != -1, "curl \(path) failed", sourceLocation: sourceLocation)
            seen.append(answer.body)
        }
        for text in seen {
            #expect(!text.contains("secret") && !text.contains("private.mp4"), "A's URL reached B: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test("files: a completed download is in <state>/library/<user>/, byte-identical, readable by its user only")
    func files() async throws {
        try await Self.withTwoUsers { a, b, serve, media in
            let idA = try await Self.add(media.mediaURL(name: "file-a.mp4", size: 300_000), as: a, on: serve)
            let idB = try await Self.add(media.mediaURL(name: "file-b.mp4", size: 200_000), as: b, on: serve)
            let recordA = try #require(await Self.waitForStatus("completed", of: idA, as: a, on: serve))
            let recordB = try #require(await Self.waitForStatus("completed", of: idB, as: b, on: serve))
            let pathA = try #require(recordA["file_path"] as? String)
            let pathB = try #require(recordB["file_path"] as? String)
            #expect(pathA.hasPrefix(serve.folder(of: a) + "/"), "\(pathA)")
            #expect(pathB.hasPrefix(serve.folder(of: b) + "/"), "\(pathB)")
            #expect(FileManager.default.contents(atPath: pathA) == Data(MediaPattern.bytes(name: "file-a.mp4", size: 300_000)))
            #expect(FileManager.default.contents(atPath: pathB) == Data(MediaPattern.bytes(name: "file-b.mp4", size: 200_000)))

            for (owner, other, path, size) in [(a, b, pathA, 300_000), (b, a, pathB, 200_000)] {
                let read = try await owner.run(["wc", "-c", path])
                #expect(read.status == 0, "\(owner.name) reads their file: \(read.stderr)")
                #expect(read.stdout.hasPrefix("\(size) "), "\(read.stdout)")
                let copy = try await owner.run(["cat", path])
                #expect(copy.status == 0 && !copy.stdout.isEmpty)
                let refused = try await other.run(["head", "-c", "16", path])
                #expect(refused.status != 0, "\(other.name) read another user's file")
                #expect(refused.stdout.isEmpty)
                let listing = try await other.run(["ls", URL(fileURLWithPath: path).deletingLastPathComponent().path])
                #expect(listing.status != 0, "\(other.name) listed another user's folder: \(listing.stdout)")
            }
            let library = try await b.run(["ls", serve.library])
            #expect(library.status != 0, "the library lists no one's folder: \(library.stdout)")
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }
}

extension ServeTests {
    /// `ytq add URL` as `user`; its id (a failed add is an issue, and -1).
    /// Two real users (A and B), a running `ytq serve` and a loopback media server, all stopped
    /// and removed afterwards, whatever the body does.
    static func withTwoUsers(_ body: (TestUsers.User, TestUsers.User, ServeProcess, MediaServer) async throws -> Void) async throws {
        try await TestUsers.with(2) { users in
            let serve = try await ServeProcess()
            defer { serve.remove() }
            let media = try MediaServer()
            defer { media.stop() }
            try await body(users[0], users[1], serve, media)
        }
    }

    static func add(_ url: String, as user: TestUsers.User, on serve: ServeProcess,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int64 {
        let result = try await serve.ytq(["add", url], as: user)
        #expect(result.status == 0, "add as \(user.name): \(result.stderr)", sourceLocation: sourceLocation)
        return Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// `ytq show ID --json` as `user`, parsed; nil when it fails.
    static func task(_ id: Int64, as user: TestUsers.User, on serve: ServeProcess) async throws -> [String: Any]? {
        let result = try await serve.ytq(["show", String(id), "--json"], as: user)
        guard result.status == 0 else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any]
    }

    /// Waits until task `id` has `status` (as `user` sees it); its record, or nil (an issue).
    static func waitForStatus(_ status: String, of id: Int64, as user: TestUsers.User, on serve: ServeProcess,
                              timeout: Duration = .seconds(90), sourceLocation: SourceLocation = #_sourceLocation) async -> [String: Any]? {
        await eventually("task #\(id) \(status)", timeout: timeout, sourceLocation: sourceLocation) { () async throws -> [String: Any]? in
            guard let record = try await task(id, as: user, on: serve), record["status"] as? String == status else { return nil }
            return record
        }
    }

    /// Every task, as root (who sees everyone's) through the service.
    static func list(asRootOn serve: ServeProcess, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String: Any]] {
        let result = try await serve.ytqAsRoot(["list", "--json", "--all"])
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }
}
