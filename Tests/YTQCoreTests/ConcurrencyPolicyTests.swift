import Testing
@testable import YTQCore

@Suite("ConcurrencyPolicy")
struct ConcurrencyPolicyTests {
    let alice = Requester(userID: 1000)
    let blocking = TaskSummary(id: 7, title: nil, videoURL: "https://x.com/v", status: .downloading)

    @Test("admits below both limits")
    func admits() {
        let policy = ConcurrencyPolicy(limits: .default)
        #expect(policy.violation(requester: alice, requesterActiveCount: 0, firstRequesterActive: nil, systemActiveCount: 9) == nil)
    }

    @Test("refuses a second active download for one user, naming the active task")
    func perUser() throws {
        let policy = ConcurrencyPolicy(limits: .default)
        let violation = try #require(policy.violation(requester: alice, requesterActiveCount: 1, firstRequesterActive: blocking, systemActiveCount: 1))
        #expect(violation == .perUserLimitReached(requester: alice, limit: 1, blocking: blocking))
        #expect(violation.description.contains("task #7"))
        #expect(violation.description.contains("https://x.com/v"))
        #expect(violation.description.contains("per-user limit 1"))
    }

    @Test("refuses the 11th system-wide")
    func system() {
        let policy = ConcurrencyPolicy(limits: .default)
        let violation = policy.violation(requester: alice, requesterActiveCount: 0, firstRequesterActive: nil, systemActiveCount: 10)
        #expect(violation == .systemLimitReached(limit: 10, active: 10))
        #expect(violation?.description.contains("system-wide limit of 10") == true)
    }

    @Test("limits are configurable and must be at least 1")
    func limits() throws {
        let policy = ConcurrencyPolicy(limits: try ConcurrencyLimits(perUser: 3, system: 4))
        #expect(policy.violation(requester: alice, requesterActiveCount: 2, firstRequesterActive: blocking, systemActiveCount: 2) == nil)
        #expect(policy.violation(requester: alice, requesterActiveCount: 3, firstRequesterActive: blocking, systemActiveCount: 3) != nil)
        #expect(throws: InvalidLimit(limit: .perUser, value: 0)) { try ConcurrencyLimits(perUser: 0, system: 10) }
        #expect(throws: InvalidLimit(limit: .system, value: -1)) { try ConcurrencyLimits(perUser: 1, system: -1) }
    }
}
