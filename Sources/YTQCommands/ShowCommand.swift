import ArgumentParser
import YTQCore

/// `ytq show ID [--json]`: every field of one task.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every field of one task."
    )

    @Argument(help: "The task's id (from `ytq add` or `ytq list`).")
    var id: Int64

    @Flag(help: "Print the task as a JSON object.")
    var json = false

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try await CommandContext(options)
        let task: DownloadTask
        do {
            task = try await context.actions.show(id: id, by: context.requester)
        } catch {
            throw CLIError.action(error)
        }
        if json {
            StandardOutput.writeLine(try TaskJSON.encode(task))
        } else {
            StandardOutput.write(TaskDetails(task: task).render())
        }
    }
}
