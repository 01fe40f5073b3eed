import Foundation
import GRDB
import Testing
import YTQTestSupport

/// The backlog and pause raced: `ytq add --queue` and `ytq pause` from many processes at
/// once, checked against `ActiveAudit`, a trigger log of every commit.
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

    /// One user (a database is its user's own: sharing one between users is refused), many
    /// processes at once: the rules are checked against `ActiveAudit` at every commit.
    @Test("30 processes race adds, most with --queue, around paused tasks: 2 active, the rest queued; each pause admits the next")
    func queueAndPauseRace() async throws {
        let dir = try TemporaryDirectory("ytq-race")
        defer { dir.remove() }
        let env = YTQBinary.isolatedEnvironment(home: dir.path)
        let path = dir.file("db/ytq.sqlite")
        let created = try await YTQBinary.run(["list", "--db", path], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        try await DatabaseQueue(path: path).write { try $0.execute(sql: ActiveAudit.install) }
        let rules = ["--db", path, "--per-user-limit", "2", "--system-limit", "10"]
        let user = Int(getuid())
        func rows() async throws -> [TaskRow] {
            try await DatabaseQueue(path: path).read { db in
                try TaskRow.fetchAll(db, sql: "SELECT id, user_id, status, queue_position FROM download_tasks ORDER BY id")
            }
        }

        // Paused tasks in the mix: two downloads added and paused before the race.
        var pausedEarlier: Set<Int64> = []
        for name in ["p1", "p2"] {
            let added = try await YTQBinary.run(["add", "https://example.com/\(name)"] + rules, environment: env)
            let id = try #require(Int64(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(added.stderr)")
            let paused = try await YTQBinary.run(["pause", String(id)] + rules, environment: env)
            #expect(paused.status == 0, "\(paused.stderr)")
            pausedEarlier.insert(id)
        }

        // The race: 20 `add --queue` and 10 plain `add`, all 30 processes at once.
        let runs: [Run] = (0..<30).map { copy in
            Run(arguments: ["add", "https://example.com/\(copy)"] + (copy % 3 == 1 ? [] : ["--queue"]) + rules)
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
        let mine = raced.filter { !pausedEarlier.contains($0.id) }
        let added = results.compactMap { result -> Int64? in
            guard let result, result.status == 0 else { return nil }
            return Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(Set(mine.map(\.id)) == Set(added) && mine.count == added.count, "one task per successful add: \(added), \(mine)")
        #expect(mine.allSatisfy { $0.user_id == user })
        #expect(mine.filter { $0.status == "pending" }.count == 2, "exactly the per-user limit active: \(mine)")
        #expect(mine.filter { $0.status == "queued" }.count == mine.count - 2, "the rest queued: \(mine)")
        #expect(raced.filter { pausedEarlier.contains($0.id) }.allSatisfy { $0.status == "paused" }, "the paused tasks stay paused")

        // Both active tasks are paused at the same moment, by two processes.
        let active = mine.filter { $0.status == "pending" }.map(\.id).sorted()
        let backlog = mine.filter { $0.status == "queued" }
            .sorted { ($0.queue_position ?? 0, $0.id) < ($1.queue_position ?? 0, $1.id) }.map(\.id)
        let pauses = await Self.raceAll(active.map { Run(arguments: ["pause", String($0)] + rules) }, environment: env)
        #expect(pauses.allSatisfy { $0?.status == 0 }, "\(pauses.map { $0?.stderr ?? "did not run" })")

        let after = try await rows()
        #expect(after.filter { $0.status == "pending" }.map(\.id).sorted() == Array(backlog.prefix(2)).sorted(),
                "the two oldest queued tasks were admitted: \(after)")
        let log = try await DatabaseQueue(path: path).read { try Transition.fetchAll($0, sql: ActiveAudit.transitions) }
        for paused in active {
            // Transactions are serialised, so consecutive log rows are one transaction.
            let pausedAt = try #require(log.firstIndex { $0.task_id == paused && $0.status == "paused" })
            let following = log.indices.contains(pausedAt + 1) ? log[pausedAt + 1] : nil
            #expect(following.map { backlog.prefix(2).contains($0.task_id) && $0.status == "pending" } == true,
                    "a queued task became pending in the transaction that paused #\(paused): \(log.suffix(10))")
        }
        let maxPerUser = try await DatabaseQueue(path: path).read { db in
            (try Row.fetchOne(db, sql: ActiveAudit.maximums)?[0] as Int?) ?? -1
        }
        #expect(maxPerUser == 2, "the per-user limit was reached and never passed")
    }
}
