import ArgumentParser
import Foundation
import YTQSettings

/// Entry point for the `ytq` executable: parses, runs, and maps every failure to a message
/// on stderr and the documented exit code (usage errors exit 2, not ArgumentParser's 64).
public enum YTQMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        // A closed pipe is an error to handle (stop gracefully), not a signal that kills ytq.
        signal(SIGPIPE, SIG_IGN)
        do {
            // A bare `ytq` opens the screen, with nothing to parse: ArgumentParser's reflection of
            // the commands (Mirror, each first cast a scan of the conformance records) was a
            // tenth of the screen's start.
            if arguments.isEmpty {
                try await YTQCommand.openScreen(SettingsLayer())
                exit(0)
            }
            var command = try YTQCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let error as CLIError {
            fail("ytq: \(error)", code: error.exitCode)
        } catch {
            let code = YTQCommand.exitCode(for: error)
            if code == .success {
                // --help and --version land here with their text.
                YTQCommand.exit(withError: error)
            }
            if code.rawValue == ExitCode.validationFailure.rawValue {
                fail(YTQCommand.fullMessage(for: error), code: 2)
            }
            // ExitCode thrown by a command (already explained) or an unexpected error.
            if error is ExitCode { exit(code.rawValue) }
            fail("ytq: \(YTQCommand.message(for: error))", code: code.rawValue)
        }
    }

    /// Every error message goes out through `StandardOutput`: it may quote what was typed.
    private static func fail(_ message: String, code: Int32) -> Never {
        StandardOutput.writeErrorLine(message)
        exit(code)
    }
}
