import Foundation

/// A real terminal for end-to-end screen tests: a detached tmux session on a private server
/// socket, driven with send-keys and read with capture-pane. `stop()` kills the server.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "ytq"

    /// Starts `command` (run by sh) in a `columns`×`rows` window; when it exits, the pane
    /// prints `EXITED rc=N` and stays open so a test can read how it ended.
    public init(command: String, columns: Int = 100, rows: Int = 30, environment: [String: String]) async throws {
        socket = "ytq-test-\(UUID().uuidString.prefix(8))"
        let exports = environment.map { "export \($0.key)=\(Self.quote($0.value));" }.joined(separator: " ")
        let script = "\(exports) \(command); echo \"EXITED rc=$?\"; sleep 600"
        try await tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), "sh", "-c", script])
    }

    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs a tmux command against this session's server; returns its stdout.
    @discardableResult
    public func tmux(_ arguments: [String]) async throws -> String {
        let socket = socket
        return try await ChildProcess.run(["tmux", "-L", socket] + arguments).stdout
    }

    /// Types text as it is (no key names).
    public func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Pastes `text` as a terminal would: tmux brackets it (`ESC [200~` … `ESC [201~`) when
    /// the program asked for bracketed paste, and sends each newline as a carriage return.
    public func paste(_ text: String) async throws {
        let buffer = "ytq-paste-\(UUID().uuidString.prefix(8))"
        try await tmux(["set-buffer", "-b", buffer, "--", text])
        try await tmux(["paste-buffer", "-p", "-d", "-b", buffer, "-t", name])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `Escape`, `q`, …
    public func press(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", name] + keys)
    }

    /// The screen as text, one line per row.
    public func screen() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", name])
    }

    /// The screen with colours and attributes as escape sequences (for screenshots).
    public func styledScreen() async throws -> String {
        try await tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    public func resize(columns: Int, rows: Int) async throws {
        try await tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// Waits until the screen satisfies `condition`; returns the last screen either way.
    @discardableResult
    public func waitFor(timeout: Double = 45, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        return last
    }

    /// Kills the session and its server (and so the program in it).
    public func stop() async {
        _ = try? await tmux(["kill-server"])
    }

    /// A test that ends early (a failed `#require`, a thrown error) never reaches `stop()`:
    /// the server and the program in it are killed when the session is released.
    deinit {
        if let child = try? ChildProcess(["tmux", "-L", socket, "kill-server"]) {
            _ = child.waitBlocking()
        }
    }
}
