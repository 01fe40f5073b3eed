import ArgumentParser
import Foundation
import YTQCore

/// `ytq list [--json] [--status S] [--sort KEY] [--limit N | --all]`: the tasks, newest first
/// (or in the order `--sort` names, as the screen's `s`), as a table or a JSON array — the
/// first 100 unless asked for more.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List tasks, newest first (the newest \(defaultLimit) unless --limit or --all asks for more)."
    )

    /// How many tasks a plain `ytq list` shows.
    static let defaultLimit = 100
    /// Tasks read and printed at a time by `--all`.
    static let pageSize = 500

    @Flag(help: "Print a JSON array of tasks with every column.")
    var json = false

    @Option(help: ArgumentHelp("Only tasks with this status: \(DownloadStatus.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "status"))
    var status: DownloadStatus?

    @Option(help: ArgumentHelp("At most this many tasks (default: \(defaultLimit)).", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("The order, as the screen's s cycles it (added: newest first; unknown sizes and titles last).", valueName: "key"))
    var sort: TaskOrder = .default

    @Flag(help: "Every task, printed page by page as it is read (memory stays flat however many there are).")
    var all = false

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
        if all, limit != nil { throw ValidationError("--all and --limit cannot be used together") }
    }

    func run() async throws {
        let context = try await CommandContext(options, forReading: true)
        if all {
            try await printAll(context)
            return
        }
        let wanted = limit ?? Self.defaultLimit
        var tasks: [DownloadTask]
        let more: Bool
        if sort == .default {
            // One more than shown, to know whether there are more.
            tasks = try await page(context, limit: wanted + 1, before: nil)
            more = tasks.count > wanted
            tasks = Array(tasks.prefix(wanted))
        } else {
            let window = try await sorted(context, offset: 0, limit: wanted)
            tasks = window.tasks
            more = window.matchingCount > wanted
        }
        if json {
            StandardOutput.writeLine(try TaskJSON.encode(tasks))
        } else {
            let places = (try? await context.actions.queuePlaces(of: tasks, by: context.requester)) ?? [:]
            StandardOutput.write(TaskTable(tasks: tasks, queuePlaces: places).render())
        }
        if more, limit == nil {
            StandardOutput.writeErrorLine("ytq: showing the \(sort == .default ? "newest" : "first") \(wanted) tasks; there are more (--limit N or --all)")
        }
    }

    private func page(_ context: CommandContext, limit: Int, before: Int64?) async throws -> [DownloadTask] {
        do {
            return try await context.actions.list(status: status, limit: limit, before: before, by: context.requester)
        } catch {
            throw CLIError.action(error)
        }
    }

    /// A window of the tasks in `--sort`'s order (the store's page, which `--status` filters exactly).
    private func sorted(_ context: CommandContext, offset: Int, limit: Int) async throws -> TaskPage {
        do {
            return try await context.actions.page(
                filter: status.map(TaskFilter.status) ?? .all, order: sort, offset: offset, limit: limit, fields: .whole, by: context.requester)
        } catch {
            throw CLIError.action(error)
        }
    }

    /// The next page of `--all`: after the task `before` newest first, else from `offset` in `--sort`'s order.
    private func nextPage(_ context: CommandContext, before: Int64?, offset: Int) async throws -> [DownloadTask] {
        guard sort != .default else { return try await page(context, limit: Self.pageSize, before: before) }
        let window = try await sorted(context, offset: offset, limit: Self.pageSize)
        // The store gives the last window for an offset past the end: there is nothing more.
        return offset < window.matchingCount ? Array(window.tasks.suffix(max(0, min(Self.pageSize, window.matchingCount - offset)))) : []
    }

    /// `--all`: one page at a time, each printed before the next is read. The table's columns
    /// are as wide as each page needs; the header comes once.
    private func printAll(_ context: CommandContext) async throws {
        var before: Int64?
        var offset = 0
        var first = true
        while true {
            let tasks = try await nextPage(context, before: before, offset: offset)
            offset += tasks.count
            if json {
                if tasks.isEmpty {
                    StandardOutput.writeLine(first ? "[]" : "\n]")
                    return
                }
                // The page as an array, without its brackets: the pages join into one array.
                let array = try TaskJSON.encode(tasks)
                let objects = array.dropFirst(2).dropLast(2)  // "[\n" … "\n]"
                StandardOutput.write((first ? "[\n" : ",\n") + objects)
            } else {
                if tasks.isEmpty {
                    if first { StandardOutput.write(TaskTable(tasks: []).render()) }
                    return
                }
                let places = (try? await context.actions.queuePlaces(of: tasks, by: context.requester)) ?? [:]
                var text = TaskTable(tasks: tasks, queuePlaces: places).render()
                if !first, let header = text.firstIndex(of: "\n") { text = String(text[text.index(after: header)...]) }
                StandardOutput.write(text)
            }
            first = false
            before = tasks.last?.id
        }
    }
}

extension DownloadStatus: ExpressibleByArgument {}

extension TaskOrder: ExpressibleByArgument {}
