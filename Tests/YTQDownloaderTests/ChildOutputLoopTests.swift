import Foundation
import Synchronization
import Testing
import YTQTestSupport
@testable import YTQDownloader

/// The process runner under every yt-dlp: posix_spawn into a session of its own, and one
/// thread that reads every child's output and reaps it.
@Suite("SpawnedChild and ChildOutputLoop")
struct ChildOutputLoopTests {
    /// Runs `script` with /bin/sh; what it wrote to stdout and stderr, and how it ended.
    func run(_ script: String, environment: [String: String] = ["PATH": "/usr/bin:/bin"], in folder: String = "/")
        async throws -> (stdout: String, stderr: String, status: YtDlpExitStatus, pid: Int32) {
        let child = try SpawnedChild.spawn(
            executable: "/bin/sh", arguments: ["-c", script], environment: environment, workingDirectory: folder)
        let output = Mutex<(out: [UInt8], err: [UInt8])>(([], []))
        let status = await ChildOutputLoop.shared.watch(child) { stream, bytes in
            output.withLock { output in
                switch stream {
                case .stdout: output.out.append(contentsOf: bytes)
                case .stderr: output.err.append(contentsOf: bytes)
                }
            }
        }
        let (out, err) = output.withLock { $0 }
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), status, child.pid)
    }

    @Test("stdout and stderr arrive apart and whole; the exit code is the child's")
    func outputAndExit() async throws {
        let result = try await run("i=0; while [ $i -lt 2000 ]; do echo line$i; i=$((i+1)); done; echo oops >&2; exit 3")
        #expect(result.stdout.split(separator: "\n").count == 2000)
        #expect(result.stdout.hasSuffix("line1999\n"))
        #expect(result.stderr == "oops\n")
        #expect(result.status == .exited(3))
    }

    @Test("a child killed by a signal says which")
    func signaled() async throws {
        let result = try await run("kill -TERM $$")
        #expect(result.status == .signaled(SIGTERM))
    }

    @Test("the child leads its own session, reads /dev/null, inherits no descriptor, blocks and ignores no signal")
    func isolation() async throws {
        let result = try await run("""
            echo sid=$(cut -d' ' -f6 /proc/$$/stat) pid=$$
            cat
            echo fds; ls /proc/$$/fd; echo end
            # With the shell's own `read`: a child's grep would catch dash with every signal
            # blocked while it waits for that child.
            while read -r name value; do case $name in SigBlk:|SigIgn:) echo "$name $value";; esac; done < /proc/$$/status
            """)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "sid=\(result.pid) pid=\(result.pid)")
        // Listed by a plain `ls` (a pipe or `$(…)` would leave one of the shell's own open).
        let descriptors = lines.drop { $0 != "fds" }.dropFirst().prefix { $0 != "end" }.compactMap { Int($0) }.sorted()
        #expect(descriptors == [0, 1, 2], "only stdin, stdout and stderr")
        #expect(lines.contains("SigBlk: 0000000000000000"))
        // Signals 1–31 (SIGPIPE, SIGINT, …) at their defaults whatever ytq ignores; glibc keeps
        // its own two real-time signals (32, 33) to itself.
        let ignored = lines.first { $0.hasPrefix("SigIgn: ") }.flatMap { UInt64($0.dropFirst("SigIgn: ".count), radix: 16) }
        #expect(ignored.map { $0 & 0x7fff_ffff } == 0, "ignored: \(String(ignored ?? 0, radix: 16))")
        #expect(result.status == .exited(0))
    }

    @Test("exactly the given environment, in the given folder")
    func environmentAndFolder() async throws {
        let folder = try TemporaryDirectory("spawn-cwd")
        defer { folder.remove() }
        let result = try await run("pwd; env | sort", environment: ["PATH": "/usr/bin:/bin", "YTQ_PROBE": "a b"], in: folder.path)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(URL(fileURLWithPath: lines.first ?? "").resolvingSymlinksInPath().path == URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path)
        #expect(lines.contains("YTQ_PROBE=a b"))
        #expect(!lines.contains { $0.hasPrefix("HOME=") })
    }

    @Test("a child that exits while its own child holds the pipes still ends the watch")
    func grandchildHoldsPipes() async throws {
        let result = try await run("sleep 30 & echo started")
        #expect(result.stdout == "started\n")
        #expect(result.status == .exited(0))
        kill(-result.pid, SIGKILL)
    }

    @Test("many children at once: each gets its own output and status")
    func manyAtOnce() async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<12 {
                group.addTask {
                    let result = try await self.run("echo child\(index); exit \(index)")
                    return result.stdout == "child\(index)\n" && result.status == .exited(Int32(index))
                }
            }
            for try await ok in group { #expect(ok) }
        }
    }

    @Test("a program that is missing or cannot run is told apart from other failures")
    func cannotRun() throws {
        #expect(throws: SpawnedChild.Failure.self) {
            try SpawnedChild.spawn(executable: "/nonexistent/yt-dlp", arguments: [], environment: [:], workingDirectory: "/")
        }
        do {
            _ = try SpawnedChild.spawn(executable: "/nonexistent/yt-dlp", arguments: [], environment: [:], workingDirectory: "/")
        } catch {
            #expect(error.cannotRun)
        }
        let folder = try TemporaryDirectory("spawn-noexec")
        defer { folder.remove() }
        let script = folder.path + "/not-executable"
        FileManager.default.createFile(atPath: script, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o644])
        do {
            _ = try SpawnedChild.spawn(executable: script, arguments: [], environment: [:], workingDirectory: "/")
            Issue.record("a file without the execute bit started")
        } catch {
            #expect(error.cannotRun)
        }
    }
}
