import Foundation
import Testing
import YTQTestSupport

/// Queue for later and pause, through the real `ytq` binary as a user or a script runs it.
@Suite("ytq add --queue, pause, resume, move")
struct QueueCommandTests {
    let home: TemporaryDirectory
    let env: [String: String]

    init() throws {
        home = try TemporaryDirectory("ytq-queue")
        env = YTQBinary.isolatedEnvironment(home: home.path)
    }

    func ytq(_ arguments: String...) async throws -> YTQBinary.Result {
        try await YTQBinary.run(arguments, environment: env)
    }

    func statuses() async throws -> [Int: String] {
        let list = try await ytq("list", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
            (row["id"] as? Int).map { ($0, row["status"] as? String ?? "?") }
        })
    }

    @Test("a second add is refused and says how to queue it; --queue queues it with its place on stderr")
    func addQueue() async throws {
        defer { home.remove() }
        #expect(try await ytq("add", "https://example.com/a").stdout == "1\n")
        let refused = try await ytq("add", "https://example.com/b")
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("ytq add --queue https://example.com/b"), "\(refused.stderr)")
        let queued = try await ytq("add", "--queue", "https://example.com/b")
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stdout == "2\n", "stdout stays the id, for scripts")
        #expect(queued.stderr.contains("#2 is queued (next in your queue)"), "\(queued.stderr)")
        let third = try await ytq("add", "--queue", "https://example.com/c")
        #expect(third.stderr.contains("2nd in your queue"), "\(third.stderr)")
        let table = try await ytq("list")
        #expect(table.stdout.contains("queued (2nd)"), "\(table.stdout)")
        #expect(try await statuses() == [1: "pending", 2: "queued", 3: "queued"])
        let queuedOnly = try await ytq("list", "--status", "queued", "--json")
        #expect(queuedOnly.stdout.contains("\"id\" : 2") && !queuedOnly.stdout.contains("\"id\" : 1"), "\(queuedOnly.stdout)")
    }

    @Test("pause frees the slot for the backlog; resume is refused while the slot is taken, and --queue queues it")
    func pauseResume() async throws {
        defer { home.remove() }
        _ = try await ytq("add", "https://example.com/a")
        _ = try await ytq("add", "--queue", "https://example.com/b")
        let paused = try await ytq("pause", "1")
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stdout == "paused #1\n")
        #expect(try await statuses() == [1: "paused", 2: "pending"], "the queued task was admitted in the same step")
        let refused = try await ytq("resume", "1")
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("ytq resume --queue 1"), "\(refused.stderr)")
        let queued = try await ytq("resume", "--queue", "1")
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(try await statuses() == [1: "queued", 2: "pending"])
        _ = try await ytq("cancel", "2")
        #expect(try await statuses() == [1: "pending", 2: "cancelled"])
        let wrong = try await ytq("resume", "2")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("task #2 is cancelled; only paused tasks can be resumed"), "\(wrong.stderr)")
    }

    @Test("move reorders the backlog; the backlog limit refuses beyond it")
    func moveAndCap() async throws {
        defer { home.remove() }
        _ = try await ytq("add", "https://example.com/a")
        for name in ["b", "c", "d"] { _ = try await ytq("add", "--queue", "https://example.com/\(name)") }
        let moved = try await ytq("move", "4", "--top")
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout == "moved #4: next in your queue\n")
        let table = try await ytq("list")
        #expect(table.stdout.contains("queued (1st)") && table.stdout.contains("queued (3rd)"), "\(table.stdout)")
        _ = try await ytq("cancel", "1")
        #expect(try await statuses()[4] == "pending", "the moved task starts first")
        let full = try await ytq("add", "--queue", "--backlog-limit", "2", "https://example.com/e")
        #expect(full.status == 3, "\(full.stderr)")
        #expect(full.stderr.contains("backlog limit 2"), "\(full.stderr)")
        let notQueued = try await ytq("move", "4", "--up")
        #expect(notQueued.status == 1)
        #expect(notQueued.stderr.contains("only queued tasks can be moved"), "\(notQueued.stderr)")
    }
}
