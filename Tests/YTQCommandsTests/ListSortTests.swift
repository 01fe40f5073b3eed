import Foundation
import GRDB
import Testing
import YTQTestSupport

/// `ytq list --sort KEY`: the screen's orders on the command line, across `--all`'s pages too.
@Suite("ytq list --sort")
struct ListSortTests {
    @Test("--sort size lists largest first (unknown sizes last), --status still filters, --all pages exactly; an unknown key is refused")
    func sorted() async throws {
        let home = try TemporaryDirectory("ytq-list-sort")
        defer { home.remove() }
        let env = YTQBinary.isolatedEnvironment(home: home.path, extra: ["YTQ_DB": home.path + "/ytq.sqlite"])
        #expect(try await YTQBinary.run(["list"], environment: env).status == 0, "the database is made")
        let queue = try DatabaseQueue(path: home.path + "/ytq.sqlite")
        try await queue.write { db in
            for i in 1...1_200 {
                // Sizes: unknown for every tenth task, else i * 7 mod 1000 (many ties).
                try db.execute(sql: """
                    INSERT INTO download_tasks(user_id, ip_address, video_url, format, status, total_bytes, created_at, updated_at)
                    VALUES (?, '127.0.0.1', ?, 'best', ?, ?, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                    """, arguments: [getuid(), "https://example.com/v\(i)", i % 2 == 0 ? "completed" : "failed", i % 10 == 0 ? nil : (i * 7) % 1000])
            }
        }
        try queue.close()
        func ids(_ arguments: [String]) async throws -> [Int] {
            let result = try await YTQBinary.run(["list", "--json"] + arguments, environment: env)
            #expect(result.status == 0, "\(result.stderr)")
            let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return array.compactMap { $0["id"] as? Int }
        }
        let sizes = Dictionary(uniqueKeysWithValues: (1...1_200).map { ($0, $0 % 10 == 0 ? -1 : ($0 * 7) % 1000) })
        let expected = (1...1_200).sorted { (sizes[$0] ?? 0, $0) > (sizes[$1] ?? 0, $1) }
        #expect(try await ids(["--sort", "size", "--limit", "50"]) == Array(expected.prefix(50)))
        #expect(try await ids(["--sort", "size", "--all"]) == expected)
        #expect(try await ids(["--sort", "size", "--status", "failed", "--limit", "20"]) == Array(expected.filter { $0 % 2 == 1 }.prefix(20)))
        let wrong = try await YTQBinary.run(["list", "--sort", "colour"], environment: env)
        #expect(wrong.status == 2, "\(wrong.stderr)")
    }
}
