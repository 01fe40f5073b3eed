import Testing
@testable import YTQCore

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let policy = RetryPolicy()
    let hint = "check the network"

    func reason(_ kind: FailureReason.Kind) -> FailureReason {
        FailureReason(kind: kind, message: "ERROR: boom", hint: hint)
    }

    @Test("the defaults are 4 runs, 2 s doubling to at most 60 s, 3 crashes")
    func defaults() {
        #expect(policy.maxAttempts == 4)
        #expect(policy.baseBackoff == .seconds(2))
        #expect(policy.maxBackoff == .seconds(60))
        #expect(policy.maxCrashes == 3)
    }

    static let retryable: [FailureReason.Kind] = [.transient, .stalled, .staleResume]
    static let notRetryable: [FailureReason.Kind] = [.permanent, .toolMissing, .crashLoop, .diskFull]

    @Test("which kinds are retryable", arguments: [
        (FailureReason.Kind.transient, true), (.stalled, true), (.staleResume, true),
        (.permanent, false), (.toolMissing, false), (.crashLoop, false), (.diskFull, false),
    ])
    func retryableKinds(kind: FailureReason.Kind, expected: Bool) {
        #expect(policy.isRetryable(kind) == expected)
    }

    @Test("a retryable kind runs again before the last attempt, with a note that counts", arguments: RetryPolicyTests.retryable, [1, 2, 3])
    func retries(kind: FailureReason.Kind, attempt: Int) {
        let expectedDelay: [Int: Duration] = [1: .seconds(2), 2: .seconds(4), 3: .seconds(8)]
        let note = FailureReason(kind: kind, message: "attempt \(attempt) of 4 failed: ERROR: boom", hint: hint)
        #expect(policy.decide(reason(kind), attempt: attempt) == .retry(after: expectedDelay[attempt] ?? .zero, note: note))
    }

    static let giveUp = "ytq will not try again by itself; to queue it again: `ytq retry`"

    @Test("a retryable kind fails on the last attempt and past it, saying how many there were and that none follows",
          arguments: RetryPolicyTests.retryable, [4, 5])
    func retryableGivesUp(kind: FailureReason.Kind, attempt: Int) {
        let final = FailureReason(kind: kind, message: "failed after \(attempt) attempts: ERROR: boom", hint: hint + "; " + Self.giveUp)
        #expect(policy.decide(reason(kind), attempt: attempt) == .fail(final))
    }

    @Test("a final kind fails at once: on the first attempt with its own message", arguments: RetryPolicyTests.notRetryable)
    func finalFirst(kind: FailureReason.Kind) {
        #expect(policy.decide(reason(kind), attempt: 1) == .fail(reason(kind)))
    }

    @Test("a final kind after earlier retries says how many attempts there were", arguments: RetryPolicyTests.notRetryable, [2, 4, 5])
    func finalLater(kind: FailureReason.Kind, attempt: Int) {
        let final = FailureReason(kind: kind, message: "failed after \(attempt) attempts: ERROR: boom", hint: hint)
        #expect(policy.decide(reason(kind), attempt: attempt) == .fail(final))
    }

    @Test("one run allowed: even a retryable failure is final, with yt-dlp's message unchanged")
    func singleAttempt() {
        let once = RetryPolicy(maxAttempts: 1)
        #expect(once.decide(reason(.transient), attempt: 1) == .fail(FailureReason(kind: .transient, message: "ERROR: boom", hint: hint + "; " + Self.giveUp)))
        let noHint = FailureReason(kind: .stalled, message: "stalled")
        #expect(once.decide(noHint, attempt: 1) == .fail(FailureReason(kind: .stalled, message: "stalled", hint: Self.giveUp)))
    }

    @Test("backoff doubles from the base and stops at the cap", arguments: [
        (0, 2), (1, 2), (2, 4), (3, 8), (4, 16), (5, 32), (6, 60), (7, 60), (100, 60),
    ])
    func backoff(attempt: Int, seconds: Int) {
        #expect(policy.backoff(afterAttempt: attempt) == .seconds(seconds))
    }

    @Test("a cap below the base wins; sub-second values double too")
    func backoffEdges() {
        #expect(RetryPolicy(baseBackoff: .seconds(10), maxBackoff: .seconds(5)).backoff(afterAttempt: 1) == .seconds(5))
        let fast = RetryPolicy(baseBackoff: .milliseconds(50), maxBackoff: .milliseconds(200))
        #expect([1, 2, 3, 4].map(fast.backoff(afterAttempt:)) == [.milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(200)])
    }

    @Test("the retry waits the backoff of its attempt", arguments: [1, 2, 3])
    func retryUsesBackoff(attempt: Int) {
        let many = RetryPolicy(maxAttempts: 10)
        guard case .retry(let delay, _) = many.decide(reason(.transient), attempt: attempt) else {
            Issue.record("expected a retry")
            return
        }
        #expect(delay == many.backoff(afterAttempt: attempt))
    }

    @Test("a crashing task is given up at the crash limit", arguments: [(0, false), (2, false), (3, true), (4, true)])
    func crashes(count: Int, givesUp: Bool) {
        #expect(policy.givesUp(afterCrashes: count) == givesUp)
    }

    @Test("a stored reason is one line: carriage returns and newlines become spaces")
    func oneLine() {
        let reason = FailureReason(kind: .permanent, message: "\r[download] ERROR: HTTP Error 404: Gone\rFAKE OK\n", hint: "a\r\nb")
        #expect(reason.message == "[download] ERROR: HTTP Error 404: Gone FAKE OK")
        #expect(reason.hint == "a  b")
    }
}

@Suite("ByteSize")
struct ByteSizeTests {
    @Test("sizes as people write them, in binary multiples as yt-dlp reads them")
    func parse() {
        let cases: [(String, Int64?)] = [
            ("1048576", 1_048_576), ("500K", 512_000), ("700M", 734_003_200), ("2G", 2_147_483_648), ("1.5G", 1_610_612_736),
            ("1T", 1_099_511_627_776), ("300KiB", 307_200), ("10MB", 10_485_760), (" 5m ", 5_242_880), ("12B", 12),
            ("", nil), ("lots", nil), ("-5M", nil), ("0", nil), ("1.2.3M", nil), ("5X", nil), ("M", nil), ("1e9", nil),
        ]
        for (text, expected) in cases {
            #expect(ByteSize.parse(text) == expected, "\(text)")
        }
    }

    @Test("described in the largest whole unit")
    func describe() {
        #expect(ByteSize.describe(1) == "1 byte")
        #expect(ByteSize.describe(5000) == "4.9 KiB")
        #expect(ByteSize.describe(307_200) == "300 KiB")
        #expect(ByteSize.describe(1_048_576) == "1 MiB")
        #expect(ByteSize.describe(1_610_612_736) == "1.5 GiB")
    }
}
