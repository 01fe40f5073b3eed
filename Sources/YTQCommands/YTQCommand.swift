import ArgumentParser
import Foundation
import YTQApp
import YTQScheduler
import YTQSettings

/// The root `ytq` command: opens the terminal UI, or runs one of the subcommands.
public struct YTQCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "ytq",
        abstract: "A keyboard-driven terminal download manager for yt-dlp.",
        discussion: """
            Without a subcommand, ytq opens its terminal UI (press ? there for the keys). Tasks live in a SQLite database \
            of your own that every ytq process of yours shares; at most 1 active download at a time and \
            10 system-wide (see --per-user-limit and --system-limit); `ytq add --queue` waits for a free slot.

            With `server = "SOCKET"` set (in /etc/ytq/config.toml, your config, YTQ_SERVER or --server), the screen and \
            every command are clients of a shared queue that `ytq serve` owns for everyone on the machine; see `ytq serve --help`.

            Exit codes: 0 success, 1 runtime failure, 2 invalid input, 3 refused by a rule.
            """,
        version: version,
        subcommands: [
            AddCommand.self, ListCommand.self, ShowCommand.self, WorkerCommand.self,
            CancelCommand.self, RetryCommand.self, RemoveCommand.self, PauseCommand.self, ResumeCommand.self,
            QueueCommand.self, MoveCommand.self, ServeCommand.self,
        ]
    )

    @OptionGroup var options: GlobalOptions

    public init() {}

    /// Opens the terminal UI, with the scheduler running in this process.
    public func run() async throws {
        try await Self.openScreen(options.layer)
    }

    /// Opens the terminal UI with the settings `layer` adds to the environment and config files:
    /// the scheduler runs in this process (personal mode), or the screen is a shared queue's client.
    /// A bare `ytq` comes here without ArgumentParser (`YTQMain`).
    static func openScreen(_ layer: SettingsLayer) async throws {
        let context = try await CommandContext(layer: layer)
        let backend: TerminalApp.Backend
        switch context.backend {
        case .personal(let database):
            backend = .personal(database, EngineActions(database: database, configuration: context.schedulerConfiguration(for: database)))
        case .shared(let client):
            do {
                try client.checkReachable()
            } catch {
                throw CLIError.action(error)
            }
            backend = .shared(client)
        }
        let app = TerminalApp(
            backend: backend, requester: context.requester,
            environment: ProcessInfo.processInfo.environment, signals: context.settings.signals)
        do {
            try await app.run()
        } catch {
            throw CLIError.terminal(error.description + "; without a terminal, use `ytq add`, `ytq list` and `ytq worker`")
        }
    }
}
