import Foundation
import Testing
import YTQTestSupport

/// Issue 13, "notifications": what the terminal itself receives (tmux keeps the window title
/// a pane set, and rings for a bell).
extension TerminalUITests {
    /// The title the pane set (OSC 2), as tmux holds it.
    private func paneTitle(_ tmux: TmuxSession) async throws -> String {
        try await tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("the window title shows the downloads under way, and a config file can turn it off")
    func windowTitle() async throws {
        var env = env
        env["YTQ_YTDLP"] = TestFixtures.fakeYtDlp
        defer { home.remove() }
        let added = try await YTQBinary.run(["add", "https://fake.test/video/hang"], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        let tmux = try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), environment: env)
        // The title follows the screen: "1 downloading" as soon as the task runs, its percentage
        // once yt-dlp reports one, so wait for the figure rather than the first title.
        let title = await eventually("the title set, with the percentage") { () async throws -> String? in
            let title = try await paneTitle(tmux)
            return title.hasPrefix("ytq · 1 downloading") && title.hasSuffix("%") ? title : nil
        }
        #expect(title == "ytq · 1 downloading · 10%", "\(String(describing: title))")
        try await tmux.press("C-c")
        try await tmux.waitFor { $0.contains("Quit ytq?") }
        try await tmux.press("y")
        try await tmux.waitFor { $0.contains("EXITED rc=") }
        await tmux.stop()

        // Turned off: the pane keeps the title it had.
        let config = home.file("config/ytq/config.toml")
        try FileManager.default.createDirectory(atPath: home.file("config/ytq"), withIntermediateDirectories: true)
        try "window_title = false\n".write(toFile: config, atomically: true, encoding: .utf8)
        let quiet = try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), environment: env)
        try await quiet.waitFor { $0.contains("1 downloading") && $0.contains("10%") }
        let untouched = try await paneTitle(quiet)
        #expect(!untouched.hasPrefix("ytq"), "\(untouched)")
        try await quiet.press("C-c")
        try await quiet.waitFor { $0.contains("Quit ytq?") }
        try await quiet.press("y")
        try await quiet.waitFor { $0.contains("EXITED rc=") }
        await quiet.stop()
    }
}
