import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

@Suite("Migrations upgrade old databases in place")
struct MigrationTests {
    @Test("v3 adds queued and paused to a v2 database, keeping every row, id and the id sequence")
    func v2ToV3() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("ytq.sqlite")
        // A database as the previous release left it: tasks 1, 2 and 5; 6–9 were removed.
        let old = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(old, upTo: "v2-scheduler")
        try await old.write { db in
            for (id, status) in [(1, "completed"), (2, "downloading"), (5, "pending")] {
                try db.execute(sql: """
                    INSERT INTO download_tasks (id, user_id, ip_address, video_url, format, status, created_at, updated_at, attempts)
                    VALUES (?, 1000, '127.0.0.1', ?, '720p', ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000', 2)
                    """, arguments: [id, "https://example.com/\(id)", status])
            }
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'download_tasks'")
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE download_tasks SET status = 'paused' WHERE id = 5")
            }
        }
        try old.close()

        let database = try await AppDatabase.open(path: path)
        let tasks = try await database.tasks()
        #expect(tasks.map(\.id) == [5, 2, 1])
        #expect(tasks.map(\.status) == [.pending, .downloading, .completed])
        #expect(tasks.allSatisfy { $0.format == .preset(.p720) && $0.attempts == 2 })
        let next = try await database.createTask(try DownloadRequest(url: "https://example.com/new"), by: Requester(userID: 2000), limits: .default)
        #expect(next.id == 10, "a removed task's id is never given again (its partial folder may still exist)")
        _ = try await database.pauseTask(id: 5, by: Requester(userID: 1000), limits: .default)
        #expect(try await database.task(id: 5)?.status == .paused)
        let migrations = try await database.writer.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations.last == "v9-status-counts")
        // The kept status counts start from the tasks the old database had.
        let root = Requester(userID: 0)
        let page = try await database.taskPage(limit: 10, visibleTo: root, systemLimit: 10)
        #expect(page.statusCounts == (try await PagingTests.counted(database, visibleTo: root)) && page.statusCounts.values.reduce(0, +) == 4)
    }
}
