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
        var shown: DownloadTask?
        try await CommandContext(options, forReading: true).act { actions, requester throws(ActionError) in
            shown = try await actions.show(id: id, by: requester)
        }
        guard let task = shown else { return }
        if json {
            StandardOutput.writeLine(try TaskJSON.encode(task))
        } else {
            StandardOutput.write(TaskDetails(task: task).render())
        }
    }
}
