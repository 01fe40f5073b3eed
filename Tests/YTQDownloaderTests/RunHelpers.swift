import Foundation
import Testing
import YTQCore
import YTQTestSupport
@testable import YTQDownloader

/// What a run produced: its verdict, every event in order, and whether the safety timeout hit.
struct FinishedRun {
    var result: YtDlpResult
    var events: [YtDlpEvent]
    var timedOut: Bool

    var progress: [YtDlpProgress] {
        events.compactMap { if case .progress(let progress) = $0 { return progress } else { return nil } }
    }

    var stderr: [String] {
        events.compactMap { if case .stderr(let line) = $0 { return line } else { return nil } }
    }

    var signals: [Int32] {
        events.compactMap { if case .signalSent(let signal) = $0 { return signal } else { return nil } }
    }

    var startedPID: Int32? {
        for case .started(let pid, _) in events { return pid }
        return nil
    }
}

/// Runs `process` to the end. `onEvent` sees each event as it arrives (e.g. to call `stop`);
/// after `timeout` seconds the process is stopped so that no test can hang or leak a child.
func runToEnd(
    _ process: YtDlpProcess, timeout: Double = 90, onEvent: @escaping @Sendable (YtDlpEvent, YtDlpProcess) -> Void = { _, _ in }
) async -> FinishedRun {
    let timedOut = TimeoutFlag()
    let watchdog = Task {
        try await Task.sleep(for: .seconds(timeout))
        timedOut.set()
        process.stop(grace: .milliseconds(200))
    }
    defer { watchdog.cancel() }
    async let result = process.run()
    var events: [YtDlpEvent] = []
    for await event in process.events {
        events.append(event)
        onEvent(event, process)
    }
    let finished = await result
    return FinishedRun(result: finished, events: events, timedOut: timedOut.value)
}

final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false

    func set() {
        lock.lock()
        flag = true
        lock.unlock()
    }

    var value: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }
}

/// A download folder and a temp folder inside one fresh test folder.
struct Workspace {
    let root: TemporaryDirectory
    var downloads: String { root.path + "/downloads" }
    var temp: String { root.path + "/partial/1" }

    init(_ label: String) throws {
        root = try TemporaryDirectory(label)
    }

    func invocation(executable: String, url: String, format: FormatSpec = .expression("b"),
                    extraEnvironment: [String: String] = [:]) -> YtDlpInvocation {
        YtDlpInvocation(
            executable: executable, url: url, format: format, downloadFolder: downloads, tempFolder: temp,
            options: .init(progressDelta: 0.1, retries: 1, socketTimeout: 10), extraEnvironment: extraEnvironment
        )
    }

    func fake(_ scenario: String, extraEnvironment: [String: String] = [:]) -> YtDlpInvocation {
        invocation(executable: TestFixtures.fakeYtDlp, url: "https://fake.test/\(scenario)", extraEnvironment: extraEnvironment)
    }
}
