import ArgumentParser
import YTQCore

/// `ytq add URL [--format F]`: queue one download through `TaskActions.add`; prints its id.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Queue a download; prints the new task's id.",
        discussion: """
            Formats: \(FormatPreset.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")). \
            Anything with yt-dlp selector syntax (e.g. 'bv*[height<=360]+ba/b') is passed to yt-dlp -f as is; \
            prefix an expression with 'raw:' to force that.

            Exit codes: 0 queued, 2 invalid URL or format, 3 refused by a concurrency rule.
            """
    )

    @Argument(help: "An http:// or https:// URL yt-dlp can download.")
    var url: String

    @Option(name: [.short, .long], help: ArgumentHelp("A preset or a yt-dlp -f expression.", valueName: "preset|expr"))
    var format: String = FormatPreset.default.rawValue

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
        let task: DownloadTask
        do {
            task = try await context.actions.add(request, by: context.requester)
        } catch {
            throw CLIError.action(error)
        }
        StandardOutput.writeLine(String(task.id))
    }
}
