import Foundation
import Testing
import YTQTestSupport

/// `ytq serve` against what a hostile or careless party does: a planted link where a user's
/// folder goes, malformed and oversized requests, and many adds at once.
extension ServeTests {
    @Test("a user's library folder that the service did not make (a link, another owner) fails the download; nothing is written there")
    func hostileFolders() async throws {
        try await Self.withTwoUsers { a, b, serve, media in
            // B's folder: a link to a folder elsewhere. A's: a folder A owns (A could change its ACL).
            let elsewhere = serve.root + "/elsewhere"
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(atPath: serve.folder(of: b), withDestinationPath: elsewhere)
            try FileManager.default.createDirectory(atPath: serve.folder(of: a), withIntermediateDirectories: false)
            #expect(chown(serve.folder(of: a), a.uid, a.gid) == 0)

            let idB = try await Self.add(media.mediaURL(name: "linked.mp4", size: 100_000), as: b, on: serve)
            let idA = try await Self.add(media.mediaURL(name: "owned.mp4", size: 100_000), as: a, on: serve)
            let failedB = try #require(await Self.waitForStatus("failed", of: idB, as: b, on: serve))
            let reasonB = failedB["error_message"] as? String ?? ""
            #expect(reasonB.contains("\(serve.folder(of: b)) is not a folder the service made"), "\(reasonB)")
            let failedA = try #require(await Self.waitForStatus("failed", of: idA, as: a, on: serve))
            let reasonA = failedA["error_message"] as? String ?? ""
            #expect(reasonA.contains("belongs to uid \(a.uid), not to the service"), "\(reasonA)")

            #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty, "nothing written through the link")
            #expect(try FileManager.default.contentsOfDirectory(atPath: serve.folder(of: a)).isEmpty)
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: serve.folder(of: b))) == elsewhere, "the link is left as it was")
            let fetched = media.requests.filter { $0.path.contains("linked.mp4") || $0.path.contains("owned.mp4") }
            #expect(fetched.isEmpty, "nothing was downloaded: \(fetched.map(\.path))")
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }

    @Test("bad clients get 400, 413 or 404 with a JSON error, and the server keeps answering")
    func badClients() async throws {
        try await TestUsers.with(1) { users in
            let b = users[0]
            let serve = try await ServeProcess()
            defer { serve.remove() }

            let malformed = try await serve.curl("POST", "/v1/tasks", body: "{\"url\": ", as: b)
            #expect(malformed.status == 400, "\(malformed)")
            #expect((malformed.object?["error"] as? [String: Any])?["kind"] as? String == "bad_body", "\(malformed.body)")
            let wrongType = try await serve.curl("POST", "/v1/tasks", body: "{\"url\": 5}", as: b)
            #expect(wrongType.status == 400, "\(wrongType)")
            #expect((wrongType.object?["error"] as? [String: Any])?["kind"] as? String == "bad_body", "\(wrongType.body)")
            let badURL = try await serve.curl("POST", "/v1/tasks", body: "{\"url\": \"ftp://example.com/v\"}", as: b)
            #expect(badURL.status == 400, "\(badURL)")
            #expect((badURL.object?["error"] as? [String: Any])?["kind"] as? String == "invalid", "\(badURL.body)")

            // Over 64 KiB, from a file B can read.
            let large = serve.root + "/large.json"
            let padding = String(repeating: "a", count: 70 * 1024)
            try Data("{\"url\": \"https://example.com/\(padding)\"}".utf8).write(to: URL(fileURLWithPath: large))
            chmod(large, 0o644)
            let tooLarge = try await serve.curl("POST", "/v1/tasks", bodyFile: large, as: b)
            #expect(tooLarge.status == 413, "\(tooLarge.status) \(tooLarge.body.prefix(300))")

            for path in ["/v1/nothing-here", "/v2/tasks", "/", "/v1/tasks/1/explode"] {
                let unknown = try await serve.curl("GET", path, as: b)
                #expect(unknown.status == 404, "\(path): \(unknown)")
                #expect((unknown.object?["error"] as? [String: Any])?["kind"] as? String == "not_found", "\(path): \(unknown.body)")
            }
            for path in ["/v1/tasks/abc", "/v1/tasks/-1", "/v1/tasks/0", "/v1/tasks/99999999999999999999999", "/v1/tasks/1.5"] {
                let bad = try await serve.curl("GET", path, as: b)
                #expect([400, 404].contains(bad.status), "\(path): \(bad)")
            }
            let badQuery = try await serve.curl("GET", "/v1/tasks?limit=-3", as: b)
            #expect(badQuery.status == 400, "\(badQuery)")

            let list = try await serve.curl("GET", "/v1/tasks", as: b)
            #expect(list.status == 200, "\(list)")
            #expect((list.object?["tasks"] as? [Any])?.isEmpty == true, "no request made a task: \(list.body)")
            let client = try await serve.ytq(["list"], as: b)
            #expect(client.status == 0, "\(client.stderr)")
            #expect(try await Self.list(asRootOn: serve).isEmpty)
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }

    @Test("ten adds at once by each of two users: exactly one accepted per user, the rest refused (exit 3)")
    func addRace() async throws {
        try await TestUsers.with(2) { users in
            let serve = try await ServeProcess()
            defer { serve.remove() }
            let media = try MediaServer()
            defer { media.stop() }
            let runs = try await withThrowingTaskGroup(of: (String, TestUsers.Result).self) { group in
                for user in users {
                    for index in 0..<10 {
                        let url = media.mediaURL(name: "race-\(user.name)-\(index).mp4", size: 10_000_000, rate: 200_000)
                        group.addTask { (user.name, try await serve.ytq(["add", url], as: user)) }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for user in users {
                let mine = runs.filter { $0.0 == user.name }.map(\.1)
                #expect(mine.filter { $0.status == 0 }.count == 1, "\(user.name): \(mine.map { "\($0.status) \($0.stderr)" })")
                #expect(mine.filter { $0.status == 3 }.count == 9, "\(user.name): \(mine.map { "\($0.status) \($0.stderr)" })")
                for refused in mine where refused.status == 3 {
                    #expect(refused.stderr.contains("refused: \(user.name) may have 1 active download at a time"), "\(refused.stderr)")
                }
            }
            let all = try await Self.list(asRootOn: serve)
            #expect(all.count == 2, "\(all)")
            #expect(all.allSatisfy { ["pending", "downloading"].contains($0["status"] as? String ?? "") }, "\(all)")
            #expect(Set(all.compactMap { $0["user_id"] as? Int }) == Set(users.map { Int($0.uid) }))
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }
}
