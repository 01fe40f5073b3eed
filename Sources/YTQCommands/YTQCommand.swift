import ArgumentParser
import Foundation

/// The root `ytq` command: opens the terminal UI, or runs one of the subcommands.
public struct YTQCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "ytq",
        abstract: "A keyboard-driven terminal download manager for yt-dlp.",
        discussion: """
            Without a subcommand, ytq opens its terminal UI. Tasks live in one SQLite database \
            that several users and processes can share; at most 1 active download per user and \
            10 system-wide (see --per-user-limit and --system-limit).

            Exit codes: 0 success, 1 runtime failure, 2 invalid input, 3 refused by a rule.
            """,
        version: version,
        subcommands: [
            AddCommand.self, ListCommand.self, ShowCommand.self, WorkerCommand.self,
            CancelCommand.self, RetryCommand.self, RemoveCommand.self,
        ]
    )

    @OptionGroup var options: GlobalOptions

    public init() {}

    public func run() async throws {
        FileHandle.standardError.write(Data("""
            ytq: the terminal UI is not built yet. Use the subcommands for now:
              ytq add URL [--format PRESET]   queue a download
              ytq list [--json]               show the tasks
              ytq --help                      everything else

            """.utf8))
        throw ExitCode(1)
    }
}
