import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

@Suite("createTask: the rules, checked and written in one transaction")
struct CreateTaskTests {
    let alice = Requester(userID: 1000)
    let bob = Requester(userID: 1001)

    /// Validates like the command line does, then asks the store.
    func add(_ database: AppDatabase, _ requester: Requester, url: String, format: String? = nil, perUser: Int = 1, system: Int = 10) async throws -> DownloadTask {
        let limits = try ConcurrencyLimits(perUser: perUser, system: system)
        let request: DownloadRequest
        do {
            request = try DownloadRequest(url: url, format: format)
        } catch {
            throw ActionError.invalid(error)
        }
        return try await database.createTask(request, by: requester, limits: limits)
    }

    @Test("creates a pending task with who asked and the format")
    func creates() async throws {
        let database = try AppDatabase.inMemory()
        let requester = Requester(userID: 1000, ipAddress: "192.0.2.7")
        let task = try await add(database, requester, url: "https://example.com/v", format: "720p")
        #expect(task.status == .pending)
        #expect(task.userID == 1000)
        #expect(task.ipAddress == "192.0.2.7")
        #expect(task.format == .preset(.p720))
        #expect(task.metaData.isEmpty)
        #expect(task.claim == nil && task.child == nil)
        #expect(try await database.task(id: task.id) == task)
    }

    @Test("a second active download for one user is refused, naming the active task")
    func perUser() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await add(database, alice, url: "https://example.com/first")
        await #expect(throws: ActionError.refused(.perUserLimitReached(requester: alice, limit: 1, blocking: first.summary))) {
            try await add(database, alice, url: "https://example.com/second")
        }
        // Another user is not affected.
        _ = try await add(database, bob, url: "https://example.com/bob")
        #expect(try await database.tasks().count == 2)
    }

    @Test("a finished task frees the user's slot")
    func finishedFrees() async throws {
        let database = try AppDatabase.inMemory()
        for status in [DownloadStatus.completed, .failed, .cancelled] {
            let task = try await add(database, alice, url: "https://example.com/\(status)")
            try await database.writer.write { db in
                try db.execute(literal: "UPDATE download_tasks SET status = \(status) WHERE id = \(task.id)")
            }
        }
        _ = try await add(database, alice, url: "https://example.com/next")
    }

    @Test("the 11th active download system-wide is refused")
    func system() async throws {
        let database = try AppDatabase.inMemory()
        for uid in 0..<10 {
            _ = try await add(database, Requester(userID: 2000 + uid), url: "https://example.com/\(uid)")
        }
        await #expect(throws: ActionError.refused(.systemLimitReached(limit: 10, active: 10))) {
            try await add(database, Requester(userID: 3000), url: "https://example.com/eleventh")
        }
        #expect(try await database.activeTaskCount() == 10)
    }

    @Test("both limits are configurable")
    func configurable() async throws {
        let database = try AppDatabase.inMemory()
        for index in 0..<3 { _ = try await add(database, alice, url: "https://example.com/\(index)", perUser: 3, system: 4) }
        await #expect(throws: ActionError.self) { try await add(database, alice, url: "https://example.com/4", perUser: 3, system: 4) }
        _ = try await add(database, bob, url: "https://example.com/bob", perUser: 3, system: 4)
        await #expect(throws: ActionError.refused(.systemLimitReached(limit: 4, active: 4))) {
            try await add(database, Requester(userID: 9), url: "https://example.com/x", perUser: 3, system: 4)
        }
    }

    @Test("without a uid, a requester is identified by address")
    func byAddress() async throws {
        let database = try AppDatabase.inMemory()
        let remoteA = Requester(userID: nil, ipAddress: "192.0.2.7")
        let remoteB = Requester(userID: nil, ipAddress: "192.0.2.8")
        _ = try await add(database, remoteA, url: "https://example.com/a")
        _ = try await add(database, remoteB, url: "https://example.com/b")
        await #expect(throws: ActionError.self) { try await add(database, remoteA, url: "https://example.com/a2") }
        // A uid-identified user at the same address is someone else.
        _ = try await add(database, Requester(userID: 1000, ipAddress: "192.0.2.7"), url: "https://example.com/c")
    }

    @Test("bad input writes nothing", arguments: [
        ("ftp://x.com/v", "best"), ("--exec=id", "best"), ("https://x.com/a b", "best"),
        ("https://x.com/" + String(repeating: "a", count: 5000), "best"), ("https://x.com/v", "4k"), ("https://x.com/v", ""),
    ])
    func badInput(url: String, format: String) async throws {
        let database = try AppDatabase.inMemory()
        await #expect(throws: ActionError.self) { try await add(database, alice, url: url, format: format) }
        #expect(try await database.tasks().isEmpty)
    }

    @Test("a format is stored as text and read back as the same FormatSpec", arguments: ["best", "audio-mp3", "bv*[height<=360]+ba/b", "raw:mp4", "22"])
    func formatRoundTrip(format: String) async throws {
        let database = try AppDatabase.inMemory()
        let task = try await add(database, alice, url: "https://example.com/v", format: format)
        let stored = try await database.writer.read { try String.fetchOne($0, sql: "SELECT format FROM download_tasks") }
        #expect(stored == (try FormatSpec(parsing: format)).storedValue)
        #expect(try await database.task(id: task.id)?.format == (try FormatSpec(parsing: format)))
    }

    @Test("a row whose stored format does not parse is refused with the task and the reason, not read as something else")
    func corruptFormat() async throws {
        let database = try AppDatabase.inMemory()
        let task = try await add(database, alice, url: "https://example.com/v")
        try await database.writer.write { try $0.execute(sql: "UPDATE download_tasks SET format = 'nonsense'") }
        await #expect(throws: StoreError.self) { try await database.task(id: task.id) }
    }
}
