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

    @Test("the rule queries use the active-task indexes")
    func queryPlans() throws {
        let database = try AppDatabase.inMemory()
        let plans = try database.writer.read { db in
            try [
                "SELECT count(*) FROM download_tasks WHERE status IN ('pending','downloading')",
                "SELECT count(*) FROM download_tasks WHERE status IN ('pending','downloading') AND user_id = 5",
                // The claim's count of slots held by yt-dlp processes of cancelled or paused tasks.
                "SELECT count(*) FROM download_tasks WHERE child_pid IS NOT NULL AND status != 'downloading'",
                // The backlog.
                "SELECT 1 FROM download_tasks WHERE status = 'queued' LIMIT 1",
            ].map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String? ?? "" }.joined(separator: " ")
            }
        }
        for plan in plans {
            #expect(plan.contains("USING") && plan.contains("INDEX"), "full scan: \(plan)")
        }
    }
}
