import Foundation
import GRDB
import Testing
import YTQTestSupport

/// The issue's "done when": several URLs pasted at once, queued after one question, run one
/// after another under the per-user limit of 1, one of them paused and resumed in between.
extension TerminalUITests {
    /// The list row of task `id` on `screen` (the line whose first cell is the id), or "".
    static func row(_ id: Int64, in screen: String) -> String {
        let line = screen.split(separator: "\n").first { line in
            line.drop { "│▸ ".contains($0) }.hasPrefix("\(id) ")
        }
        return line.map(String.init) ?? ""
    }

    /// The percentage a downloading row shows, if any.
    static func percent(_ row: String) -> Int? {
        guard row.contains("downloading"), let range = row.range(of: #"[0-9]+%"#, options: .regularExpression) else { return nil }
        return Int(row[range].dropLast())
    }

    struct TaskRow: Decodable, FetchableRecord {
        var id: Int64
        var status: String
        var file_path: String?
    }

    struct Transition: Decodable, FetchableRecord {
        var task_id: Int64
        var status: String
    }

    @Test("five URLs pasted at once, confirmed once, download one after another; one paused and resumed keeps its bytes")
    func pasteQueuePauseResume() async throws {
        let server = try MediaServer()
        defer { server.stop(); home.remove() }
        // The database as ytq creates it, with a log of the rules kept by triggers, so "never
        // two at once" is checked at every commit and not only when the test happens to look.
        let created = try await YTQBinary.run(["list"], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let database = try DatabaseQueue(path: try #require(env["YTQ_DB"]))
        try await database.write { try $0.execute(sql: ActiveAudit.install) }
        func tasks() async throws -> [Int64: TaskRow] {
            let rows = try await database.read { db in
                try TaskRow.fetchAll(db, sql: "SELECT id, status, file_path FROM download_tasks")
            }
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        }

        // At 300 kB/s the first two run 14 s each (#1 is paused while it runs; #2 still holds
        // the slot when #1 is resumed), the others 5 s: long enough to be caught on a loaded machine.
        let files = (1...5).map { (name: "pasted-\($0).mp4", size: $0 <= 2 ? 4_200_000 : 1_500_000) }
        let urls = files.map { server.mediaURL(name: $0.name, size: $0.size, rate: 300_000) }
        let tmux = try await start(rows: 34)
        try await tmux.waitFor { $0.contains("No downloads yet") }
        try await tmux.paste(urls.joined(separator: "\n"))
        let asked = try await tmux.waitFor { $0.contains("Queue 5 downloads?") }
        #expect(asked.contains("Queue 5 downloads?"), "one question for the whole paste:\n\(asked)")
        try await tmux.press("y")
        let queued = try await tmux.waitFor(timeout: 60) {
            $0.contains("Queued 5 of 5 downloads") && $0.contains("4th in your queue")
        }
        #expect(Self.row(2, in: queued).contains("next in your queue"), "\(queued)")
        #expect(Self.row(3, in: queued).contains("2nd in your queue"), "\(queued)")
        #expect(Self.row(5, in: queued).contains("4th in your queue"), "\(queued)")
        #expect(["pending", "downloading"].contains(try await tasks()[1]?.status), "the first starts at once")

        // The first is running: select it (the list is newest first, so it is the last row) and pause it.
        let running = try await tmux.waitFor(timeout: 60) { (Self.percent(Self.row(1, in: $0)) ?? 0) >= 5 }
        #expect((Self.percent(Self.row(1, in: running)) ?? 0) >= 5, "#1 downloads:\n\(running)")
        try await tmux.press("Tab", "Tab", "G")
        let selected = try await tmux.waitFor { Self.row(1, in: $0).contains("▸") }
        #expect(Self.row(1, in: selected).contains("▸"), "the cursor is on #1:\n\(selected)")
        try await tmux.press("Space")
        let paused = try await tmux.waitFor(timeout: 60) {
            $0.contains("Paused task #1") && Self.row(1, in: $0).contains("paused")
        }
        #expect(paused.contains("Paused task #1"), "\(paused)")
        #expect(Self.row(1, in: paused).contains("paused"), "\(paused)")
        #expect(try await tasks()[1]?.status == "paused")
        // The pause freed the slot and admitted the next in the same transaction.
        #expect(["pending", "downloading"].contains(try await tasks()[2]?.status), "#2 was admitted by the pause")
        let next = try await tmux.waitFor(timeout: 60) { Self.row(2, in: $0).contains("downloading") }
        #expect(Self.row(2, in: next).contains("downloading"), "the next queued one starts:\n\(next)")
        #expect(Self.row(1, in: next).contains("▸"), "the cursor stayed on #1:\n\(next)")

        // Space again: #2 holds the one slot, so the rule refuses the resume and offers Q.
        try await tmux.press("Space")
        let refused = try await tmux.waitFor(timeout: 60) { $0.contains("press Q to queue this after it") }
        #expect(refused.contains("per-user limit"), "\(refused)")
        #expect(refused.contains("press Q to queue this after it"), "\(refused)")
        #expect(try await tasks()[1]?.status == "paused")
        try await tmux.press("Q")
        let requeued = try await tmux.waitFor(timeout: 60) {
            $0.contains("Queued task #1") && Self.row(1, in: $0).contains("in your queue")
        }
        #expect(Self.row(1, in: requeued).contains("in your queue"), "\(requeued)")
        let backlog = try await database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM download_tasks WHERE status = 'queued' ORDER BY queue_position, id")
        }
        #expect(backlog.last == 1, "#1 waits at the end of the queue: \(backlog)")

        // All five complete, one after another.
        let finished = await eventually("all five completed", timeout: .seconds(240)) {
            try await tasks().values.filter { $0.status == "completed" }.count == 5
        }
        let done = try await tmux.waitFor(timeout: 60) { $0.contains("Finished task #1") }
        #expect(finished && done.contains("Finished task #1"), "\(done)")
        let final = try await tasks()
        for (index, file) in files.enumerated() {
            let id = Int64(index + 1)
            let path = try #require(final[id]?.file_path, "#\(id): \(String(describing: final[id]))")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(bytes.count == file.size && bytes == MediaPattern.bytes(name: file.name, size: file.size),
                    "#\(id): \(path) holds the source's bytes (\(bytes.count) of \(file.size))")
        }
        // The resume continued from the partial file: a Range request past the start.
        let firstRequests = server.requests.filter { $0.path.hasPrefix("/media/pasted-1.mp4") }
        let resumedFrom = firstRequests.compactMap { request -> Int? in
            guard request.status == 206, let range = request.range, range.hasPrefix("bytes=") else { return nil }
            return Int(range.dropFirst("bytes=".count).prefix { $0.isNumber })
        }
        #expect(resumedFrom.contains { $0 > 0 }, "no Range request resumed #1: \(firstRequests.map { $0.range ?? "-" })")

        // At no commit were two active (so never two downloading), and they ran in order.
        let maximums = try await database.read { db -> [Int] in
            let row = try Row.fetchOne(db, sql: ActiveAudit.maximums)
            return (0..<3).map { row?[$0] as Int? ?? -1 }
        }
        #expect(maximums[0] == 1, "at most 1 active for the user")
        #expect(maximums[2] == 1, "at most 1 downloading")
        let started = try await database.read { try Transition.fetchAll($0, sql: ActiveAudit.transitions) }
            .filter { $0.status == "downloading" }.map(\.task_id)
        let runs = started.enumerated().filter { $0.offset == 0 || started[$0.offset - 1] != $0.element }.map(\.element)
        #expect(runs == [1, 2, 3, 4, 5, 1], "the order the downloads ran in")

        try await tmux.press("q")
        let exited = try await tmux.waitFor { $0.contains("EXITED rc=0") }
        #expect(exited.contains("EXITED rc=0"), "\(exited)")
        await tmux.stop()
    }
}
