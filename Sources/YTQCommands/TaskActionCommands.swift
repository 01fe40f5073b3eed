import ArgumentParser
import Foundation
import YTQCore
import YTQStore

/// `ytq cancel ID`: stop a download for good (works with or without a worker).
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Stop a download for good and delete its partial files (pending, running, queued or paused).")

    @Argument(help: "The task's id.") var id: Int64
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await CommandContext(options).act { actions, requester throws(ActionError) in
            let task = try await actions.cancel(id: id, by: requester)
            StandardOutput.writeLine("cancelled #\(task.id)")
        }
    }
}

/// `ytq retry ID [--queue]`: run a failed or cancelled download again, under the same rules.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue a failed or cancelled download again (exit 3 if a rule refuses it).")

    @Argument(help: "The task's id.") var id: Int64
    @Flag(help: "When a rule refuses it now, queue it to start by itself when a slot frees.") var queue = false
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options)
        try await context.act(queueWith: "ytq retry --queue \(id)") { actions, requester throws(ActionError) in
            let task = try await actions.retry(id: id, by: requester, whenBusy: queue ? .queue : .refuse)
            await context.report(task, admitted: "queued #\(id) again")
        }
    }
}

/// `ytq pause ID`: stop a download for now, keeping its partial files.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Stop a pending, running or queued download for now; `ytq resume` continues it.")

    @Argument(help: "The task's id.") var id: Int64
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await CommandContext(options).act { actions, requester throws(ActionError) in
            let task = try await actions.pause(id: id, by: requester)
            StandardOutput.writeLine("paused #\(task.id)")
        }
    }
}

/// `ytq resume ID [--queue]`: continue a paused download, under the rules.
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a paused download from its partial files (exit 3 if a rule refuses it).")

    @Argument(help: "The task's id.") var id: Int64
    @Flag(help: "When a rule refuses it now, queue it to start by itself when a slot frees.") var queue = false
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options)
        try await context.act(queueWith: "ytq resume --queue \(id)") { actions, requester throws(ActionError) in
            let resumed = try await actions.resume(id: id, by: requester, whenBusy: queue ? .queue : .refuse)
            if resumed.startsOver {
                StandardOutput.writeErrorLine("ytq: the partial files of #\(id) are gone; it starts over")
            }
            await context.report(resumed.task, admitted: "resumed #\(id)")
        }
    }
}

/// `ytq queue ID`: put a failed, cancelled or paused download at the end of your backlog.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Put a failed, cancelled or paused download in your backlog; it starts when a slot frees.")

    @Argument(help: "The task's id.") var id: Int64
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options)
        try await context.act { actions, requester throws(ActionError) in
            let task = try await actions.queue(id: id, by: requester)
            await context.report(task, admitted: "queued #\(id); a slot was free, it starts now")
        }
    }
}

/// `ytq move ID --top|--up|--down`: reorder your backlog.
struct MoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a queued download within your backlog.")

    @Argument(help: "The task's id.") var id: Int64
    @Flag(help: "Where to move it.") var move: BacklogMove
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await CommandContext(options).act { actions, requester throws(ActionError) in
            let task = try await actions.move(id: id, move, by: requester)
            let place = (try? await actions.queuePlaces(of: [task], by: requester))?[id]
            StandardOutput.writeLine("moved #\(id)" + (place.map { ": \(Ordinal.queuePlace($0))" } ?? ""))
        }
    }
}

extension BacklogMove: EnumerableFlag {}

/// `ytq remove ID [--delete-file]`: forget a task (stopping it first if it runs).
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a task from the list (a running download is stopped first).")

    @Argument(help: "The task's id.") var id: Int64
    @Flag(help: "Also delete the downloaded file of a completed task.") var deleteFile = false
    @OptionGroup var options: GlobalOptions

    func run() async throws {
        try await CommandContext(options).act { actions, requester throws(ActionError) in
            let removal = try await actions.remove(id: id, deleteFile: deleteFile, by: requester)
            let deleted = removal.deletedFiles.count > 1
                ? " and deleted its \(removal.deletedFiles.count) files"
                : removal.deletedFile.map { " and deleted \($0.terminalSafe)" } ?? ""
            StandardOutput.writeLine("removed #\(removal.task.id)" + deleted)
            if let reason = removal.keptFileReason {
                StandardOutput.writeErrorLine("ytq: kept the file: \(reason.terminalSafe)")
            }
        }
    }
}
