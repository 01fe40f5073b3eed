import Foundation
import Testing
import YTQTestSupport

/// The real `ytq` binary in a real terminal (tmux), against the loopback media server:
/// what a person sees and does.
@Suite("ytq screen in tmux", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
struct TerminalUITests {
    let home: TemporaryDirectory
    let env: [String: String]

    init() throws {
        home = try TemporaryDirectory("ytq-tui")
        env = YTQBinary.isolatedEnvironment(home: home.path, extra: [
            "YTQ_DB": home.path + "/db/ytq.sqlite", "YTQ_DOWNLOAD_DIR": home.path + "/downloads", "TERM": "xterm-256color",
        ])
    }

    func start(columns: Int = 100, rows: Int = 30) async throws -> TmuxSession {
        try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), columns: columns, rows: rows, environment: env)
    }

    /// Quits with Ctrl-C, answering the quit question when downloads run, expects a clean
    /// exit, and stops tmux.
    func quit(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await tmux.press("C-c")
        let screen = try await tmux.waitFor { $0.contains("Quit ytq?") || $0.contains("EXITED rc=") }
        if screen.contains("Quit ytq?") { try await tmux.press("y") }
        let exited = try await tmux.waitFor { $0.contains("EXITED rc=") }
        #expect(exited.contains("EXITED rc=0"), "\(exited)", sourceLocation: sourceLocation)
        await tmux.stop()
    }

    func status(_ id: Int) async throws -> String? {
        let result = try await YTQBinary.run(["show", String(id), "--json"], environment: env)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return object?["status"] as? String
    }

    @Test("paste a URL, press Enter: the progress bar moves, the task completes, and ytq quits cleanly")
    func download() async throws {
        let server = try MediaServer()
        let tmux = try await start()
        defer { server.stop(); home.remove() }
        let first = try await tmux.waitFor { $0.contains("New download") && $0.contains("No downloads yet") }
        #expect(first.contains("URL"), "first screen:\n\(first)")
        // 20 s at 500 kB/s: on a loaded machine this test may see "Started" seconds late, and
        // must still catch the download running to check that the bar moves.
        try await tmux.type(server.mediaURL(name: "tui.mp4", size: 10_000_000, rate: 500_000))
        try await tmux.press("Enter")
        let started = try await tmux.waitFor { $0.contains("Started task #1") }
        #expect(started.contains("Started task #1"), "\(started)")
        // The bar moves: two different percentages while the task is downloading.
        func percent(_ screen: String) -> Int? {
            guard screen.contains("downloading"),
                  let range = screen.range(of: #"[0-9]+%"#, options: .regularExpression) else { return nil }
            return Int(screen[range].dropLast())
        }
        let early = try await tmux.waitFor(timeout: 60) { percent($0) != nil }
        let startPercent = try #require(percent(early), "no percentage shown:\n\(early)")
        // Ten points on, so the bar has visibly filled (a 6-cell bar shows nothing at 1%).
        let later = try await tmux.waitFor(timeout: 60) { (percent($0) ?? startPercent) >= startPercent + 10 || $0.contains("Finished task #1") }
        #expect(later.contains(where: { "█▉▊▋▌▍▎▏".contains($0) }) || later.contains("Finished task #1"), "a progress bar:\n\(later)")
        #expect((percent(later) ?? 100) > startPercent, "the percentage moved on from \(startPercent)%:\n\(later)")
        let done = try await tmux.waitFor(timeout: 90) { $0.contains("Finished task #1") }
        #expect(done.contains("tui"), "the title yt-dlp reported:\n\(done)")
        #expect(try await status(1) == "completed")
        try await tmux.press("Tab", "Tab")
        // Its details: the list's rows leave out the command line and the metadata, which the
        // overlay reads as it opens.
        try await tmux.press("Enter")
        let details = try await tmux.waitFor { $0.contains("Task #1") && $0.contains("--newline") && $0.contains("Metadata") }
        #expect(!details.contains("reading…"), "\(details)")
        try await tmux.press("Escape")
        try await tmux.waitFor { !$0.contains("Task #1") }
        try await tmux.press("q")
        let exited = try await tmux.waitFor { $0.contains("EXITED rc=0") }
        #expect(exited.contains("EXITED rc=0"), "\(exited)")
        #expect(!exited.contains("New download"), "the screen was restored:\n\(exited)")
        await tmux.stop()
    }

    @Test("a second download is refused by the per-user rule, with the reason in the error pane; typed text stays")
    func refusal() async throws {
        let server = try MediaServer()
        let tmux = try await start()
        defer { server.stop(); home.remove() }
        try await tmux.waitFor { $0.contains("New download") }
        try await tmux.type(server.mediaURL(name: "slow.mp4", size: 50_000_000, rate: 200_000))
        try await tmux.press("Enter")
        try await tmux.waitFor { $0.contains("Started task #1") }
        let second = server.mediaURL(name: "second.mp4", size: 1000)
        try await tmux.type(second)
        try await tmux.press("Enter")
        let refused = try await tmux.waitFor { $0.contains("Errors") && $0.contains("per-user limit") }
        // The refusal names the user, not "uid 0".
        let user = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "?"
        #expect(refused.contains("refused: \(user) may have"), "\(refused)")
        #expect(refused.contains("task #1"), "names the task that holds the slot:\n\(refused)")
        #expect(refused.contains("second.mp4"), "what was typed is kept:\n\(refused)")
        // Quitting while a download runs asks first; confirmed, the download stays resumable.
        try await tmux.press("C-c")
        let asked = try await tmux.waitFor { $0.contains("Quit ytq?") || $0.contains("EXITED") }
        #expect(asked.contains("1 download runs in this ytq"), "counts this process's own download:\n\(asked)")
        try await tmux.press("y")
        let exited = try await tmux.waitFor { $0.contains("EXITED rc=0") }
        #expect(exited.contains("EXITED rc=0"), "\(exited)")
        #expect(try await status(1) == "pending", "stopped gracefully, resumes on the next start")
        await tmux.stop()
    }

    @Test("resizing down to 20x5 and back never breaks the screen")
    func resize() async throws {
        let tmux = try await start()
        defer { home.remove() }
        try await tmux.waitFor { $0.contains("New download") }
        try await tmux.resize(columns: 20, rows: 5)
        let tiny = try await tmux.waitFor { !$0.contains("New download") && $0.contains("quit") }
        let lines = tiny.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 20 }, "\(tiny)")
        try await tmux.resize(columns: 8, rows: 2)
        let note = try await tmux.waitFor { $0.contains("ytq") && !$0.contains("quit") }
        #expect(note.split(separator: "\n").allSatisfy { $0.count <= 8 }, "\(note)")
        try await tmux.resize(columns: 100, rows: 30)
        let back = try await tmux.waitFor { $0.contains("New download") }
        #expect(back.contains("Downloads"), "\(back)")
        try await quit(tmux)
    }

    @Test("a task another process adds shows up within a second; SIGTERM restores the terminal")
    func otherProcess() async throws {
        let tmux = try await start()
        defer { home.remove() }
        try await tmux.waitFor { $0.contains("No downloads yet") }
        let added = try await YTQBinary.run(["add", "https://fake.invalid/elsewhere.mp4", "--per-user-limit", "5"], environment: env)
        #expect(added.status == 0)
        let shown = try await tmux.waitFor(timeout: 30) { $0.contains("1 task") }
        #expect(shown.contains("1 task") && shown.contains("fake.invalid"), "\(shown)")
        let pid = try await tmux.tmux(["list-panes", "-t", "ytq", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs sh, whose child is ytq.
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        for child in children.split(separator: " ").compactMap({ Int32($0) }) { kill(child, SIGTERM) }
        let exited = try await tmux.waitFor { $0.contains("EXITED rc=") }
        #expect(exited.contains("EXITED rc=0"), "\(exited)")
        #expect(!exited.contains("No downloads yet"), "the screen was restored:\n\(exited)")
        await tmux.stop()
    }

    @Test("the terminal goes away (tmux kill-session) while a download runs: an ordinary graceful shutdown")
    func terminalLost() async throws {
        var env = env
        env["YTQ_YTDLP"] = TestFixtures.fakeYtDlp
        let tmux = try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), environment: env)
        defer { home.remove() }
        try await tmux.waitFor { $0.contains("New download") }
        try await tmux.type("https://fake.test/video/hang")
        try await tmux.press("Enter")
        let started = try await tmux.waitFor { $0.contains("downloading") }
        #expect(started.contains("downloading"), "\(started)")
        let pane = try await tmux.tmux(["list-panes", "-t", "ytq", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        let ytq = try #require(children.split(separator: " ").compactMap { Int32($0) }.first, "ytq's pid under the pane")
        await eventually("the download is recorded as running") { try await status(1) == "downloading" }
        // The terminal vanishes under ytq, as with an SSH drop.
        try await tmux.tmux(["kill-session", "-t", "ytq"])
        await eventually("ytq has exited") {
            // Gone, or a zombie nobody reaps (its parent, the pane's shell, died first).
            guard let stat = try? String(contentsOfFile: "/proc/\(ytq)/stat", encoding: .utf8) else { return true }
            return stat[(stat.lastIndex(of: ")") ?? stat.startIndex)...].split(separator: " ").dropFirst().first == "Z"
        }
        // A crash (a write to the dead terminal aborting) would leave the task `downloading`.
        #expect(try await status(1) == "pending", "the download was not stopped gracefully")
        let strays = ProcessTable.commands(containing: "fake-yt-dlp", home.path)
        #expect(strays.isEmpty, "yt-dlp left running: \(strays)")
        await tmux.stop()
    }
}
