import Foundation
import Subprocess
import YTQCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension YtDlpProcess {
    private enum Part: Sendable {
        case stdout(Collected)
        case stderr(tail: [String], lastError: String?)
        case watcherDone
    }

    /// Runs while the child runs: drains both pipes, turns lines into events, and carries out
    /// a stop request. Returns once the child has exited (it is reaped by the caller).
    func supervise(pid: Int32, stdout: SubprocessOutputSequence, stderr: SubprocessOutputSequence) async -> Collected {
        let startTime = ProcessControl.startTime(pid: pid)
        state.withLock { state in
            state.pid = pid
            state.startTime = startTime
        }
        emit(.started(pid: pid, startTime: startTime))
        return await withTaskGroup(of: Part.self) { group in
            group.addTask { .stdout(await self.readStdout(stdout)) }
            group.addTask {
                let (tail, lastError) = await self.readStderr(stderr)
                return .stderr(tail: tail, lastError: lastError)
            }
            group.addTask {
                await self.carryOutStop(pid: pid)
                return .watcherDone
            }
            var collected = Collected()
            var readersLeft = 2
            while readersLeft > 0, let part = await group.next() {
                switch part {
                case .stdout(let fromStdout):
                    collected.info = fromStdout.info
                    collected.reportedFilePath = fromStdout.reportedFilePath
                    collected.lastProgress = fromStdout.lastProgress
                    readersLeft -= 1
                case .stderr(let tail, let lastError):
                    collected.stderrTail = tail
                    collected.lastErrorLine = lastError
                    readersLeft -= 1
                case .watcherDone:
                    break
                }
            }
            // Both pipes are closed; keep honouring stop() until the child has really exited.
            await Self.waitForExit(pid: pid)
            group.cancelAll()
            return collected
        }
    }

    private func readStdout(_ sequence: SubprocessOutputSequence) async -> Collected {
        var collected = Collected()
        var splitter = LineSplitter()
        let handle: (String) -> Void = { line in
            switch YtDlpOutputParser.parse(line) {
            case .progress(let progress):
                collected.lastProgress = progress.progress
                self.emit(.progress(progress))
            case .info(let info):
                collected.info = info
                self.emit(.info(info))
            case .done(let path):
                collected.reportedFilePath = path
                self.emit(.done(filePath: path))
            case .postprocess(let step):
                self.emit(.postprocess(step)) // on stderr as yt-dlp 2026.10.26 prints them; here too if it ever moves
            case .other(let text):
                if !text.isEmpty { self.emit(.output(text)) }
            }
        }
        do {
            for try await buffer in sequence {
                buffer.withUnsafeBytes { splitter.append($0, emit: handle) }
            }
        } catch {
            // The pipe was cut short (the child is gone); keep what arrived.
        }
        splitter.finish(emit: handle)
        return collected
    }

    private func readStderr(_ sequence: SubprocessOutputSequence) async -> ([String], String?) {
        var tail: [String] = []
        var lastError: String?
        var splitter = LineSplitter()
        let handle: (String) -> Void = { line in
            guard !line.isEmpty else { return }
            // yt-dlp writes the post-processor lines of its progress template here, not on stdout.
            if case .postprocess(let step) = YtDlpOutputParser.parse(line) {
                self.emit(.postprocess(step))
                return
            }
            if line.hasPrefix("ERROR:") { lastError = line }
            tail.append(line)
            if tail.count > Self.stderrTailLimit { tail.removeFirst(tail.count - Self.stderrTailLimit) }
            self.emit(.stderr(line))
        }
        do {
            for try await buffer in sequence {
                buffer.withUnsafeBytes { splitter.append($0, emit: handle) }
            }
        } catch {
            // As for stdout.
        }
        splitter.finish(emit: handle)
        return (tail, lastError)
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

    /// Polls until our (unreaped) child is a zombie or gone. Only where `/proc` tells a zombie
    /// apart; elsewhere the closed pipes are taken as the end.
    private static func waitForExit(pid: Int32) async {
        #if os(Linux)
        while ProcessControl.isRunning(pid: pid) {
            try? await Task.sleep(for: .milliseconds(10))
        }
        #endif
    }
}
