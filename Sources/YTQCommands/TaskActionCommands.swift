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
        let context = try await CommandContext(options)
        do {
            let task = try await context.actions.cancel(id: id, by: context.requester)
            print("cancelled #\(task.id)")
        } catch {
            throw CLIError.action(error)
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
        do {
            let task = try await context.actions.retry(id: id, by: context.requester, whenBusy: queue ? .queue : .refuse)
            print(task.status == .queued ? "queued #\(task.id) in your backlog" : "queued #\(task.id) again")
        } catch {
            throw CLIError.refused(error, queueWith: "ytq retry --queue \(id)")
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
        let context = try await CommandContext(options)
        do {
            let task = try await context.actions.pause(id: id, by: context.requester)
            print("paused #\(task.id)")
        } catch {
            throw CLIError.action(error)
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
        do {
            let resumed = try await context.actions.resume(id: id, by: context.requester, whenBusy: queue ? .queue : .refuse)
            if resumed.startsOver {
                StandardOutput.writeError("ytq: the partial files of #\(id) are gone; it starts over")
            }
            if resumed.task.status == .queued {
                print("queued #\(id) in your backlog")
                await context.noteQueuePlace(of: resumed.task)
            } else {
                print("resumed #\(id)")
            }
        } catch {
            throw CLIError.refused(error, queueWith: "ytq resume --queue \(id)")
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
        do {
            let task = try await context.actions.queue(id: id, by: context.requester)
            if task.status == .queued {
                print("queued #\(id) in your backlog")
                await context.noteQueuePlace(of: task)
            } else {
                print("queued #\(id); a slot was free, it starts now")
            }
        } catch {
            throw CLIError.action(error)
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
        let context = try await CommandContext(options)
        do {
            let task = try await context.actions.move(id: id, move, by: context.requester)
            let place = (try? await context.actions.queuePlaces(of: [task], by: context.requester))?[id]
            print("moved #\(id)" + (place.map { ": \(Ordinal.queuePlace($0))" } ?? ""))
        } catch {
            throw CLIError.action(error)
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
        let context = try await CommandContext(options)
        do {
            let removal = try await context.actions.remove(id: id, deleteFile: deleteFile, by: context.requester)
            print("removed #\(removal.task.id)" + (removal.deletedFile.map { " and deleted \($0)" } ?? ""))
            if let reason = removal.keptFileReason {
                StandardOutput.writeError("ytq: kept the file: \(reason)")
            }
        } catch {
            throw CLIError.action(error)
        }
    }
}
