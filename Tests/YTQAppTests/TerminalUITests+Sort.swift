import Foundation
import Testing
import YTQTestSupport

/// Issue 13, "a daily driver": the order chosen with `s` is kept for the next start, and the
/// `:` command line completes with Tab and runs a bulk action, in a real terminal.
extension TerminalUITests {
    /// When task `id` last changed, if it is failed (a retry resets its attempts, not this).
    private func failedAt(_ id: Int) async throws -> String? {
        let result = try await YTQBinary.run(["show", String(id), "--json"], environment: env)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return (object?["status"] as? String) == "failed" ? object?["updated_at"] as? String : nil
    }

    @Test("s sorts and the order survives a restart (a garbled file reads as the default); : completes and retries every failed task")
    func sortAndCommandLine() async throws {
        var env = env
        env["YTQ_YTDLP"] = TestFixtures.fakeYtDlp
        env["XDG_STATE_HOME"] = home.file("state")
        defer { home.remove() }
        for _ in 0..<2 {
            let added = try await YTQBinary.run(["add", "--queue", "https://fake.test/video/fail-404"], environment: env)
            #expect(added.status == 0, "\(added.stderr)")
        }
        let tmux = try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), environment: env)
        try await tmux.waitFor { $0.contains("sort: newest first") }
        _ = await eventually("both tasks failed") { () async throws -> Bool in
            let first = try await status(1)
            let second = try await status(2)
            return first == "failed" && second == "failed"
        }
        try await tmux.press("Tab", "Tab", "s")
        try await tmux.waitFor { $0.contains("sort: by title") && $0.contains("Sorted by title") }

        try await tmux.type(":ret")
        try await tmux.press("Tab")
        let completed = try await tmux.waitFor { $0.contains(":retry-failed") }
        #expect(completed.contains("Tab complete"), "the command line's keys:\n\(completed)")
        let before = [try await failedAt(1), try await failedAt(2)]
        try await tmux.press("Enter")
        // Both run again and fail again (the summary may give way at once to their new failures
        // on the status line, so the store says it).
        await eventually("both tasks retried and failed again") { () async throws -> Bool in
            let first = try await failedAt(1)
            let second = try await failedAt(2)
            return first != nil && second != nil && first != before[0] && second != before[1]
        }
        try await tmux.type(":nope")
        try await tmux.press("Enter")
        try await tmux.waitFor { $0.contains("No command :nope") }
        try await tmux.press("Escape")
        try await quit(tmux)

        let file = home.file("state/ytq/sort")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "title\n")
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(home.file("state/ytq"), &info) == 0 && info.st_mode & 0o777 == 0o700)

        let again = try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), environment: env)
        try await again.waitFor { $0.contains("sort: by title") }
        try await quit(again)

        try Data([0xFF, 0x00, 0x41]).write(to: URL(fileURLWithPath: file))
        let garbled = try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), environment: env)
        let screen = try await garbled.waitFor { $0.contains("sort: newest first") }
        #expect(!screen.contains("Errors"), "a garbled file is no error:\n\(screen)")
        try await quit(garbled)
    }
}
