import ArgumentParser
import YTQCore

/// `ytq list [--json] [--status S]`: the tasks, newest first, as a table or a JSON array.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List tasks, newest first."
    )

    @Flag(help: "Print a JSON array of tasks with every column.")
    var json = false

    @Option(help: ArgumentHelp("Only tasks with this status: \(DownloadStatus.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "status"))
    var status: DownloadStatus?

    @Option(help: ArgumentHelp("At most this many tasks (default: all).", valueName: "n"))
    var limit: Int?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() async throws {
        var tasks: [DownloadTask] = []
        var places: [Int64: Int] = [:]
        try await CommandContext(options).act { actions, requester throws(ActionError) in
            tasks = try await actions.list(status: status, limit: limit, by: requester)
            places = try await actions.queuePlaces(of: tasks, by: requester)
        }
        if json {
            StandardOutput.writeLine(try TaskJSON.encode(tasks))
        } else {
            StandardOutput.write(TaskTable(tasks: tasks, queuePlaces: places).render())
        }
    }
}

extension DownloadStatus: ExpressibleByArgument {}
