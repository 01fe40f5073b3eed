import Foundation
import Testing
import YTQTestSupport

/// Issue 13, "the TUI as a daily driver": `y` copies through OSC 52 into a real terminal's
/// clipboard (tmux's paste buffer), ↑ recalls the URL, and the same URL asks before it
/// downloads again.
extension TerminalUITests {
    func filePath(_ id: Int) async throws -> String? {
        let result = try await YTQBinary.run(["show", String(id), "--json"], environment: env)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return object?["file_path"] as? String
    }

    @Test("a finished download: y puts its path on the clipboard (OSC 52, tmux's buffer); ↑ recalls its URL, which asks before downloading again")
    func copyAndDuplicate() async throws {
        let server = try MediaServer()
        let tmux = try await start()
        defer { server.stop(); home.remove() }
        // tmux takes OSC 52 from the program into a paste buffer only with set-clipboard on.
        try await tmux.tmux(["set-option", "-g", "set-clipboard", "on"])
        try await tmux.waitFor { $0.contains("No downloads yet") }
        let url = server.mediaURL(name: "copied.mp4", size: 20_000)
        try await tmux.type(url)
        try await tmux.press("Enter")
        let done = try await tmux.waitFor(timeout: 90) { $0.contains("Finished task #1") }
        #expect(done.contains("Finished task #1"), "\(done)")
        let path = try #require(try await filePath(1), "task #1 has a file")

        try await tmux.press("Tab", "Tab", "y")
        let copied = try await tmux.waitFor { $0.contains("Copied the file path of #1") }
        #expect(copied.contains("Copied the file path of #1"), "\(copied)")
        let buffer = await eventually("tmux's paste buffer holds the path") {
            let text = try? await tmux.tmux(["show-buffer"])
            return text == path ? text : nil
        }
        #expect(buffer == path)

        // Back in the URL field, ↑ recalls the URL; Enter asks, n keeps the text.
        try await tmux.press("Tab", "Up")
        try await tmux.waitFor { $0.contains("copied.mp4?size=20000") }
        try await tmux.press("Enter")
        let asked = try await tmux.waitFor { $0.contains("Download again?") }
        #expect(asked.contains("#1 already downloaded this (file:"), "\(asked)")
        try await tmux.press("n")
        let kept = try await tmux.waitFor { !$0.contains("Download again?") }
        #expect(kept.contains("copied.mp4?size=20000"), "the URL stays in the field:\n\(kept)")
        #expect(!kept.contains("#2"), "nothing was added:\n\(kept)")
        // Asked again, y downloads it a second time.
        try await tmux.press("Enter")
        try await tmux.waitFor { $0.contains("Download again?") }
        try await tmux.press("y")
        let again = try await tmux.waitFor(timeout: 90) { $0.contains("Finished task #2") }
        #expect(again.contains("Finished task #2"), "\(again)")
        try await quit(tmux)
    }
}

extension TerminalUITests {
    @Test("O opens the finished file and o its folder, through xdg-open on a desktop")
    func openFile() async throws {
        let server = try MediaServer()
        defer { server.stop(); home.remove() }
        // A stand-in for xdg-open that notes what it was asked to open.
        let bin = home.path + "/bin"
        let opened = home.path + "/opened.txt"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \(TmuxSession.quote(opened))\n".write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/xdg-open")
        var env = env
        env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["DISPLAY"] = ":99"
        let tmux = try await TmuxSession(
            command: "unset SSH_CONNECTION SSH_CLIENT; " + TmuxSession.quote(YTQBinary.path), environment: env)
        try await tmux.waitFor { $0.contains("No downloads yet") }
        try await tmux.type(server.mediaURL(name: "opened.mp4", size: 20_000))
        try await tmux.press("Enter")
        let done = try await tmux.waitFor(timeout: 90) { $0.contains("Finished task #1") }
        #expect(done.contains("Finished task #1"), "\(done)")
        let path = try #require(try await filePath(1), "task #1 has a file")

        try await tmux.press("Tab", "Tab", "O")
        let file = await eventually("xdg-open was asked to open the file") {
            (try? String(contentsOfFile: opened, encoding: .utf8)).flatMap { $0 == path + "\n" ? $0 : nil }
        }
        #expect(file == path + "\n")
        try await tmux.press("o")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let both = await eventually("xdg-open was asked to open the folder") {
            (try? String(contentsOfFile: opened, encoding: .utf8)).flatMap { $0.hasSuffix(folder + "\n") ? $0 : nil }
        }
        #expect(both == path + "\n" + folder + "\n")
        try await quit(tmux)
    }
}

extension TerminalUITests {
    @Test("n without a filter says how to search; with one it goes to the next match, wrapping, and says where it matched")
    func nextMatch() async throws {
        let server = try MediaServer()
        let tmux = try await start()
        defer { server.stop(); home.remove() }
        try await tmux.waitFor { $0.contains("No downloads yet") }
        let urls = ["alpha-one.mp4", "beta.mp4", "alpha-two.mp4"].map { server.mediaURL(name: $0, size: 20_000) }
        try await tmux.paste(urls.joined(separator: "\n"))
        try await tmux.waitFor { $0.contains("Queue 3 downloads?") }
        try await tmux.press("y")
        let done = try await tmux.waitFor(timeout: 90) { $0.contains("3 done") }
        #expect(done.contains("3 done"), "\(done)")

        try await tmux.press("Tab", "Tab", "n")
        let none = try await tmux.waitFor { $0.contains("No filter: / to search") }
        #expect(none.contains("No filter: / to search"), "\(none)")
        try await tmux.press("/")
        try await tmux.type("alpha")
        try await tmux.press("Enter")
        // n moves among the rows the store filtered: wait for them.
        try await tmux.waitFor { $0.contains("2 matching of 3") }
        try await tmux.press("n")
        let second = try await tmux.waitFor { $0.contains("2 of 2 — #1: in the") }
        #expect(second.contains("2 of 2 — #1: in the title: alpha-one"), "\(second)")
        try await tmux.press("n")
        let wrapped = try await tmux.waitFor { $0.contains("1 of 2, from the top — #3: in the") }
        #expect(wrapped.contains("1 of 2, from the top — #3"), "\(wrapped)")
        try await quit(tmux)
    }
}
