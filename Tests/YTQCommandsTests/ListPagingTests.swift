import Foundation
import GRDB
import Testing
import YTQTestSupport

/// `ytq list` pages by default: the newest 100, with a note when there are more; `--all`
/// prints every task, page by page, as one valid JSON array or one table.
@Suite("ytq list paging")
struct ListPagingTests {
    /// A database with `count` finished tasks, ids 1…count, seeded directly (fast).
    func seeded(_ count: Int) async throws -> (TemporaryDirectory, [String: String]) {
        let home = try TemporaryDirectory("ytq-list")
        let env = YTQBinary.isolatedEnvironment(home: home.path, extra: ["YTQ_DB": home.path + "/ytq.sqlite"])
        #expect(try await YTQBinary.run(["list"], environment: env).status == 0, "the database is made")
        let queue = try DatabaseQueue(path: home.path + "/ytq.sqlite")
        try await queue.write { db in
            for i in 1...count {
                try db.execute(sql: """
                    INSERT INTO download_tasks(user_id, ip_address, video_url, format, status, created_at, updated_at)
                    VALUES (0, '127.0.0.1', ?, 'best', 'completed', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                    """, arguments: ["https://example.com/v\(i)"])
            }
        }
        try queue.close()
        return (home, env)
    }

    func ids(_ json: String) throws -> [Int] {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return array.compactMap { $0["id"] as? Int }
    }

    @Test("plain list shows the newest 100 and says there are more; --limit and --all ask for more")
    func defaultPage() async throws {
        let (home, env) = try await seeded(1_234)
        defer { home.remove() }
        let plain = try await YTQBinary.run(["list", "--json"], environment: env)
        #expect(plain.status == 0)
        #expect(try ids(plain.stdout) == Array((1_135...1_234).reversed()))
        #expect(plain.stderr.contains("showing the newest 100 tasks"), "\(plain.stderr)")
        let limited = try await YTQBinary.run(["list", "--json", "--limit", "150"], environment: env)
        #expect(try ids(limited.stdout).count == 150)
        #expect(limited.stderr.isEmpty, "an explicit --limit needs no note: \(limited.stderr)")
        // Across several pages of --all: every task once, newest first, one valid array.
        let all = try await YTQBinary.run(["list", "--json", "--all"], environment: env)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try ids(all.stdout) == Array((1...1_234).reversed()))
        let table = try await YTQBinary.run(["list", "--all"], environment: env)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 1_235, "one header and a line per task")
        #expect(lines.filter { $0.hasPrefix("ID ") }.count == 1)
        let conflict = try await YTQBinary.run(["list", "--all", "--limit", "5"], environment: env)
        #expect(conflict.status == 2)
    }

    @Test("--all on an empty queue prints an empty array")
    func emptyAll() async throws {
        let (home, env) = try await seeded(1)
        defer { home.remove() }
        _ = try await YTQBinary.run(["remove", "1"], environment: env)
        let all = try await YTQBinary.run(["list", "--json", "--all"], environment: env)
        #expect(try ids(all.stdout).isEmpty, "\(all.stdout)")
    }
}
