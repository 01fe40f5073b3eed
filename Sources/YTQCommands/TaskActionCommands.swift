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
        let context = try CommandContext(options)
        do {
            let task = try await context.taskActions.cancel(id: id)
            print("cancelled #\(task.id)")
        } catch {
            throw CLIError.store(error)
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
        let context = try CommandContext(options)
        let outcome: Result<DownloadTask, RuleViolation>
        do {
            outcome = try context.taskActions.retry(id: id)
        } catch {
            throw CLIError.store(error)
        }
        switch outcome {
        case .success(let task): print("queued #\(task.id) again")
        case .failure(let violation): throw CLIError.refused(violation)
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
        let context = try CommandContext(options)
        do {
            let removal = try await context.taskActions.remove(id: id, deleteFile: deleteFile)
            print("removed #\(removal.task.id)" + (removal.deletedFile.map { " and deleted \($0)" } ?? ""))
            if let reason = removal.keptFileReason {
                FileHandle.standardError.write(Data("ytq: kept the file: \(reason)\n".utf8))
            }
        } catch {
            throw CLIError.store(error)
        }
    }
}
