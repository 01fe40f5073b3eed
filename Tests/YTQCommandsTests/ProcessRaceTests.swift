import Foundation
import GRDB
import Testing
import YTQTestSupport

/// Many `ytq add` processes racing against one database file. (Several users no longer
/// share one file: `DatabaseSafetyTests` shows another user is refused; the per-user rule
/// across users is raced in-process by `ConcurrentCreateTests`.) An audit trigger records,
/// inside each inserting transaction, how many tasks were active right after the insert: if
/// the check and the insert were not atomic, some audit row would exceed a limit.
@Suite("ytq add raced from many processes", .serialized)
struct ProcessRaceTests {
    struct Audit {
        var maxPerUser: Int
        var maxSystem: Int
        var rows: Int
    }

    /// Creates the database through ytq itself, then installs the audit trigger.
    static func prepare(_ dir: TemporaryDirectory, env: [String: String]) async throws -> String {
        let path = dir.file("shared.sqlite")
        let created = try await YTQBinary.run(["list", "--db", path], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TABLE race_audit (task_id INTEGER, user_id INTEGER, active_user INTEGER, active_system INTEGER);
                CREATE TRIGGER race_audit_insert AFTER INSERT ON download_tasks BEGIN
                    INSERT INTO race_audit VALUES (NEW.id, NEW.user_id,
                        (SELECT count(*) FROM download_tasks WHERE status IN ('pending', 'downloading') AND user_id IS NEW.user_id),
                        (SELECT count(*) FROM download_tasks WHERE status IN ('pending', 'downloading')));
                END;
                """)
        }
        return path
    }

    static func audit(_ path: String) async throws -> Audit {
        try await DatabaseQueue(path: path).read { db in
            Audit(
                maxPerUser: try Int.fetchOne(db, sql: "SELECT coalesce(max(active_user), 0) FROM race_audit") ?? 0,
                maxSystem: try Int.fetchOne(db, sql: "SELECT coalesce(max(active_system), 0) FROM race_audit") ?? 0,
                rows: try Int.fetchOne(db, sql: "SELECT count(*) FROM race_audit") ?? 0)
        }
    }

    /// One `ytq` run: its arguments and an optional launcher (`setpriv …`).
    struct Run: Sendable {
        var arguments: [String]
        var launcher: [String] = []
    }

    /// Starts every run at once (each process waited for on a thread of its own) and waits for all.
    static func raceAll(_ runs: [Run], environment: [String: String]) async -> [YTQBinary.Result?] {
        await withTaskGroup(of: (Int, YTQBinary.Result?).self) { group in
            for (index, run) in runs.enumerated() {
                group.addTask { (index, try? await YTQBinary.run(run.arguments, environment: environment, launcher: run.launcher)) }
            }
            var results = [YTQBinary.Result?](repeating: nil, count: runs.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }

    @Test("30 processes, one user, per-user limit 1: exactly one gets through")
    func perUserRace() async throws {
        let dir = try TemporaryDirectory("ytq-race")
        defer { dir.remove() }
        let env = YTQBinary.isolatedEnvironment(home: dir.path)
        let path = try await Self.prepare(dir, env: env)
        let results = await Self.raceAll((0..<30).map { Run(arguments: ["add", "https://example.com/\($0)", "--db", path]) }, environment: env)
        #expect(results.allSatisfy { $0 != nil })
        #expect(results.filter { $0?.status == 0 }.count == 1)
        #expect(results.filter { $0?.status == 3 }.count == 29, "\(results.compactMap { $0?.stderr }.filter { !$0.contains("refused") })")
        let audit = try await Self.audit(path)
        #expect(audit.rows == 1)
        #expect(audit.maxPerUser == 1)
    }

    @Test("40 processes, per-user limit raised to 100: the system limit of 10 holds")
    func systemRace() async throws {
        let dir = try TemporaryDirectory("ytq-race")
        defer { dir.remove() }
        let env = YTQBinary.isolatedEnvironment(home: dir.path)
        let path = try await Self.prepare(dir, env: env)
        let results = await Self.raceAll(
            (0..<40).map { Run(arguments: ["add", "https://example.com/\($0)", "--db", path, "--per-user-limit", "100"]) },
            environment: env)
        #expect(results.filter { $0?.status == 0 }.count == 10)
        #expect(results.filter { $0?.status == 3 }.count == 30)
        let refusals = results.compactMap { $0 }.filter { $0.status == 3 }
        #expect(refusals.allSatisfy { $0.stderr.contains("system-wide limit of 10") })
        let audit = try await Self.audit(path)
        #expect(audit.rows == 10)
        #expect(audit.maxSystem <= 10)
    }
}
