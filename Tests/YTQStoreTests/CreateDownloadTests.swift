import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

@Suite("CreateDownload rules")
struct CreateDownloadTests {
    let alice = Requester(userID: 1000)
    let bob = Requester(userID: 1001)

    func action(_ database: AppDatabase, _ requester: Requester, perUser: Int = 1, system: Int = 10) throws -> CreateDownload {
        CreateDownload(database: database, limits: try ConcurrencyLimits(perUser: perUser, system: system), requester: requester)
    }

    @Test("creates a pending task with who asked and the format")
    func creates() throws {
        let database = try AppDatabase.inMemory()
        let requester = Requester(userID: 1000, ipAddress: "192.0.2.7")
        let task = try action(database, requester)(url: "https://example.com/v", format: "720p")
        #expect(task.status == .pending)
        #expect(task.userID == 1000)
        #expect(task.ipAddress == "192.0.2.7")
        #expect(task.format == "720p")
        #expect(task.metaData.isEmpty)
        #expect(try database.task(id: task.id) == task)
    }

    @Test("a second active download for one user is refused, naming the active task")
    func perUser() throws {
        let database = try AppDatabase.inMemory()
        let first = try action(database, alice)(url: "https://example.com/first")
        #expect(throws: CreateDownloadError.refused(.perUserLimitReached(requester: alice, limit: 1, blocking: first.summary))) {
            try action(database, alice)(url: "https://example.com/second")
        }
        // Another user is not affected.
        _ = try action(database, bob)(url: "https://example.com/bob")
        #expect(try database.tasks().count == 2)
    }

    @Test("a finished task frees the user's slot")
    func finishedFrees() throws {
        let database = try AppDatabase.inMemory()
        for status in [DownloadStatus.completed, .failed, .cancelled] {
            let task = try action(database, alice)(url: "https://example.com/\(status)")
            try database.writer.write { db in
                try db.execute(sql: "UPDATE download_tasks SET status = ? WHERE id = ?", arguments: [status.rawValue, task.id])
            }
        }
        _ = try action(database, alice)(url: "https://example.com/next")
    }

    @Test("the 11th active download system-wide is refused")
    func system() throws {
        let database = try AppDatabase.inMemory()
        for uid in 0..<10 {
            _ = try action(database, Requester(userID: 2000 + uid))(url: "https://example.com/\(uid)")
        }
        #expect(throws: CreateDownloadError.refused(.systemLimitReached(limit: 10, active: 10))) {
            try action(database, Requester(userID: 3000))(url: "https://example.com/eleventh")
        }
        #expect(try database.activeTaskCount() == 10)
    }

    @Test("both limits are configurable")
    func configurable() throws {
        let database = try AppDatabase.inMemory()
        for index in 0..<3 { _ = try action(database, alice, perUser: 3, system: 4)(url: "https://example.com/\(index)") }
        #expect(throws: CreateDownloadError.self) { try action(database, alice, perUser: 3, system: 4)(url: "https://example.com/4") }
        _ = try action(database, bob, perUser: 3, system: 4)(url: "https://example.com/bob")
        #expect(throws: CreateDownloadError.refused(.systemLimitReached(limit: 4, active: 4))) {
            try action(database, Requester(userID: 9), perUser: 3, system: 4)(url: "https://example.com/x")
        }
    }

    @Test("without a uid, a requester is identified by address")
    func byAddress() throws {
        let database = try AppDatabase.inMemory()
        let remoteA = Requester(userID: nil, ipAddress: "192.0.2.7")
        let remoteB = Requester(userID: nil, ipAddress: "192.0.2.8")
        _ = try action(database, remoteA)(url: "https://example.com/a")
        _ = try action(database, remoteB)(url: "https://example.com/b")
        #expect(throws: CreateDownloadError.self) { try action(database, remoteA)(url: "https://example.com/a2") }
        // A uid-identified user at the same address is someone else.
        _ = try action(database, Requester(userID: 1000, ipAddress: "192.0.2.7"))(url: "https://example.com/c")
    }

    @Test("bad input writes nothing", arguments: [
        ("ftp://x.com/v", "best"), ("--exec=id", "best"), ("https://x.com/a b", "best"),
        ("https://x.com/" + String(repeating: "a", count: 5000), "best"), ("https://x.com/v", "4k"), ("https://x.com/v", ""),
    ])
    func badInput(url: String, format: String) throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: CreateDownloadError.self) { try action(database, alice)(url: url, format: format) }
        #expect(try database.tasks().isEmpty)
    }
}
