import Foundation
import Testing
import YTQTestSupport

extension ServeTests {
    @Test("the screen as a second user: only their own tasks and the shared counts, live from the event stream")
    func screen() async throws {
        try await Self.withTwoUsers { a, b, serve, media in
            let secret = media.mediaURL(name: "screen-a.mp4", size: 20_000_000, rate: 500_000) + "&token=secret"
            _ = try await Self.add(secret, as: a, on: serve)

            try await Self.withScreen(as: b, on: serve) { tmux in try await Self.watch(tmux, serve: serve, media: media, secret: secret) }
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }

    /// `user`'s `ytq` screen as a client of `serve`, in tmux, stopped whatever `body` does.
    private static func withScreen(as user: TestUsers.User, on serve: ServeProcess, _ body: (TmuxSession) async throws -> Void) async throws {
        let environment = serve.clientEnvironment.merging(["HOME": "/", "TERM": "xterm-256color", "LANG": "C.UTF-8"]) { $1 }
        let exports = environment.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        let tmux = try await TmuxSession(
            command: "runuser -u \(user.name) -- env \(exports) \(TmuxSession.quote(serve.binary))", columns: 120, rows: 30,
            environment: [:])
        do {
            try await body(tmux)
        } catch {
            await tmux.stop()
            throw error
        }
        await tmux.stop()
    }

    /// B's session: the shared counts, B's own download live, A's never.
    private static func watch(_ tmux: TmuxSession, serve: ServeProcess, media: MediaServer, secret: String) async throws {
        let first = try await tmux.waitFor { $0.contains("shared: 1 of 10 slots busy") }
        #expect(first.contains("0 tasks"), "\(first)")

        try await tmux.paste(media.mediaURL(name: "screen-b.mp4", size: 6_000_000, rate: 1_000_000))
        try await tmux.press("Enter")
        // B's own download, with live progress from the service's events; A's stays a count.
        let running = try await tmux.waitFor { $0.contains("screen-b") && $0.contains("downloading") && $0.contains("%") }
        #expect(running.contains("shared: 2 of 10 slots busy"), "\(running)")
        let done = try await tmux.waitFor(timeout: 90) { $0.contains("1 done") }
        for screen in [first, running, done] {
            #expect(!screen.contains("secret") && !screen.contains("screen-a"), "A's task on B's screen: \(screen)")
        }
        // Quitting leaves the service's downloads alone: A's is still running.
        try await tmux.press("C-c")
        _ = try await tmux.waitFor { $0.contains("EXITED rc=0") }
        let all = try await Self.list(asRootOn: serve)
        #expect(all.contains { ($0["video_url"] as? String) == secret && ($0["status"] as? String) == "downloading" }, "\(all)")
    }
}

extension ServeTests {
    @Test("the screen as a client outlives a restart of the service: a failed read says so, and the list comes back")
    func screenAcrossRestart() async throws {
        try await Self.withTwoUsers { a, _, serve, media in
            try await Self.withScreen(as: a, on: serve) { tmux in try await Self.outlive(tmux, serve: serve, media: media, user: a) }
            #expect(await serve.stop() == 0, "\(serve.log)")
        }
    }

    /// A's session across the restart.
    private static func outlive(_ tmux: TmuxSession, serve: ServeProcess, media: MediaServer, user a: TestUsers.User) async throws {
        let id = try await add(media.mediaURL(name: "before-restart.mp4", size: 1000), as: a, on: serve)
        _ = try await tmux.waitFor { $0.contains("before-restart") && $0.contains("1 done") }
        #expect(await serve.stop() == 0, "\(serve.log)")
        // A filter asks for a page while the service is away: the read fails, and says so.
        try await tmux.press("Tab", "Tab")  // URL, format, list (an Esc and "/" at once would be Alt-/)
        _ = try await tmux.waitFor { $0.contains("/ filter") }
        try await tmux.press("/")
        try await tmux.type("z")
        let failed = try await tmux.waitFor { $0.contains("Could not read the task list") }
        #expect(!failed.contains("EXITED"), "\(failed)")
        try await tmux.press("Escape")

        try await serve.start()
        // A change no event of A's describes: only a page read shows it. The screen tries again
        // 2 s after a failed read; before it did, nothing read a page until some request, 30 s
        // later, gave up, so the task stayed listed past this wait.
        let removed = try await serve.ytq(["remove", String(id)], as: a)
        #expect(removed.status == 0, "\(removed.stderr)")
        _ = try await tmux.waitFor(timeout: 20) { !$0.contains("before-restart") && $0.contains("0 tasks") }
        try await tmux.press("C-c")
        _ = try await tmux.waitFor { $0.contains("EXITED rc=0") }
    }
}
