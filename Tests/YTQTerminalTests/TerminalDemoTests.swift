import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// A manual check of the curses backend in a real terminal (tmux in CI-like runs):
/// `YTQ_TTY_DEMO=1 swift test --filter TerminalDemo` shows the busy fixture, animates task
/// #12, and logs keys and effects to `$YTQ_TTY_DEMO_LOG` (default /tmp/ytq-tty-demo.log);
/// with `YTQ_TTY_DEMO_CRASH=1`, `!` crashes it to check that the terminal is restored.
/// It is also the reference for the app loop: one thread owns curses, events come in,
/// at most one redraw per turn.
@Suite("Terminal demo")
struct TerminalDemoTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test("interactive demo", .enabled(if: environment["YTQ_TTY_DEMO"] == "1"))
    func demo() throws {
        let logPath = Self.environment["YTQ_TTY_DEMO_LOG"] ?? "/tmp/ytq-tty-demo.log"
        var log = ""
        let terminal = try CursesTerminal(options: .from(environment: Self.environment))
        defer {
            terminal.restore()
            try? log.write(toFile: logPath, atomically: true, encoding: .utf8)
        }
        let wakeup = try TerminalWakeup()
        var state = Fixtures.busyState(size: terminal.size)
        state.resize(to: terminal.size)
        state.url = TextField()
        var downloaded: Int64 = 18 * Fixtures.mebibyte
        var nextID: Int64 = 100
        var running = true
        var drawn: UIState?
        while running {
            if state != drawn || terminal.needsRepaint {
                terminal.draw(RootView.render(state, now: Date()))
                drawn = state
            }
            let keys = terminal.readKeys(timeout: .milliseconds(500), wakeup: wakeup)
            if keys.contains(.char("!")), Self.environment["YTQ_TTY_DEMO_CRASH"] == "1" {
                FileHandle.standardError.write(Data("about to crash on purpose\n".utf8))
                fatalError("the demo crashed on purpose")
            }
            if keys.isEmpty, var task = state.task(id: 12), task.status == .downloading {
                downloaded = min(40 * Fixtures.mebibyte, downloaded + Fixtures.mebibyte)
                state.handle(event: .progressUpdated(task, DownloadProgress(
                    downloadedBytes: downloaded, totalBytes: 40 * Fixtures.mebibyte, speed: 2_400_000,
                    eta: Int((40 * Fixtures.mebibyte - downloaded) / 2_400_000))))
                if downloaded == 40 * Fixtures.mebibyte {
                    // What a reload after the completion would read.
                    task.status = .completed
                    state.replacePage(TaskListPage(tasks: state.tasks.map { $0.id == task.id ? task : $0 }))
                }
            }
            for key in keys {
                log += "key \(key)\n"
                if key == .resize {
                    state.resize(to: terminal.refreshSize())
                    continue
                }
                for effect in state.handle(key) {
                    log += "effect \(effect)\n"
                    switch effect {
                    case .quit: running = false
                    case .repaint: terminal.invalidate()
                    case .submit(let request):
                        nextID += 1
                        let task = DownloadTask(
                            id: nextID, userID: 1000, ipAddress: "127.0.0.1", videoURL: request.url,
                            format: request.format, status: .pending, createdAt: Date(), updatedAt: Date())
                        state.submissionSucceeded(task)
                        state.replacePage(TaskListPage(tasks: [task] + state.tasks))
                    case .remove(let id, _):
                        state.replacePage(TaskListPage(tasks: state.tasks.filter { $0.id != id }))
                    default: break
                    }
                }
            }
        }
    }
}
