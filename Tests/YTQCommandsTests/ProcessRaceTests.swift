import Foundation
import GRDB
import Testing
import YTQTestSupport

/// Many `ytq add` processes racing against one database file. An audit trigger records,
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

    /// Real operating-system users: needs root to switch uid with setpriv (CI runs as root).
    @Test("12 users × 3 processes each: at most 1 per user and 10 in all",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func multiUserRace() async throws {
        let dir = try TemporaryDirectory("ytq-race")
        defer { dir.remove() }
        let env = YTQBinary.isolatedEnvironment(home: dir.path)
        let path = try await Self.prepare(dir, env: env)
        // A shared database: every user may write the folder and the file (SQLite gives the
        // -wal and -shm files the database file's permissions).
        chmod(dir.path, 0o777)
        chmod(path, 0o666)
        let uids = (0..<12).map { 20_000 + $0 }
        let runs = uids.flatMap { uid in
            (0..<3).map { copy in
                Run(arguments: ["add", "https://example.com/\(uid)/\(copy)", "--db", path],
                    launcher: ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", "--"])
            }
        }
        let results = await Self.raceAll(runs, environment: env)
        let unexpected = results.compactMap { $0 }.filter { $0.status != 0 && $0.status != 3 }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.stderr))")
        #expect(results.filter { $0?.status == 0 }.count == 10)
        let audit = try await Self.audit(path)
        #expect(audit.rows == 10)
        #expect(audit.maxPerUser == 1)
        #expect(audit.maxSystem <= 10)
        let owners = try await DatabaseQueue(path: path).read { try Int.fetchAll($0, sql: "SELECT user_id FROM download_tasks") }
        #expect(Set(owners).count == 10, "ten different users")
        #expect(Set(owners).isSubset(of: Set(uids)))
    }

}

/// The queue and pause, raced the same way.
extension ProcessRaceTests {
    /// A row of `download_tasks`, as far as the rules go.
    struct TaskRow: Decodable, FetchableRecord {
        var id: Int64
        var user_id: Int
        var status: String
        var queue_position: Int64?
    }

    /// A row of `ActiveAudit.transitions`.
    struct Transition: Decodable, FetchableRecord, CustomStringConvertible {
        var seq: Int64
        var task_id: Int64
        var user_id: Int?
        var status: String
        var description: String { "#\(task_id) \(status)" }
    }

    static func launcher(uid: Int) -> [String] {
        ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", "--"]
    }

    /// Real operating-system users, as `multiUserRace`: needs root for setpriv.
    @Test("5 users race 50 adds, most with --queue, around paused tasks: exactly 2 active each, the rest queued; a pause admits the next at once",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func queueAndPauseRace() async throws {
        let dir = try TemporaryDirectory("ytq-race")
        defer { dir.remove() }
        let env = YTQBinary.isolatedEnvironment(home: dir.path)
        let path = dir.file("shared.sqlite")
        let created = try await YTQBinary.run(["list", "--db", path], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        try await DatabaseQueue(path: path).write { try $0.execute(sql: ActiveAudit.install) }
        chmod(dir.path, 0o777)
        chmod(path, 0o666)
        // 5 users × 2 is the system limit of 10: both limits are reached, neither may be passed.
        let rules = ["--db", path, "--per-user-limit", "2", "--system-limit", "10"]
        let uids = (0..<5).map { 20_100 + $0 }
        func rows() async throws -> [TaskRow] {
            try await DatabaseQueue(path: path).read { db in
                try TaskRow.fetchAll(db, sql: "SELECT id, user_id, status, queue_position FROM download_tasks ORDER BY id")
            }
        }

        // Paused tasks in the mix: each user's first download, added and paused before the race.
        var pausedEarlier: [Int: Int64] = [:]
        for uid in uids {
            let added = try await YTQBinary.run(["add", "https://example.com/\(uid)/paused"] + rules, environment: env,
                                                launcher: Self.launcher(uid: uid))
            let id = try #require(Int64(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(added.stderr)")
            let paused = try await YTQBinary.run(["pause", String(id)] + rules, environment: env, launcher: Self.launcher(uid: uid))
            #expect(paused.status == 0, "\(paused.stderr)")
            pausedEarlier[uid] = id
        }

        // The race: per user 7 `add --queue` and 3 plain `add`, all 50 processes at once.
        let runs: [Run] = uids.flatMap { uid in
            (0..<10).map { (copy: Int) -> Run in
                let queue: [String] = copy % 3 == 1 ? [] : ["--queue"]
                return Run(arguments: ["add", "https://example.com/\(uid)/\(copy)"] + queue + rules, launcher: Self.launcher(uid: uid))
            }
        }
        let results = await Self.raceAll(runs, environment: env)
        for (run, result) in zip(runs, results) {
            let queueing = run.arguments.contains("--queue")
            // A plain add may be refused (exit 3, naming the rule and how to queue); a queued one never is.
            let status: Int32 = result?.status ?? -1
            let stderr: String = result?.stderr ?? "did not run"
            #expect(status == 0 || (!queueing && status == 3), "\(run.arguments): exit \(status): \(stderr)")
            if status == 3 {
                #expect(stderr.contains("per-user limit 2") && stderr.contains("--queue"), "\(stderr)")
            }
        }

        let raced = try await rows()
        for (index, uid) in uids.enumerated() {
            let mine = raced.filter { $0.user_id == uid && $0.id != pausedEarlier[uid] }
            let added = results[(index * 10)..<(index * 10 + 10)].compactMap { result -> Int64? in
                guard let result, result.status == 0 else { return nil }
                return Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            #expect(Set(mine.map(\.id)) == Set(added) && mine.count == added.count, "uid \(uid): one task per successful add: \(added), \(mine)")
            #expect(mine.filter { $0.status == "pending" }.count == 2, "uid \(uid): exactly the per-user limit active: \(mine)")
            #expect(mine.filter { $0.status == "queued" }.count == mine.count - 2, "uid \(uid): the rest queued: \(mine)")
            #expect(raced.first { $0.id == pausedEarlier[uid] }?.status == "paused", "uid \(uid): the paused task stays paused")
        }

        // Three users pause their oldest active task at the same moment.
        let pausers = Array(uids.prefix(3))
        var expected: [Int: (paused: Int64, admitted: Int64)] = [:]
        for uid in pausers {
            let mine = raced.filter { $0.user_id == uid }
            let active = try #require(mine.filter { $0.status == "pending" }.map(\.id).min())
            let next = try #require(mine.filter { $0.status == "queued" }.min { ($0.queue_position ?? 0, $0.id) < ($1.queue_position ?? 0, $1.id) })
            expected[uid] = (active, next.id)
        }
        let pauses = await Self.raceAll(
            pausers.map { uid in Run(arguments: ["pause", String(expected[uid]!.paused)] + rules, launcher: Self.launcher(uid: uid)) },
            environment: env)
        #expect(pauses.allSatisfy { $0?.status == 0 }, "\(pauses.map { $0?.stderr ?? "did not run" })")

        let after = try await rows()
        let log = try await DatabaseQueue(path: path).read { try Transition.fetchAll($0, sql: ActiveAudit.transitions) }
        for uid in uids {
            let mine = after.filter { $0.user_id == uid }
            #expect(mine.filter { $0.status == "pending" }.count == 2, "uid \(uid): back at the per-user limit: \(mine)")
            guard let (paused, admitted) = expected[uid] else {
                #expect(mine.map(\.status) == raced.filter { $0.user_id == uid }.map(\.status), "uid \(uid) was left alone")
                continue
            }
            #expect(mine.first { $0.id == paused }?.status == "paused")
            #expect(mine.first { $0.id == admitted }?.status == "pending", "uid \(uid): its oldest queued task, #\(admitted), was admitted")
            // Transactions are serialised, so consecutive log rows are one transaction.
            let pausedAt = try #require(log.firstIndex { $0.task_id == paused && $0.status == "paused" })
            let following = log.indices.contains(pausedAt + 1) ? log[pausedAt + 1] : nil
            #expect(following?.task_id == admitted && following?.status == "pending",
                    "uid \(uid): #\(admitted) became pending in the transaction that paused #\(paused): \(log.suffix(10))")
        }
        let (maxPerUser, maxSystem) = try await DatabaseQueue(path: path).read { db in
            let row = try Row.fetchOne(db, sql: ActiveAudit.maximums)
            return (row?[0] as Int? ?? -1, row?[1] as Int? ?? -1)
        }
        #expect(maxPerUser == 2, "the per-user limit was reached and never passed")
        #expect(maxSystem == 10, "the system limit was reached and never passed")
        #expect(after.filter { ["pending", "downloading"].contains($0.status) }.count == 10)
    }
}
