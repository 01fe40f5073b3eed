import Foundation
import Synchronization
import YTQCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension YtDlpProcess {
    /// Runs while the child runs: its output turns into events on `ChildOutputLoop`'s thread,
    /// and a stop request is carried out. Returns once the child has exited and been reaped.
    func supervise(_ child: SpawnedChild) async -> (YtDlpExitStatus, Collected) {
        let pid = child.pid
        let startTime = ProcessControl.startTime(pid: pid)
        state.withLock { state in
            state.pid = pid
            state.startTime = startTime
        }
        emit(.started(pid: pid, startTime: startTime))
        let reader = OutputReader(process: self)
        let stopper = Task { await self.carryOutStop(pid: pid) }
        let status = await ChildOutputLoop.shared.watch(child) { stream, bytes in reader.take(stream, bytes) }
        stopper.cancel()
        let collected = reader.finish()
        releaseHeldProgress()
        return (status, collected)
    }

    /// Waits for a stop request; then SIGINT to the group, the grace period, SIGKILL.
    /// Cancelled (and so silent) once the child has exited.
    private func carryOutStop(pid: Int32) async {
        for await grace in stopRequests {
            emit(.signalSent(SIGINT))
            ProcessControl.signalGroup(pid, SIGINT)
            do {
                try await Task.sleep(for: grace)
            } catch {
                return
            }
            state.withLock { $0.killed = true }
            emit(.signalSent(SIGKILL))
            ProcessControl.signalGroup(pid, SIGKILL)
            return
        }
    }
}

/// Turns one run's stdout and stderr into lines, the lines into events, and keeps what the
/// verdict needs. Fed on `ChildOutputLoop`'s thread, finished by the run once the child is gone.
final class OutputReader: Sendable {
    private struct Lines {
        var stdout = LineSplitter()
        var stderr = LineSplitter()
        var collected = YtDlpProcess.Collected()
    }

    private let process: YtDlpProcess
    private let lines = Mutex(Lines())

    init(process: YtDlpProcess) {
        self.process = process
    }

    func take(_ stream: ChildOutputLoop.Stream, _ bytes: UnsafeRawBufferPointer) {
        lines.withLock { lines in
            switch stream {
            case .stdout: lines.stdout.append(bytes) { Self.stdoutLine($0, into: &lines.collected, process: process) }
            case .stderr: lines.stderr.append(bytes) { Self.stderrLine($0, into: &lines.collected, process: process) }
            }
        }
    }

    /// The last unterminated lines, then what was gathered.
    func finish() -> YtDlpProcess.Collected {
        lines.withLock { lines in
            lines.stdout.finish { Self.stdoutLine($0, into: &lines.collected, process: process) }
            lines.stderr.finish { Self.stderrLine($0, into: &lines.collected, process: process) }
            return lines.collected
        }
    }

    private static func stdoutLine(_ line: String, into collected: inout YtDlpProcess.Collected, process: YtDlpProcess) {
        switch YtDlpOutputParser.parse(line) {
        case .progress(let progress):
            collected.lastProgress = progress.progress
            process.emit(.progress(progress))
        case .info(let info):
            collected.info = info
            process.emit(.info(info))
        case .done(let path):
            collected.reportedFilePath = path
            process.emit(.done(filePath: path))
        case .postprocess(let step):
            process.emit(.postprocess(step)) // on stderr as yt-dlp 2026.10.26 prints them; here too if it ever moves
        case .other(let text):
            if !text.isEmpty { process.emit(.output(text)) }
        }
    }

    private static func stderrLine(_ line: String, into collected: inout YtDlpProcess.Collected, process: YtDlpProcess) {
        guard !line.isEmpty else { return }
        // yt-dlp writes the post-processor lines of its progress template here, not on stdout.
        if case .postprocess(let step) = YtDlpOutputParser.parse(line) {
            process.emit(.postprocess(step))
            return
        }
        if line.hasPrefix("ERROR:") { collected.lastErrorLine = line }
        collected.stderrTail.append(line)
        if collected.stderrTail.count > YtDlpProcess.stderrTailLimit {
            collected.stderrTail.removeFirst(collected.stderrTail.count - YtDlpProcess.stderrTailLimit)
        }
        process.emit(.stderr(line))
    }
}
