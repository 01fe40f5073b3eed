import Foundation
import GRDB
import Testing
import YTQTestSupport

/// The backlog and pause raced the same way: `ytq add --queue` and `ytq pause` from many
/// processes as several uids, checked against `ActiveAudit`, a trigger log of every commit.
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
    @Test("5 users race 50 adds, most with --queue, around paused tasks: 2 active each, the rest queued; a pause admits the next",
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
            let paused = try await YTQBinary.run(["pause", String(id)] + rules, environment: env,
                                                 launcher: Self.launcher(uid: uid))
            #expect(paused.status == 0, "\(paused.stderr)")
            pausedEarlier[uid] = id
        }

        // The race: per user 7 `add --queue` and 3 plain `add`, all 50 processes at once.
        let runs: [Run] = uids.flatMap { uid in
            (0..<10).map { (copy: Int) -> Run in
                let queue: [String] = copy % 3 == 1 ? [] : ["--queue"]
                return Run(arguments: ["add", "https://example.com/\(uid)/\(copy)"] + queue + rules,
                           launcher: Self.launcher(uid: uid))
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
            #expect(Set(mine.map(\.id)) == Set(added) && mine.count == added.count,
                    "uid \(uid): one task per successful add: \(added), \(mine)")
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
            let backlog = mine.filter { $0.status == "queued" }
            let next = try #require(backlog.min { ($0.queue_position ?? 0, $0.id) < ($1.queue_position ?? 0, $1.id) })
            expected[uid] = (active, next.id)
        }
        let pauses = await Self.raceAll(
            pausers.map { uid in
                Run(arguments: ["pause", String(expected[uid]!.paused)] + rules, launcher: Self.launcher(uid: uid))
            },
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
            #expect(mine.first { $0.id == admitted }?.status == "pending",
                    "uid \(uid): its oldest queued task, #\(admitted), was admitted")
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
