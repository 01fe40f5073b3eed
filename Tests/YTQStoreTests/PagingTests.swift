import Foundation
import GRDB
import Testing
import YTQCore
@testable import YTQStore

/// The screen's pages are windows of the matching tasks (issue 13, defect 3): any window,
/// the last one for `G`, with the true count and the store-wide counts.
@Suite("Task pages")
struct PagingTests {
    let alice = Requester(userID: 1000)

    /// 250 tasks of alice's: every third a lecture, the rest completed.
    func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            for id in 1...250 {
                let name = id % 3 == 0 ? "lecture-\(id)" : "other-\(id)"
                try db.execute(sql: """
                    INSERT INTO download_tasks (id, user_id, ip_address, video_url, format, status, created_at, updated_at)
                    VALUES (?, 1000, '127.0.0.1', ?, 'best', ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                    """, arguments: [id, "https://example.com/\(name)", id % 3 == 0 ? "failed" : "completed"])
            }
        }
        return database
    }

    @Test("a window from any row, the last one when it runs past the end, always with the true count")
    func windows() async throws {
        let database = try database()
        let first = try await database.taskPage(offset: 0, limit: 100, visibleTo: alice, systemLimit: 10)
        #expect(first.offset == 0 && first.matchingCount == 250)
        #expect(first.tasks.map(\.id) == Array((151...250).reversed()))
        let middle = try await database.taskPage(offset: 120, limit: 30, visibleTo: alice, systemLimit: 10)
        #expect(middle.offset == 120)
        #expect(middle.tasks.map(\.id) == Array((101...130).reversed()))
        // `G`: a window past the end reads the last rows.
        let last = try await database.taskPage(offset: 249, limit: 100, visibleTo: alice, systemLimit: 10)
        #expect(last.offset == 150)
        #expect(last.tasks.map(\.id) == Array((1...100).reversed()))
        #expect(last.matchingCount == 250)
        #expect(last.statusCounts == [.completed: 167, .failed: 83])
    }

    @Test("under a filter: the window and the count are the matching tasks'; the status counts the store's")
    func filtered() async throws {
        let database = try database()
        let page = try await database.taskPage(filter: .text("lecture"), offset: 1000, limit: 30, visibleTo: alice, systemLimit: 10)
        #expect(page.matchingCount == 83)
        #expect(page.offset == 53)
        #expect(page.tasks.count == 30)
        #expect(page.tasks.last?.id == 3)
        #expect(page.tasks.allSatisfy { $0.videoURL.contains("lecture") })
        #expect(page.statusCounts == [.completed: 167, .failed: 83])
    }

    @Test("the filter finds a failure by its error text too")
    func errorText() async throws {
        let database = try database()
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE download_tasks SET error_message = 'unable to download video data: HTTP Error 404: Not Found' WHERE id IN (3, 6, 9)")
        }
        let page = try await database.taskPage(filter: .text("404"), limit: 30, visibleTo: alice, systemLimit: 10)
        #expect(page.tasks.map(\.id) == [9, 6, 3])
        #expect(page.matchingCount == 3)
    }
}
