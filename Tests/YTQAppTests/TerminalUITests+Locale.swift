import Foundation
import Testing
import YTQTestSupport

/// Issue 13, defect 7: what only the real terminal shows: the locale ytq starts in, and TERM.
extension TerminalUITests {
    @Test("without a UTF-8 locale (LANG unset) the screen is drawn in ASCII: +-| boxes, # bars, | separators")
    func asciiWithoutLocale() async throws {
        var env = env
        env["YTQ_YTDLP"] = TestFixtures.fakeYtDlp
        defer { home.remove() }
        let added = try await YTQBinary.run(["add", "https://fake.test/video/hang"], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        // The pane's shell may inherit a locale from tmux's server: unset every one of them.
        let command = "env -u LANG -u LC_ALL -u LC_CTYPE " + TmuxSession.quote(YTQBinary.path)
        let tmux = try await TmuxSession(command: command, environment: env)
        let screen = try await tmux.waitFor { $0.contains("10%") && $0.contains("1 downloading") && $0.contains("Fake clip") }
        #expect(screen.contains("+ New download -"), "\(screen)")
        #expect(screen.contains("| URL"), "\(screen)")
        #expect(screen.contains("1 task | 1 downloading"), "\(screen)")
        #expect(screen.contains("Fake clip e"), "the title's é as e:\n\(screen)")
        let allASCII = screen.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII, "\(screen)")
        try await quit(tmux)
    }

    @Test("TERM=dumb is refused with a message, as an unknown TERM is")
    func dumbTerminal() async throws {
        var env = env
        env["TERM"] = "dumb"
        defer { home.remove() }
        let tmux = try await TmuxSession(command: TmuxSession.quote(YTQBinary.path), environment: env)
        let screen = try await tmux.waitFor { $0.contains("EXITED rc=") }
        #expect(screen.contains("EXITED rc=1"), "\(screen)")
        #expect(screen.contains("TERM='dumb'"), "\(screen)")
        #expect(screen.contains("xterm-256color"), "says what to set instead:\n\(screen)")
        await tmux.stop()
    }
}
