import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

@Suite("The backlog: queue for later, pause and resume under the rules")
struct BacklogTests {
    let alice = Requester(userID: 1000)
    let bob = Requester(userID: 1001)
    let me = ProcessIdentity(pid: 100, startTime: 1)

    func add(_ database: AppDatabase, _ requester: Requester, _ name: String, limits: ConcurrencyLimits = .default,
             whenBusy: BusyPolicy = .queue) async throws -> DownloadTask {
        try await database.createTask(try DownloadRequest(url: "https://example.com/\(name)"), by: requester, limits: limits, whenBusy: whenBusy)
    }

    func status(_ database: AppDatabase, _ id: Int64) async throws -> DownloadStatus? {
        try await database.task(id: id)?.status
    }

    @Test("a second download is refused by default, queued on request, and named with its place")
    func queueOnRequest() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await add(database, alice, "1", whenBusy: .refuse)
        await #expect(throws: ActionError.refused(.perUserLimitReached(requester: alice, limit: 1, blocking: first.summary))) {
            try await add(database, alice, "2", whenBusy: .refuse)
        }
        let second = try await add(database, alice, "2")
        let third = try await add(database, alice, "3")
        #expect(first.status == .pending)
        #expect(second.status == .queued && third.status == .queued)
        #expect(try await database.queuePlaces(of: [second, third]) == [second.id: 1, third.id: 2])
        // Queued tasks are not active: the system count is unchanged.
        #expect(try await database.activeTaskCount() == 1)
    }

    @Test("completing a download admits the owner's oldest queued task in the same transaction")
    func admitOnComplete() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await add(database, alice, "1")
        let second = try await add(database, alice, "2")
        let third = try await add(database, alice, "3")
        let claimed = try #require(try await database.claimNextTask(owner: me, systemLimit: 10))
        #expect(claimed.id == first.id)
        _ = try await database.completeTask(try #require(claimed.claim), filePath: "/dl/1", title: nil, metaData: [:], limits: .default)
        #expect(try await status(database, second.id) == .pending)
        #expect(try await status(database, third.id) == .queued)
        #expect(try await database.queuePlaces(of: [try #require(try await database.task(id: third.id))]) == [third.id: 1])
    }

    @Test("a failure, a cancel, a pause and a remove each free the slot for the backlog")
    func everyWayOutAdmits() async throws {
        let database = try AppDatabase.inMemory()
        let tasks = try await (0..<5).asyncMap { try await add(database, alice, "\($0)") }
        let running = try #require(try await database.claimNextTask(owner: me, systemLimit: 10))
        _ = try await database.failTask(try #require(running.claim), reason: FailureReason(kind: .permanent, message: "404"), limits: .default)
        #expect(try await status(database, tasks[1].id) == .pending)
        _ = try await database.cancelTask(id: tasks[1].id, by: alice, limits: .default)
        #expect(try await status(database, tasks[2].id) == .pending)
        _ = try await database.pauseTask(id: tasks[2].id, by: alice, limits: .default)
        #expect(try await status(database, tasks[2].id) == .paused)
        #expect(try await status(database, tasks[3].id) == .pending)
        _ = try await database.removeTask(id: tasks[3].id, by: alice, limits: .default)
        #expect(try await status(database, tasks[4].id) == .pending)
    }

    @Test("the system-wide limit holds at admission: a freed slot goes to the oldest request that fits")
    func systemLimitAtAdmission() async throws {
        let database = try AppDatabase.inMemory()
        let limits = try ConcurrencyLimits(perUser: 1, system: 2)
        let a1 = try await add(database, alice, "a1", limits: limits)
        let b1 = try await add(database, bob, "b1", limits: limits)
        let carol = Requester(userID: 1002)
        let c1 = try await add(database, carol, "c1", limits: limits)
        let a2 = try await add(database, alice, "a2", limits: limits)
        #expect([a1.status, b1.status, c1.status, a2.status] == [.pending, .pending, .queued, .queued])
        // Alice's slot frees: Carol asked before Alice's second, and Carol has no active task.
        _ = try await database.cancelTask(id: a1.id, by: alice, limits: limits)
        #expect(try await status(database, c1.id) == .pending)
        #expect(try await status(database, a2.id) == .queued)
        #expect(try await database.activeTaskCount() == 2)
    }

    @Test("the backlog has a cap per user, refused with a message that says so")
    func backlogCap() async throws {
        let database = try AppDatabase.inMemory()
        let limits = try ConcurrencyLimits(perUser: 1, system: 10, backlog: 2)
        _ = try await add(database, alice, "1", limits: limits)
        _ = try await add(database, alice, "2", limits: limits)
        _ = try await add(database, alice, "3", limits: limits)
        await #expect(throws: ActionError.refused(.backlogFull(requester: alice, limit: 2))) {
            try await add(database, alice, "4", limits: limits)
        }
        #expect(try await database.tasks().count == 3, "a refused add writes nothing")
        #expect(ActionError.refused(.backlogFull(requester: alice, limit: 2)).description.contains("backlog limit 2"))
    }

    @Test("move reorders one's own backlog: top, up, down")
    func move() async throws {
        let database = try AppDatabase.inMemory()
        _ = try await add(database, alice, "running")
        let q = try await (1...4).asyncMap { try await add(database, alice, "q\($0)") }
        func order() async throws -> [Int64] {
            let places = try await database.queuePlaces(of: try await database.tasks(status: .queued))
            return places.sorted { $0.value < $1.value }.map(\.key)
        }
        #expect(try await order() == q.map(\.id))
        _ = try await database.moveTask(id: q[3].id, .top, by: alice)
        #expect(try await order() == [q[3].id, q[0].id, q[1].id, q[2].id])
        _ = try await database.moveTask(id: q[1].id, .up, by: alice)
        #expect(try await order() == [q[3].id, q[1].id, q[0].id, q[2].id])
        _ = try await database.moveTask(id: q[3].id, .down, by: alice)
        #expect(try await order() == [q[1].id, q[3].id, q[0].id, q[2].id])
        await #expect(throws: ActionError.forbidden(taskID: q[0].id, requester: bob)) { try await database.moveTask(id: q[0].id, .top, by: bob) }
        // The order decides admission.
        _ = try await database.cancelTask(id: 1, by: alice, limits: .default)
        #expect(try await status(database, q[1].id) == .pending)
    }

    @Test("pause keeps a task out of the rules; resume asks them again, or queues it on request")
    func pauseResume() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await add(database, alice, "1")
        let claimed = try #require(try await database.claimNextTask(owner: me, systemLimit: 10))
        let paused = try await database.pauseTask(id: first.id, by: alice, limits: .default)
        #expect(paused.task.status == .paused)
        #expect(paused.task.attempts == 0, "the interrupted run does not count")
        #expect(try await database.lostClaims([try #require(claimed.claim)]).count == 1, "the worker's claim is revoked")
        // The slot is free: another download starts at once.
        let second = try await add(database, alice, "2", whenBusy: .refuse)
        #expect(second.status == .pending)
        await #expect(throws: ActionError.self) { try await database.resumeTask(id: first.id, by: alice, limits: .default) }
        let queued = try await database.resumeTask(id: first.id, by: alice, limits: .default, whenBusy: .queue)
        #expect(queued.status == .queued)
        _ = try await database.cancelTask(id: second.id, by: alice, limits: .default)
        #expect(try await status(database, first.id) == .pending)
        await #expect(throws: ActionError.wrongStatus(taskID: first.id, status: .pending, action: .resume)) {
            try await database.resumeTask(id: first.id, by: alice, limits: .default)
        }
    }
}

extension Sequence {
    /// `map` with an async transform, in order.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
