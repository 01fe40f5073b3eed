import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

/// Random sequences of every action against one database, checking after each commit that
/// the rules hold and that no task is lost or left waiting while a slot is free.
@Suite("The rules under random sequences of actions")
struct RulesPropertyTests {
    /// A small, seeded generator (SplitMix64), so a failure repeats with its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Step: CaseIterable {
        case add, addQueued, pause, resume, resumeQueued, cancel, complete, fail, crash, remove, move, retry, queue
    }

    @Test("limits hold after every commit, nothing is lost, no queued task waits beside a free slot", arguments: [1, 2, 3, 4, 5, 6])
    func randomSequences(seed: UInt64) async throws {
        var random = SeededGenerator(state: seed)
        let limits = try ConcurrencyLimits(perUser: seed % 2 == 0 ? 2 : 1, system: 3, backlog: 4)
        let users = (0..<4).map { Requester(userID: 2000 + $0) }
        let database = try AppDatabase.inMemory()
        var expectedCount = 0
        var log: [String] = []
        for index in 0..<250 {
            let step = Step.allCases.randomElement(using: &random) ?? .add
            let user = users.randomElement(using: &random) ?? users[0]
            let tasks = try await database.tasks()
            let pick = tasks.randomElement(using: &random)
            let owner = pick?.requester ?? user
            log.append("\(index): \(step) by \(user.label) on #\(pick?.id ?? 0) (\(pick?.status.rawValue ?? "-"))")
            do {
                switch step {
                case .add, .addQueued:
                    _ = try await database.createTask(try DownloadRequest(url: "https://example.com/\(index)"), by: user, limits: limits,
                                                      whenBusy: step == .addQueued ? .queue : .refuse)
                    expectedCount += 1
                case .pause:
                    if let pick { _ = try await database.pauseTask(id: pick.id, by: owner, limits: limits) }
                case .resume, .resumeQueued:
                    if let pick {
                        _ = try await database.resumeTask(id: pick.id, by: owner, limits: limits,
                                                          whenBusy: step == .resumeQueued ? .queue : .refuse)
                    }
                case .cancel:
                    if let pick { _ = try await database.cancelTask(id: pick.id, by: owner, limits: limits) }
                case .complete, .fail:
                    if let claimed = try await database.claimNextTask(owner: ProcessIdentity(pid: 1, startTime: 1), systemLimit: limits.system),
                       let claim = claimed.claim {
                        if step == .complete {
                            _ = try await database.completeTask(claim, filePath: "/dl/\(claimed.id)", title: nil, metaData: [:], limits: limits)
                        } else {
                            _ = try await database.failTask(claim, reason: FailureReason(kind: .permanent, message: "x"), limits: limits)
                        }
                    }
                case .crash:
                    // A worker claims a task and dies; another takes it over and puts it back.
                    _ = try await database.claimNextTask(owner: ProcessIdentity(pid: 2, startTime: 2), systemLimit: limits.system)
                    let taken = try await database.takeOverAbandonedTasks(
                        owner: ProcessIdentity(pid: 3, startTime: 3), leaseTimeout: 60, isAlive: { $0.pid == 3 })
                    for entry in taken { _ = try await database.requeueTask(entry.claim, reason: nil, notBefore: nil) }
                case .remove:
                    if let pick {
                        _ = try await database.removeTask(id: pick.id, by: owner, limits: limits)
                        expectedCount -= 1
                    }
                case .move:
                    if let pick { _ = try await database.moveTask(id: pick.id, [.top, .up, .down].randomElement(using: &random) ?? .up, by: owner) }
                case .retry:
                    if let pick { _ = try await database.retryTask(id: pick.id, by: owner, limits: limits, whenBusy: .queue) }
                case .queue:
                    if let pick { _ = try await database.queueTask(id: pick.id, by: owner, limits: limits) }
                }
            } catch ActionError.refused, ActionError.wrongStatus {
                // A refusal is an answer, not a failure; it must change nothing (checked below).
            }
            let failure = try await invariantViolation(database, limits: limits, users: users, expectedCount: expectedCount)
            #expect(failure == nil, "seed \(seed), after step \(log.suffix(3).joined(separator: "; ")): \(failure ?? "")")
            if failure != nil { return }
        }
    }

    /// What is wrong with the database now, if anything.
    func invariantViolation(_ database: AppDatabase, limits: ConcurrencyLimits, users: [Requester], expectedCount: Int) async throws -> String? {
        let tasks = try await database.tasks()
        if tasks.count != expectedCount { return "\(tasks.count) tasks, expected \(expectedCount): a task was lost or duplicated" }
        let active = tasks.filter(\.status.isActive)
        if active.count > limits.system { return "\(active.count) active, system limit \(limits.system)" }
        let systemFree = active.count < limits.system
        for user in users {
            let mine = tasks.filter { $0.userID == user.userID }
            let mineActive = mine.filter(\.status.isActive).count
            if mineActive > limits.perUser { return "\(user.label) has \(mineActive) active, limit \(limits.perUser)" }
            let queued = mine.filter { $0.status == .queued }.count
            if queued > limits.backlog { return "\(user.label) has \(queued) queued, backlog limit \(limits.backlog)" }
            if queued > 0, mineActive < limits.perUser, systemFree {
                return "\(user.label) has \(queued) queued and a free slot (\(mineActive) of \(limits.perUser) active, system not full)"
            }
        }
        return nil
    }
}
