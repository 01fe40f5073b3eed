import Foundation
import Testing
import YTQCore
import YTQTestSupport
import YTQStore

/// `recentURLs(of:limit:)`, the URL field's history: the requester's own URLs, newest first,
/// each once, at most `limit`, however many tasks repeat them.
@Suite("recentURLs: the URL history read from the store")
struct RecentURLsTests {
    let alice = Requester(userID: 1000)
    let bob = Requester(userID: 1001, isAdmin: true)
    let roomy = try! ConcurrencyLimits(perUser: 1000, system: 1000)

    func add(_ database: AppDatabase, _ requester: Requester, _ url: String) async throws {
        _ = try await database.createTask(try DownloadRequest(url: url), by: requester, limits: roomy)
    }

    @Test("own URLs only, newest first, each once, at most the limit")
    func ownNewestFirstOnce() async throws {
        let database = try AppDatabase.inMemory()
        for name in ["a", "b", "a", "c", "b", "d"] {
            try await add(database, alice, "https://example.com/\(name)")
        }
        // An administrator sees everyone's tasks, but the history is theirs alone.
        try await add(database, bob, "https://example.com/bob")
        #expect(try await database.recentURLs(of: alice, limit: 10) == ["d", "b", "c", "a"].map { "https://example.com/\($0)" })
        #expect(try await database.recentURLs(of: alice, limit: 2) == ["https://example.com/d", "https://example.com/b"])
        #expect(try await database.recentURLs(of: bob, limit: 10) == ["https://example.com/bob"])
        #expect(try await database.recentURLs(of: Requester(userID: 1002), limit: 10).isEmpty)
    }

    @Test("a URL repeated by many tasks does not crowd the older ones out")
    func repeatsDoNotCrowdOut() async throws {
        let database = try AppDatabase.inMemory()
        try await add(database, alice, "https://example.com/old")
        for _ in 0..<30 {
            try await add(database, alice, "https://example.com/again")
        }
        #expect(try await database.recentURLs(of: alice, limit: 5) == ["https://example.com/again", "https://example.com/old"])
    }
}
