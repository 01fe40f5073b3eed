import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

/// The list's orders are SQL's: each with unknown values last and ties newest first, so a
/// window at any offset is exact, on a real database file.
@Suite("Task orders")
struct TaskOrderTests {
    let alice = Requester(userID: 1000)

    /// Twelve tasks of alice's (and one of bob's, never listed): titles, sizes and progress
    /// chosen so that every order differs and has ties and unknowns.
    func database(in dir: TemporaryDirectory) async throws -> AppDatabase {
        let database = try await AppDatabase.open(path: dir.file("ytq.sqlite"))
        let statuses: [DownloadStatus] = [.completed, .failed, .downloading, .queued, .paused, .pending, .cancelled, .completed, .failed, .downloading, .completed, .failed]
        try await database.writer.write { db in
            for id in 1...12 {
                // Titles: none for 1 and 2; "b…" and "B…" compare equal (case folds), so id breaks the tie.
                let title: String? = id <= 2 ? nil : ["alpha", "Bravo", "bravo", "charlie", "delta"][id % 5]
                // Sizes: unknown for odd ids, and three tasks of 300 bytes.
                let total: Int64? = id % 2 == 1 ? nil : (id % 3 == 0 ? 300 : Int64(id * 100))
                let done: Int64? = total.map { $0 * Int64(id % 4) / 4 }
                try db.execute(sql: """
                    INSERT INTO download_tasks (id, user_id, ip_address, video_url, format, status, title, downloaded_bytes, total_bytes, created_at, updated_at)
                    VALUES (?, 1000, '127.0.0.1', ?, 'best', ?, ?, ?, ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                    """, arguments: [id, "https://example.com/\(id)", statuses[id - 1], title, done, total])
            }
            try db.execute(sql: """
                INSERT INTO download_tasks (id, user_id, ip_address, video_url, format, status, title, total_bytes, created_at, updated_at)
                VALUES (13, 2000, '127.0.0.1', 'https://example.com/bob', 'best', 'failed', 'aaa', 999999, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                """)
        }
        return database
    }

    func ids(_ database: AppDatabase, _ order: TaskOrder, filter: TaskFilter = .all) async throws -> [Int64] {
        try await database.taskPage(filter: filter, order: order, limit: 100, visibleTo: alice, systemLimit: 10).tasks.map(\.id)
    }

    @Test("each order, unknowns last, ties newest first")
    func orders() async throws {
        let dir = try TemporaryDirectory("task-order")
        defer { dir.remove() }
        let database = try await database(in: dir)
        #expect(try await ids(database, .added) == Array((1...12).reversed()))
        // Titles by id % 5: alpha, Bravo, bravo, charlie, delta; Bravo and bravo tie.
        #expect(try await ids(database, .title) == [10, 5, 12, 11, 7, 6, 8, 3, 9, 4, 2, 1])
        #expect(try await ids(database, .status) == [10, 3, 6, 4, 5, 12, 9, 2, 7, 11, 8, 1])
        // Sizes: 12→300, 10→1000, 8→800, 6→300, 4→400, 2→200; odd ids unknown.
        #expect(try await ids(database, .size) == [10, 8, 4, 12, 6, 2, 11, 9, 7, 5, 3, 1])
        // Progress (id % 4 quarters): 10→½, 6→½, 2→½, 12→0, 8→0, 4→0; odd ids unknown.
        #expect(try await ids(database, .progress) == [10, 6, 2, 12, 8, 4, 11, 9, 7, 5, 3, 1])
    }

    @Test("windows at any offset are exact in every order, and the filter still applies")
    func windows() async throws {
        let dir = try TemporaryDirectory("task-order-windows")
        defer { dir.remove() }
        let database = try await database(in: dir)
        for order in TaskOrder.allCases {
            let whole = try await ids(database, order)
            var stitched: [Int64] = []
            for offset in stride(from: 0, to: 12, by: 5) {
                let page = try await database.taskPage(order: order, offset: offset, limit: 5, visibleTo: alice, systemLimit: 10)
                stitched += page.tasks.map(\.id).suffix(min(5, 12 - offset))
            }
            #expect(stitched == whole, "\(order)")
        }
        #expect(try await ids(database, .size, filter: .status(.failed)) == [12, 2, 9])
        let failed = try await database.taskPage(filter: .status(.failed), limit: 100, visibleTo: alice, systemLimit: 10)
        #expect(failed.matchingCount == 3 && failed.statusCounts[.failed] == 3)
    }
}

extension TaskOrderTests {
    @Test("a user's page in every order reads its index (no sort of the whole table)")
    func indexed() async throws {
        let dir = try TemporaryDirectory("task-order-plan")
        defer { dir.remove() }
        let database = try await database(in: dir)
        for order in TaskOrder.allCases {
            let plan = try await database.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM download_tasks WHERE user_id = 1000 ORDER BY \(order.ordering) LIMIT 40")
                    .map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
            }
            #expect(plan.contains(order.indexName) && !plan.contains("TEMP B-TREE"), "\(order): \(plan)")
        }
    }
}
