import Foundation
import Testing
@testable import YTQStore
@testable import YTQScheduler

/// When the scheduler wakes on its own, with no change and no job's end to wake it.
@Suite("Scheduler.nextDue")
struct SchedulerWakeTests {
    let lastReconcile = ContinuousClock.now

    @Test("nothing due: no timer at all, the loop sleeps until a change")
    func nothingDue() {
        let view = AppDatabase.SchedulerView(lostClaims: [], activeCount: 5, hasClaimable: false)
        #expect(Scheduler.nextDue(view, lastReconcile: lastReconcile) == nil)
    }

    @Test("another process's download: a reconcile every 5 s")
    func othersToWatch() {
        let view = AppDatabase.SchedulerView(lostClaims: [], activeCount: 1, hasClaimable: false, othersToWatch: true)
        #expect(Scheduler.nextDue(view, lastReconcile: lastReconcile) == lastReconcile + Scheduler.reconcileInterval)
    }

    @Test("a backoff ending before the next reconcile wins")
    func backoffFirst() throws {
        let view = AppDatabase.SchedulerView(
            lostClaims: [], activeCount: 2, hasClaimable: false, othersToWatch: true, nextBackoffEnd: Date().addingTimeInterval(2))
        let due = try #require(Scheduler.nextDue(view, lastReconcile: lastReconcile))
        #expect(due < lastReconcile + Scheduler.reconcileInterval)
        #expect(due > ContinuousClock.now + .seconds(1))
    }

    @Test("a queue that could not be read is looked at again in a second")
    func unreadable() throws {
        let due = try #require(Scheduler.nextDue(nil, lastReconcile: lastReconcile))
        #expect(due <= ContinuousClock.now + .seconds(1))
    }
}
