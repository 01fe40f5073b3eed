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

    func database(tasks: Int) async throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        for index in 0..<tasks {
            _ = try await database.createTask(try DownloadRequest(url: "https://example.com/\(index)"), by: Requester(userID: index), limits: .default)
        }
        return database
    }

    /// Claims the next task and returns it with its claim.
    func claimNext(_ database: AppDatabase, owner: ProcessIdentity, limit: Int = 10, now: Date = Date()) async throws -> (DownloadTask, TaskClaim) {
        let task = try #require(try await database.claimNextTask(owner: owner, systemLimit: limit, now: now))
        return (task, try #require(task.claim))
    }

    @Test("claims the oldest pending task, marks it downloading and counts the attempt")
    func claimsOldest() async throws {
        let database = try await database(tasks: 3)
        let (task, claim) = try await claimNext(database, owner: me)
        #expect(task.id == 1)
        #expect(task.status == .downloading)
        #expect(task.attempts == 1)
        #expect(claim.owner == me)
        #expect(try await database.task(id: task.id)?.claim == claim, "the claim is a field of the stored record")
        let (second, _) = try await claimNext(database, owner: other)
        #expect(second.id == 2)
    }

    @Test("never more than the system limit downloading at once")
    func systemLimitAtRunTime() async throws {
        let database = try await database(tasks: 5)
        #expect(try await database.claimNextTask(owner: me, systemLimit: 2) != nil)
        #expect(try await database.claimNextTask(owner: other, systemLimit: 2) != nil)
        #expect(try await database.claimNextTask(owner: me, systemLimit: 2) == nil)
    }

    @Test("a pending task in backoff is not claimed before its time")
    func backoff() async throws {
        let database = try await database(tasks: 1)
        let now = Date()
        let (_, claim) = try await claimNext(database, owner: me, now: now)
        let reason = FailureReason(kind: .transient, message: "HTTP Error 503")
        let requeued = try #require(try await database.requeueTask(claim, reason: reason, notBefore: now.addingTimeInterval(30), now: now))
        #expect(requeued.status == .pending)
        #expect(requeued.errorMessage == "HTTP Error 503")
        #expect(requeued.notBefore != nil)
        #expect(try await database.claimNextTask(owner: me, systemLimit: 10, now: now.addingTimeInterval(10)) == nil)
        let again = try #require(try await database.claimNextTask(owner: me, systemLimit: 10, now: now.addingTimeInterval(31)))
        #expect(again.attempts == 2)
    }

    @Test("a cancelled task's claim is fenced: the old worker cannot complete it")
    func fencing() async throws {
        let database = try await database(tasks: 1)
        let (task, claim) = try await claimNext(database, owner: me)
        #expect(try await database.recordProgress(claim, DownloadProgress(downloadedBytes: 10, totalBytes: 100)))
        let cancelled = try await database.cancelTask(id: task.id, by: task.requester, limits: .default)
        #expect(cancelled.previous.status == .downloading)
        #expect(cancelled.previous.claim?.owner == me)
        #expect(cancelled.task.claim == nil)
        #expect(try await database.lostClaims([claim]) == [claim])
        #expect(try await database.completeTask(claim, filePath: "/tmp/x.mp4", title: "x", metaData: [:], limits: .default) == nil)
        #expect(try await database.recordProgress(claim, nil) == false)
        #expect(try await database.task(id: task.id)?.status == .cancelled)
    }

    @Test("complete and fail record the outcome and clear the claim")
    func outcomes() async throws {
        let database = try await database(tasks: 2)
        let (_, first) = try await claimNext(database, owner: me)
        let done = try #require(try await database.completeTask(first, filePath: "/dl/a.mp4", title: "A", metaData: ["id": .string("a")], limits: .default))
        #expect(done.status == .completed)
        #expect(done.filePath == "/dl/a.mp4")
        #expect(done.title == "A")
        #expect(done.metaData == ["id": .string("a")])
        #expect(done.claim == nil && done.child == nil)
        let (_, second) = try await claimNext(database, owner: me)
        let failed = try #require(try await database.failTask(second, reason: FailureReason(kind: .permanent, message: "HTTP Error 404: Not Found"), limits: .default))
        #expect(failed.status == .failed)
        #expect(failed.errorMessage == "HTTP Error 404: Not Found")
    }

    @Test("a dead worker's task is taken over (crash counted), a live one's is left alone")
    func recovery() async throws {
        let database = try await database(tasks: 2)
        let (deadTask, deadClaim) = try await claimNext(database, owner: other)
        let child = ProcessIdentity(pid: 4242, startTime: 99)
        #expect(try await database.recordChild(deadClaim, child: child, commandLine: "yt-dlp …"))
        let (liveTask, _) = try await claimNext(database, owner: me)
        let taken = try await database.takeOverAbandonedTasks(owner: me, running: [liveTask.id], leaseTimeout: 60, isAlive: { $0 == ProcessIdentity(pid: 100, startTime: 1) })
        #expect(taken.map(\.task.id) == [deadTask.id])
        #expect(taken.first?.task.child == child)
        #expect(taken.first?.previousOwner == other)
        #expect(taken.first?.task.crashCount == 1)
        #expect(taken.first?.task.claim == taken.first?.claim)
        #expect(liveTask.id != deadTask.id)
        // The dead worker's old claim no longer writes.
        #expect(try await database.recordProgress(deadClaim, nil) == false)
        // Back in the queue, resumable.
        let claim = try #require(taken.first?.claim)
        #expect(try await database.requeueTask(claim, reason: nil, notBefore: nil)?.status == .pending)
        // A task of this process whose job is no longer running (its last write failed) is recovered too.
        let orphaned = try await database.takeOverAbandonedTasks(owner: me, running: [], leaseTimeout: 60, isAlive: { _ in true })
        #expect(orphaned.map(\.task.id) == [liveTask.id])
    }

    @Test("recording the yt-dlp of a run records its command line as a change: updated_at moves (the details view reads again)")
    func childMovesUpdatedAt() async throws {
        let database = try await database(tasks: 1)
        let (task, claim) = try await claimNext(database, owner: me)
        let before = try #require(try await database.task(id: task.id)).updatedAt
        let later = before.addingTimeInterval(5)
        #expect(try await database.recordChild(claim, child: ProcessIdentity(pid: 4242, startTime: 99), commandLine: "yt-dlp -- x", now: later))
        let recorded = try #require(try await database.task(id: task.id))
        #expect(recorded.commandLine == "yt-dlp -- x")
        #expect(abs(recorded.updatedAt.timeIntervalSince(later)) < 0.01, "\(recorded.updatedAt) after \(before)")
    }

    @Test("a claimed task names the yt-dlp an earlier run left, so the new run can stop it first")
    func previousChild() async throws {
        let database = try await database(tasks: 1)
        let (task, first) = try await claimNext(database, owner: other)
        let child = ProcessIdentity(pid: 4242, startTime: 99)
        #expect(try await database.recordChild(first, child: child, commandLine: "yt-dlp …"))
        _ = try await database.cancelTask(id: task.id, by: task.requester, limits: .default)
        _ = try await database.retryTask(id: task.id, by: task.requester, limits: .default)
        let (again, _) = try await claimNext(database, owner: me)
        #expect(again.child == child)
        #expect(try await database.task(id: task.id)?.child == nil, "the new run records its own child")
    }

    @Test("a cancelled task's slot stays taken until its yt-dlp is gone, even if the child was recorded after the cancel")
    func slotUntilChildGone() async throws {
        let database = try await database(tasks: 2)
        let (task, claim) = try await claimNext(database, owner: me, limit: 1)
        _ = try await database.cancelTask(id: task.id, by: task.requester, limits: .default)
        // yt-dlp started just before the cancel; its start is recorded just after.
        let child = ProcessIdentity(pid: 4242, startTime: 99)
        #expect(try await database.recordChild(claim, child: child, commandLine: "yt-dlp …") == false, "the claim is lost")
        #expect(try await database.task(id: task.id)?.child == child)
        #expect(try await database.claimNextTask(owner: me, systemLimit: 1) == nil, "the cancelled run's yt-dlp still holds the only slot")
        try await database.releaseChild(taskID: task.id, child: child)
        #expect(try await database.claimNextTask(owner: me, systemLimit: 1)?.id == 2)
        // A worker that died before it saw its child exit: the reconcile frees the slot.
        let (second, secondClaim) = (try #require(try await database.task(id: 2)), try #require(try await database.task(id: 2)?.claim))
        #expect(try await database.recordChild(secondClaim, child: child, commandLine: "yt-dlp …"))
        _ = try await database.pauseTask(id: second.id, by: second.requester, limits: .default)
        #expect(try await database.forgetExitedChildren(isAlive: { _ in true }) == 0)
        #expect(try await database.forgetExitedChildren(isAlive: { _ in false }) == 1)
        #expect(try await database.task(id: 2)?.child == nil)
    }

    @Test("a live but silent worker loses its claim after the lease")
    func lease() async throws {
        let database = try await database(tasks: 1)
        let start = Date()
        _ = try await claimNext(database, owner: other, now: start)
        #expect(try await database.takeOverAbandonedTasks(owner: me, leaseTimeout: 30, isAlive: { _ in true }, now: start.addingTimeInterval(10)).isEmpty)
        let taken = try await database.takeOverAbandonedTasks(owner: me, leaseTimeout: 30, isAlive: { _ in true }, now: start.addingTimeInterval(31))
        #expect(taken.count == 1)
        // The owner lives (stopped, not dead): a takeover, not a crash of the task — three
        // long pauses must not fail a download as a crash loop.
        #expect(taken.first?.task.crashCount == 0)
    }

    @Test("retry puts a failed or cancelled task back under the same rules; wrong statuses are refused")
    func retry() async throws {
        let database = try await database(tasks: 0)
        let alice = Requester(userID: 1)
        let first = try await database.createTask(try DownloadRequest(url: "https://example.com/1"), by: alice, limits: .default)
        _ = try await database.cancelTask(id: first.id, by: alice, limits: .default)
        let second = try await database.createTask(try DownloadRequest(url: "https://example.com/2"), by: alice, limits: .default)
        // Alice's slot is taken by the second task: retrying the first is refused.
        await #expect(throws: ActionError.refused(.perUserLimitReached(requester: alice, limit: 1, blocking: second.summary))) {
            try await database.retryTask(id: first.id, by: alice, limits: .default)
        }
        _ = try await database.cancelTask(id: second.id, by: alice, limits: .default)
        let retried = try await database.retryTask(id: first.id, by: alice, limits: .default)
        #expect(retried.status == .pending)
        #expect(retried.attempts == 0)
        await #expect(throws: ActionError.wrongStatus(taskID: first.id, status: .pending, action: .retry)) {
            try await database.retryTask(id: first.id, by: alice, limits: .default)
        }
        await #expect(throws: ActionError.wrongStatus(taskID: second.id, status: .cancelled, action: .cancel)) {
            try await database.cancelTask(id: second.id, by: alice, limits: .default)
        }
        await #expect(throws: ActionError.notFound(taskID: 99)) { try await database.cancelTask(id: 99, by: alice, limits: .default) }
    }

    @Test("only the task's owner (or root) may cancel, retry or remove it")
    func ownership() async throws {
        let database = try await database(tasks: 0)
        let alice = Requester(userID: 1000)
        let mallory = Requester(userID: 1001)
        let task = try await database.createTask(try DownloadRequest(url: "https://example.com/a"), by: alice, limits: .default)
        await #expect(throws: ActionError.forbidden(taskID: task.id, requester: mallory)) { try await database.cancelTask(id: task.id, by: mallory, limits: .default) }
        await #expect(throws: ActionError.forbidden(taskID: task.id, requester: mallory)) { try await database.removeTask(id: task.id, by: mallory, limits: .default) }
        #expect(try await database.task(id: task.id)?.status == .pending, "a refused action changes nothing")
        _ = try await database.cancelTask(id: task.id, by: Requester(userID: 0), limits: .default)
        await #expect(throws: ActionError.forbidden(taskID: task.id, requester: mallory)) {
            try await database.retryTask(id: task.id, by: mallory, limits: .default)
        }
        // By address when no uid is known: the same address is the same requester.
        let remote = Requester(userID: nil, ipAddress: "192.0.2.7")
        let remoteTask = try await database.createTask(try DownloadRequest(url: "https://example.com/r"), by: remote, limits: .default)
        await #expect(throws: ActionError.self) { try await database.cancelTask(id: remoteTask.id, by: Requester(userID: nil, ipAddress: "192.0.2.8"), limits: .default) }
        _ = try await database.cancelTask(id: remoteTask.id, by: remote, limits: .default)
    }

    @Test("remove deletes the row and reports who ran it")
    func remove() async throws {
        let database = try await database(tasks: 1)
        let (task, claim) = try await claimNext(database, owner: me)
        let removed = try await database.removeTask(id: task.id, by: task.requester, limits: .default)
        #expect(removed.previous.claim?.owner == me)
        #expect(try await database.task(id: task.id) == nil)
        #expect(try await database.lostClaims([claim]) == [claim])
    }

    @Test("one heartbeat records every running download's progress in one write and names the claims that are lost")
    func heartbeatForAll() async throws {
        let database = try await database(tasks: 3)
        let (first, firstClaim) = try await claimNext(database, owner: me)
        let (second, secondClaim) = try await claimNext(database, owner: me)
        let (third, thirdClaim) = try await claimNext(database, owner: me)
        _ = try await database.cancelTask(id: second.id, by: second.requester, limits: .default)
        let later = Date().addingTimeInterval(30)
        let lost = try await database.recordProgress([
            (firstClaim, DownloadProgress(downloadedBytes: 10, totalBytes: 100)),
            (secondClaim, DownloadProgress(downloadedBytes: 20, totalBytes: 100)),
            (thirdClaim, nil),
        ], now: later)
        #expect(lost == [secondClaim])
        let recorded = try #require(try await database.task(id: first.id))
        #expect(recorded.downloadedBytes == 10 && recorded.totalBytes == 100)
        #expect(try await database.task(id: second.id)?.downloadedBytes != 20, "a lost claim writes nothing")
        // Each renewed claim keeps the task from being taken for an abandoned one.
        for task in [first, third] {
            let heartbeat = try #require(try await database.task(id: task.id)?.heartbeatAt)
            #expect(abs(heartbeat.timeIntervalSince(later)) < 1)
        }
        #expect(try await database.recordProgress([], now: later).isEmpty)
    }

    @Test("the scheduler's view says when it must look again on its own: others' downloads to watch, the first backoff's end")
    func viewSaysWhatIsDue() async throws {
        let database = try await database(tasks: 3)
        let now = Date()
        let quiet = try await database.schedulerView(claims: [], excluding: [], now: now)
        #expect(!quiet.othersToWatch && quiet.nextBackoffEnd == nil, "pending tasks alone need no timer: a change frees them")
        let (mine, mineClaim) = try await claimNext(database, owner: me)
        let own = try await database.schedulerView(claims: [mineClaim], excluding: [mine.id], now: now)
        #expect(!own.othersToWatch, "this process's own download is watched by its job")
        #expect(try await database.schedulerView(claims: [], excluding: [], now: now).othersToWatch, "another process's download may die unseen")
        let (_, second) = try await claimNext(database, owner: me)
        let (_, third) = try await claimNext(database, owner: me)
        _ = try await database.requeueTask(second, reason: nil, notBefore: now.addingTimeInterval(30), now: now)
        _ = try await database.requeueTask(third, reason: nil, notBefore: now.addingTimeInterval(10), now: now)
        let backedOff = try await database.schedulerView(claims: [mineClaim], excluding: [mine.id], now: now)
        let end = try #require(backedOff.nextBackoffEnd)
        #expect(abs(end.timeIntervalSince(now.addingTimeInterval(10))) < 0.01, "the first backoff to end")
        #expect(try await database.schedulerView(claims: [mineClaim], excluding: [mine.id], now: now.addingTimeInterval(40)).nextBackoffEnd == nil)
    }
}

extension ClaimTests {
    @Test("with nothing to claim, a look takes no lock: it answers while another process holds the write lock")
    func idleLookTakesNoLock() async throws {
        let dir = try TemporaryDirectory("claim-lock")
        defer { dir.remove() }
        let path = dir.file("ytq.sqlite")
        let database = try await AppDatabase.open(path: path)
        // Another process's writer, inside BEGIN IMMEDIATE until the end of the test.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: configuration)
        try await holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? holder.close() }
        // Waiting for the lock would end, after the busy timeout, in a `busy` error instead.
        #expect(try await database.claimNextTask(owner: me, systemLimit: 10) == nil)
    }
}
