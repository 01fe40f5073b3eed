import ArgumentParser
import Foundation
import YTQCore
import YTQStore

/// `ytq cancel ID`: stop a pending or running download (works with or without a worker).
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Stop a pending or running download.")

    @Argument(help: "The task's id.") var id: Int64
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options)
        do {
            let task = try await context.actions.cancel(id: id, by: context.requester)
            StandardOutput.writeLine("cancelled #\(task.id)")
        } catch {
            throw CLIError.action(error)
        }
    }
}

/// `ytq retry ID`: queue a failed or cancelled download again, under the same rules.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue a failed or cancelled download again (exit 3 if a rule refuses it).")

    @Argument(help: "The task's id.") var id: Int64
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options)
        do {
            let task = try await context.actions.retry(id: id, by: context.requester)
            StandardOutput.writeLine("queued #\(task.id) again")
        } catch {
            throw CLIError.action(error)
        }
    }
}

/// `ytq remove ID [--delete-file]`: forget a task (stopping it first if it runs).
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a task from the list (a running download is stopped first).")

    @Argument(help: "The task's id.") var id: Int64
    @Flag(help: "Also delete the downloaded file of a completed task.") var deleteFile = false
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options)
        do {
            let removal = try await context.actions.remove(id: id, deleteFile: deleteFile, by: context.requester)
            StandardOutput.writeLine("removed #\(removal.task.id)" + (removal.deletedFile.map { " and deleted \($0.terminalSafe)" } ?? ""))
            if let reason = removal.keptFileReason {
                StandardOutput.writeErrorLine("ytq: kept the file: \(reason.terminalSafe)")
            }
        } catch {
            throw CLIError.action(error)
        }
    }
}
