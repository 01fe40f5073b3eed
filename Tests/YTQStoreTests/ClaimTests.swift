import Foundation
import GRDB
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQStore

@Suite("Claims, fencing and recovery")
struct ClaimTests {
    let me = ProcessIdentity(pid: 100, startTime: 1)
    let other = ProcessIdentity(pid: 200, startTime: 2)

    func database(tasks: Int) throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        for index in 0..<tasks {
            _ = try CreateDownload(database: database, limits: .default, requester: Requester(userID: index))(url: "https://example.com/\(index)")
        }
        return database
    }

    @Test("claims the oldest pending task, marks it downloading and counts the attempt")
    func claimsOldest() throws {
        let database = try database(tasks: 3)
        let claimed = try #require(try database.claimNextTask(owner: me, systemLimit: 10))
        let task = claimed.task
        let claim = claimed.claim
        #expect(task.id == 1)
        #expect(task.status == .downloading)
        #expect(task.attempts == 1)
        #expect(claim.owner == me)
        let claimedSecond = try #require(try database.claimNextTask(owner: other, systemLimit: 10))
        let second = claimedSecond.task
        #expect(second.id == 2)
    }

    @Test("never more than the system limit downloading at once")
    func systemLimitAtRunTime() throws {
        let database = try database(tasks: 5)
        #expect(try database.claimNextTask(owner: me, systemLimit: 2) != nil)
        #expect(try database.claimNextTask(owner: other, systemLimit: 2) != nil)
        #expect(try database.claimNextTask(owner: me, systemLimit: 2) == nil)
    }

    @Test("a pending task in backoff is not claimed before its time")
    func backoff() throws {
        let database = try database(tasks: 1)
        let now = Date()
        let claimed = try #require(try database.claimNextTask(owner: me, systemLimit: 10, now: now))
        let claim = claimed.claim
        let reason = FailureReason(kind: .transient, message: "HTTP Error 503")
        let requeued = try #require(try database.requeueTask(claim, reason: reason, notBefore: now.addingTimeInterval(30), now: now))
        #expect(requeued.status == .pending)
        #expect(requeued.errorMessage == "HTTP Error 503")
        #expect(try database.claimNextTask(owner: me, systemLimit: 10, now: now.addingTimeInterval(10)) == nil)
        let claimedAgain = try #require(try database.claimNextTask(owner: me, systemLimit: 10, now: now.addingTimeInterval(31)))
        let again = claimedAgain.task
        #expect(again.attempts == 2)
    }

    @Test("a cancelled task's claim is fenced: the old worker cannot complete it")
    func fencing() throws {
        let database = try database(tasks: 1)
        let claimed = try #require(try database.claimNextTask(owner: me, systemLimit: 10))
        let task = claimed.task
        let claim = claimed.claim
        #expect(try database.recordProgress(claim, DownloadProgress(downloadedBytes: 10, totalBytes: 100)))
        let cancelled = try database.cancelTask(id: task.id)
        #expect(cancelled.previousStatus == .downloading)
        #expect(cancelled.previousOwner == me)
        #expect(try database.lostClaims([claim]) == [claim])
        #expect(try database.completeTask(claim, filePath: "/tmp/x.mp4", title: "x", metaData: [:]) == nil)
        #expect(try database.recordProgress(claim, nil) == false)
        #expect(try database.task(id: task.id).status == .cancelled)
    }

    @Test("complete and fail record the outcome and clear the claim")
    func outcomes() throws {
        let database = try database(tasks: 2)
        let claimedFirst = try #require(try database.claimNextTask(owner: me, systemLimit: 10))
        let first = claimedFirst.claim
        let done = try #require(try database.completeTask(first, filePath: "/dl/a.mp4", title: "A", metaData: ["id": .string("a")]))
        #expect(done.status == .completed)
        #expect(done.filePath == "/dl/a.mp4")
        #expect(done.title == "A")
        #expect(done.metaData == ["id": .string("a")])
        let claimedSecond = try #require(try database.claimNextTask(owner: me, systemLimit: 10))
        let second = claimedSecond.claim
        let failed = try #require(try database.failTask(second, reason: FailureReason(kind: .permanent, message: "HTTP Error 404: Not Found")))
        #expect(failed.status == .failed)
        #expect(failed.errorMessage == "HTTP Error 404: Not Found")
    }

    @Test("a dead worker's task is taken over (crash counted), a live one's is left alone")
    func recovery() throws {
        let database = try database(tasks: 2)
        let dead = try #require(try database.claimNextTask(owner: other, systemLimit: 10))
        let deadTask = dead.task
        let deadClaim = dead.claim
        let child = ProcessIdentity(pid: 4242, startTime: 99)
        #expect(try database.recordChild(deadClaim, child: child, commandLine: "yt-dlp …"))
        let live = try #require(try database.claimNextTask(owner: me, systemLimit: 10))
        let liveTask = live.task
        let taken = try database.takeOverAbandonedTasks(owner: me, running: [liveTask.id], leaseTimeout: 60, isAlive: { $0 == ProcessIdentity(pid: 100, startTime: 1) })
        #expect(taken.map(\.task.id) == [deadTask.id])
        #expect(taken.first?.orphan == child)
        #expect(taken.first?.previousOwner == other)
        #expect(taken.first?.task.crashCount == 1)
        #expect(liveTask.id != deadTask.id)
        // The dead worker's old claim no longer writes.
        #expect(try database.recordProgress(deadClaim, nil) == false)
        // Back in the queue, resumable.
        let claim = try #require(taken.first?.claim)
        #expect(try database.requeueTask(claim, reason: nil, notBefore: nil)?.status == .pending)
        // A task of this process whose job is no longer running (its last write failed) is recovered too.
        let orphaned = try database.takeOverAbandonedTasks(owner: me, running: [], leaseTimeout: 60, isAlive: { _ in true })
        #expect(orphaned.map(\.task.id) == [liveTask.id])
    }

    @Test("a live but silent worker loses its claim after the lease")
    func lease() throws {
        let database = try database(tasks: 1)
        let start = Date()
        _ = try #require(try database.claimNextTask(owner: other, systemLimit: 10, now: start))
        #expect(try database.takeOverAbandonedTasks(owner: me, leaseTimeout: 30, isAlive: { _ in true }, now: start.addingTimeInterval(10)).isEmpty)
        #expect(try database.takeOverAbandonedTasks(owner: me, leaseTimeout: 30, isAlive: { _ in true }, now: start.addingTimeInterval(31)).count == 1)
    }

    @Test("retry puts a failed or cancelled task back under the same rules")
    func retry() throws {
        let database = try database(tasks: 0)
        let alice = Requester(userID: 1)
        let create = CreateDownload(database: database, limits: .default, requester: alice)
        let first = try create(url: "https://example.com/1")
        _ = try database.cancelTask(id: first.id)
        let second = try create(url: "https://example.com/2")
        // Alice's slot is taken by the second task: retrying the first is refused.
        guard case .failure(let violation) = try database.retryTask(id: first.id, limits: .default) else {
            Issue.record("retry should be refused")
            return
        }
        #expect(violation == .perUserLimitReached(requester: alice, limit: 1, blocking: second.summary))
        _ = try database.cancelTask(id: second.id)
        guard case .success(let retried) = try database.retryTask(id: first.id, limits: .default) else {
            Issue.record("retry should succeed")
            return
        }
        #expect(retried.status == .pending)
        #expect(retried.attempts == 0)
        #expect(throws: StoreError.notRetryable(id: first.id, status: .pending)) { try database.retryTask(id: first.id, limits: .default) }
        #expect(throws: StoreError.notActive(id: second.id, status: .cancelled)) { try database.cancelTask(id: second.id) }
    }

    @Test("remove deletes the row and reports who ran it")
    func remove() throws {
        let database = try database(tasks: 1)
        let claimed = try #require(try database.claimNextTask(owner: me, systemLimit: 10))
        let task = claimed.task
        let claim = claimed.claim
        let removed = try database.removeTask(id: task.id)
        #expect(removed.previousOwner == me)
        #expect(throws: StoreError.taskNotFound(id: task.id)) { try database.task(id: task.id) }
        #expect(try database.lostClaims([claim]) == [claim])
    }
}
