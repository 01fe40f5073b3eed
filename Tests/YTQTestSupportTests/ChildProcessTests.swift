import Foundation
import Testing
import YTQTestSupport

/// The test-side process spawner: what a child inherits decides whether tests running in
/// parallel can disturb each other.
@Suite("ChildProcess")
struct ChildProcessTests {
    @Test("a child inherits only 0–2: a script written meanwhile by another test still runs (no ETXTBSY)")
    func descriptorsNotInherited() async throws {
        let folder = try TemporaryDirectory("child-fds")
        defer { folder.remove() }
        let script = folder.file("script.sh")
        // Open for writing *without* close-on-exec, as Foundation's atomic write does, and
        // start a long-lived child while it is open.
        let fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0o755)
        #expect(fd >= 0)
        let sleeper = try ChildProcess(["sleep", "30"])
        defer { sleeper.signal(SIGKILL); _ = sleeper.waitBlocking() }
        let text = Array("#!/bin/sh\necho ran\n".utf8)
        #expect(text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == text.count)
        close(fd)

        // `sleep` itself opens files for an instant while it starts (the loader, the locale):
        // an inherited descriptor stays, one of those goes.
        var inherited: [String] = []
        let onlyStandard = await eventually("the child holds only 0–2", timeout: .seconds(10)) {
            inherited = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(sleeper.pid)/fd")) ?? []
            return Set(inherited) == ["0", "1", "2"]
        }
        #expect(onlyStandard, "the child holds \(inherited)")
        // Other tests spawning at the same moment may hold the descriptor for an instant
        // (between their fork and exec); only a holder that lives on makes this fail.
        var attempt = 0
        while true {
            do {
                let result = try await ChildProcess.run([script])
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout == "ran\n")
                break
            } catch {
                attempt += 1
                if attempt >= 50 { throw error }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    @Test("writeExecutable leaves a runnable script")
    func writeExecutable() async throws {
        let folder = try TemporaryDirectory("child-exec")
        defer { folder.remove() }
        let script = folder.file("tool.sh")
        try TestFixtures.writeExecutable("#!/bin/sh\necho \"$1\"\n", to: script)
        let result = try await ChildProcess.run([script, "hello"])
        #expect(result.status == 0)
        #expect(result.stdout == "hello\n")
    }
}
