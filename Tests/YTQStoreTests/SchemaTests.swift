import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

@Suite("Schema")
struct SchemaTests {
    @Test("download_tasks has the design's columns, created by a named migration")
    func columns() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let database = try await AppDatabase.open(path: dir.file("ytq.sqlite"))
        let (columns, migrations) = try await database.writer.read { db in
            (try db.columns(in: "download_tasks").map(\.name),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        for column in ["id", "user_id", "ip_address", "video_url", "format", "status", "file_path", "title",
                       "meta_data", "error_message", "created_at", "updated_at"] {
            #expect(columns.contains(column), "missing column \(column)")
        }
        #expect(migrations.contains("v1-download-tasks"))
        let journal = try await database.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test("the CHECK constraint refuses an unknown status, accepts the known ones")
    func statusCheck() throws {
        let database = try AppDatabase.inMemory()
        func insert(_ status: String) throws {
            try database.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO download_tasks (ip_address, video_url, format, status, created_at, updated_at)
                    VALUES ('127.0.0.1', 'https://x.com/v', 'best', ?, '2026-01-01', '2026-01-01')
                    """, arguments: [status])
            }
        }
        for status in DownloadStatus.allCases { try insert(status.rawValue) }
        #expect(throws: DatabaseError.self) { try insert("sleeping") }
        #expect(throws: DatabaseError.self) { try insert("PENDING") }
        let count = try database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM download_tasks") }
        #expect(count == DownloadStatus.allCases.count)
    }

    @Test("meta_data must be JSON text")
    func metaDataCheck() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO download_tasks (ip_address, video_url, format, status, meta_data, created_at, updated_at)
                    VALUES ('127.0.0.1', 'https://x.com/v', 'best', 'pending', 'not json', '2026-01-01', '2026-01-01')
                    """)
            }
        }
    }

    @Test("the rule queries, as the store writes them, use their partial indexes")
    func queryPlans() throws {
        let database = try AppDatabase.inMemory()
        let user = Requester(userID: 5)
        let guest = Requester(userID: nil, ipAddress: "192.0.2.7")
        // Each query, and the indexes that answer it without visiting unrelated tasks.
        let plans: [([String], String)] = try database.writer.read { db in
            func plan(_ request: some FetchRequest) throws -> String {
                let statement = try request.makePreparedRequest(db, forSingleResult: false).statement
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments)
                    .map { $0["detail"] as String? ?? "" }.joined(separator: " ")
            }
            return try [
                (["download_tasks_active_by_user"], plan(DownloadTask.active(of: user).countRequest)),
                (["download_tasks_active_by_user"], plan(DownloadTask.active(of: user).limit(1).cached)),
                (["download_tasks_active_by_address"], plan(DownloadTask.active(of: guest).countRequest)),
                (["download_tasks_active", "download_tasks_status_id"], plan(DownloadTask.active().countRequest)),
                (["download_tasks_queue", "download_tasks_status_id"],
                 plan(SQLRequest<Int64>(literal: AppDatabase.claimable(excluding: [3], now: Date()) + " ORDER BY id LIMIT 1"))),
                (["download_tasks_backlog"], plan(AppDatabase.backlogRequest(of: user))),
                (["download_tasks_children"], plan(SQLRequest<Int>(literal: """
                    SELECT count(*) FROM download_tasks WHERE child_pid IS NOT NULL AND status != \(DownloadStatus.downloading)
                    """))),
            ]
        }
        for (indexes, plan) in plans {
            let used = plan.split(separator: " ").map(String.init)
            #expect(indexes.contains { used.contains($0) }, "expected \(indexes.joined(separator: " or ")): \(plan)")
        }
    }

    @Test("statuses are spelled into SQL as plain words, so spelling one cannot break the text")
    func statusesSpellSafely() throws {
        for status in DownloadStatus.allCases {
            #expect(!status.rawValue.isEmpty && status.rawValue.allSatisfy { $0.isASCII && $0.isLowercase }, "\(status.rawValue)")
        }
        let sql: SQL = "status IN \(DownloadStatus.active) OR status = \(DownloadStatus.queued) OR id = \(7)"
        let (text, arguments) = try AppDatabase.inMemory().writer.read { db in try sql.build(db) }
        #expect(text == "status IN ('pending', 'downloading') OR status = 'queued' OR id = ?")
        #expect(arguments == [7])
    }
}
