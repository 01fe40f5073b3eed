import Foundation
import Testing

/// `ytq worker --json` running in the background, its event lines collected as they come.
public final class WorkerProcess: @unchecked Sendable {
    public let child: ChildProcess
    private let lock = NSLock()
    private var lines: [String] = []
    /// The output reader reached the end of the pipe (every line is in `lines`).
    private var outputEnded = false
    private let stderrPath: String

    public init(_ arguments: [String], environment: [String: String]) throws {
        stderrPath = FileManager.default.temporaryDirectory.appendingPathComponent("worker-\(UUID().uuidString).err").path
        child = try ChildProcess([YTQBinary.path, "worker", "--json"] + arguments, environment: environment,
                                 stdout: .pipe, stderr: .file(stderrPath))
        guard let output = child.output else { return }
        Thread { [weak self] in
            output.forEachLine { line in
                guard let self else { return }
                self.lock.withLock { self.lines.append(String(decoding: line, as: UTF8.self)) }
            }
            self?.lock.withLock { self?.outputEnded = true }
        }.start()
    }

    /// Every event line so far, parsed.
    public var events: [[String: Any]] {
        lock.withLock { lines }.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    public var stderr: String { String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self) }

    /// Waits for an event line that matches, up to `timeout` seconds.
    @discardableResult
    public func waitFor(timeout: Double = 90, sourceLocation: SourceLocation = #_sourceLocation,
                        _ match: ([String: Any]) -> Bool) async -> [String: Any]? {
        await eventually("a worker event line that matches", timeout: .seconds(timeout), sourceLocation: sourceLocation) {
            events.first(where: match)
        }
    }

    /// Sends `signal` and waits for the process to end; returns its exit status.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM, timeout: Double = 30) async -> Int32 {
        child.signal(signal)
        return await wait(timeout: timeout)
    }

    /// Waits for the process to end (SIGKILL after `timeout`); returns its exit status
    /// (128 + the signal when a signal ended it), once its last output line is read.
    @discardableResult
    public func wait(timeout: Double = 120) async -> Int32 {
        let status = await child.wait(killingAfter: .seconds(timeout))
        await eventually("the worker's last output line", timeout: .seconds(10)) { self.lock.withLock { self.outputEnded } }
        return status
    }

    deinit {
        child.signal(SIGKILL)
        try? FileManager.default.removeItem(atPath: stderrPath)
    }
}
