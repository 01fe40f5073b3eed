import ArgumentParser
import YTQCore
import YTQDownloader

/// `ytq add URL [--format F]`: queue one download through `TaskActions.add`; prints its id.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a download (or, with --queue, queue it for a free slot); prints the new task's id.",
        discussion: """
            Formats: \(FormatPreset.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")). \
            Anything with yt-dlp selector syntax (e.g. 'bv*[height<=360]+ba/b') is passed to yt-dlp -f as is; \
            prefix an expression with 'raw:' to force that.

            A second active download is refused (exit 3); with --queue it waits in your backlog \
            instead and starts by itself when a slot frees (`ytq list` shows its place).

            Exit codes: 0 added, 2 invalid URL or format, 3 refused by a concurrency rule.
            """
    )

    @Argument(help: "An http:// or https:// URL yt-dlp can download.")
    var url: String

    @Option(name: [.short, .long], help: ArgumentHelp("A preset or a yt-dlp -f expression.", valueName: "preset|expr"))
    var format: String = FormatPreset.default.rawValue

    @Flag(help: "When a rule refuses it now, queue it to start by itself when a slot frees.")
    var queue = false

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        // Checked before the settings are read and the database opened: a refused request
        // creates nothing, not even the data folder.
        let request: DownloadRequest
        do {
            request = try DownloadRequest(url: url, format: format)
        } catch {
            throw CLIError.action(.invalid(error))
        }
        let context = try await CommandContext(options)
        try await context.act(queueWith: "ytq add --queue \(ShellQuoting.quote(url))") { actions, requester throws(ActionError) in
            let task = try await actions.add(request, by: requester, whenBusy: queue ? .queue : .refuse)
            StandardOutput.writeLine(String(task.id))
            if task.status == .queued { await context.noteQueuePlace(of: task) }
        }
    }
}
