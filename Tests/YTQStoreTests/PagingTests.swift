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

    @Test("listed rows leave out the command line and every metadata key but the notes (a list); whole rows have them")
    func listedRows() async throws {
        let database = try database()
        try await database.writer.write { db in
            try db.execute(sql: """
                UPDATE download_tasks SET command_line = 'yt-dlp --newline -- ' || video_url,
                    meta_data = CASE id WHEN 250 THEN '{"duration": 61, "notes": ["already downloaded"]}'
                                        WHEN 249 THEN '{"duration": 61, "uploader": "Ada"}'
                                        WHEN 248 THEN '{"notes": "not a list"}'
                                        WHEN 247 THEN '{"notes": [], "uploader": "Ada"}'
                                        ELSE meta_data END
                """)
        }
        let listed = try await database.taskPage(limit: 4, fields: .listed, visibleTo: alice, systemLimit: 10)
        let whole = try await database.taskPage(limit: 4, fields: .whole, visibleTo: alice, systemLimit: 10)
        #expect(listed.tasks.map(\.id) == [250, 249, 248, 247] && whole.tasks.map(\.id) == listed.tasks.map(\.id))
        #expect(listed.tasks.allSatisfy { $0.commandLine == nil })
        #expect(listed.tasks.map(\.metaData) == [
            [DownloadTask.notesKey: .array([.string("already downloaded")])], [:], [:], [DownloadTask.notesKey: .array([])]])
        #expect(listed.tasks[0].notes == ["already downloaded"])
        #expect(whole.tasks.allSatisfy { $0.commandLine?.hasPrefix("yt-dlp --newline -- https://example.com/") == true })
        #expect(whole.tasks[0].metaData["duration"] == .number(61) && whole.tasks[1].metaData["uploader"] == .string("Ada"))
        #expect(whole.tasks[2].metaData == [DownloadTask.notesKey: .string("not a list")])
        // Every other field is the same either way.
        for (row, task) in zip(listed.tasks, whole.tasks) {
            var trimmed = task
            trimmed.commandLine = nil
            trimmed.metaData = row.metaData
            #expect(row == trimmed)
        }
        #expect(listed.matchingCount == whole.matchingCount && listed.statusCounts == whole.statusCounts)
    }
}

extension PagingTests {
    /// What a fresh count of the tasks says, for comparing with the kept counts.
    static func counted(_ database: AppDatabase, visibleTo requester: Requester) async throws -> [DownloadStatus: Int] {
        try await database.writer.read { db in
            var counts: [DownloadStatus: Int] = [:]
            for row in try Row.fetchAll(db, DownloadTask.visible(to: requester).select(Column("status"), SQL("count(*)").forKey("n")).group(Column("status")).asRequest(of: Row.self)) {
                counts[try #require(row["status"] as DownloadStatus?)] = row["n"]
            }
            return counts
        }
    }

    @Test("the status counts the triggers keep match a count of the tasks through every kind of change, for every viewer")
    func keptCounts() async throws {
        let database = try AppDatabase.inMemory()
        let bob = Requester(userID: 1001)
        let guest = Requester(userID: nil, ipAddress: "192.0.2.7")
        let root = Requester(userID: 0)
        let limits = try ConcurrencyLimits(perUser: 1, system: 3)
        let owner = ProcessIdentity(pid: 100, startTime: 1)
        var ids: [Int64] = []
        for (index, requester) in [alice, alice, bob, guest, guest, alice].enumerated() {
            ids.append(try await database.createTask(try DownloadRequest(url: "https://example.com/\(index)"), by: requester, limits: limits, whenBusy: .queue).id)
        }
        // Claimed, then completed, failed and requeued; cancelled, paused, resumed, removed, retried.
        var claims: [TaskClaim] = []
        while let claimed = try await database.claimNextTask(owner: owner, systemLimit: 3) { claims.append(try #require(claimed.claim)) }
        _ = try await database.completeTask(claims[0], filePath: "/tmp/a", title: nil, metaData: [:], limits: limits)
        _ = try await database.failTask(claims[1], reason: FailureReason(kind: .permanent, message: "no"), limits: limits)
        _ = try await database.requeueTask(claims[2], reason: nil, notBefore: nil)
        _ = try await database.cancelTask(id: ids[4], by: guest, limits: limits)
        _ = try? await database.pauseTask(id: ids[5], by: alice, limits: limits)
        _ = try await database.removeTask(id: ids[2], by: bob, limits: limits)
        _ = try? await database.retryTask(id: ids[4], by: guest, limits: limits, whenBusy: .queue)
        // A row's owner changed under it (a hand edit: the counts follow it too).
        let moved = ids[1]
        try await database.writer.write { db in try db.execute(sql: "UPDATE download_tasks SET user_id = 1001 WHERE id = ?", arguments: [moved]) }

        for viewer in [alice, bob, guest, root] {
            let kept = try await database.writer.read { db in try AppDatabase.statusCounts(db, visibleTo: viewer) }
            #expect(kept == (try await Self.counted(database, visibleTo: viewer)), "\(viewer.identity)")
        }
        let page = try await database.taskPage(limit: 10, visibleTo: root, systemLimit: 3)
        #expect(page.statusCounts.values.reduce(0, +) == 5 && page.matchingCount == 5)
        // Everyone's slots, as a user who sees only their own tasks is told them.
        let all = try await Self.counted(database, visibleTo: root)
        let bobsPage = try await database.taskPage(limit: 10, visibleTo: bob, systemLimit: 3)
        #expect(bobsPage.everyone?.active == (all[.pending] ?? 0) + (all[.downloading] ?? 0))
        #expect(bobsPage.everyone?.waiting == all[.queued] ?? 0)
    }
}
