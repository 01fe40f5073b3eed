import ArgumentParser
import Foundation
import YTQCore
import YTQApp
import YTQScheduler

/// `ytq worker`: the scheduler without the screen, printing events.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run queued downloads without the terminal UI.",
        discussion: """
            Processes the queue, and tasks that other processes add, until stopped. SIGINT or SIGTERM \
            stops the downloads gracefully: they stay resumable and continue on the next start. \
            On start, tasks left running by a ytq that died are resumed from their partial files.
            """
    )

    @Flag(help: "Exit when no task is active (pending or downloading) anywhere.")
    var untilIdle = false

    @Flag(help: "Print every event as one JSON line (event, channel, task_id, fields).")
    var json = false

    @Option(help: ArgumentHelp("Stop a download that received no data for this many seconds (default 60).", valueName: "seconds"))
    var stallTimeout: Int?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let stallTimeout, stallTimeout < 1 { throw ValidationError("--stall-timeout must be at least 1 second") }
    }

    func run() async throws {
        let context = try await CommandContext(options)
        let database = try context.personalDatabase(for: "`ytq worker`")
        var configuration = context.schedulerConfiguration(for: database)
        if let stallTimeout { configuration.stallTimeout = .seconds(stallTimeout) }
        let scheduler = Scheduler(database: database, configuration: configuration)
        // Subscribed before the scheduler starts, so no event is missed.
        let events = scheduler.events.subscribe()
        let printer = Task { [json] in
            for await event in events {
                let line = json ? EventJSON.line(event) : EventJSON.summary(event)
                if case .recordingFailed = event, let summary = EventJSON.summary(event) {
                    // Not only for the log reader: whoever watches the worker must see it.
                    StandardOutput.writeErrorLine("ytq: " + summary)
                }
                guard let line else { continue }
                if !StandardOutput.writeLine(line) {
                    // The reader went away (`| head`): stop gracefully rather than die.
                    await scheduler.shutdown()
                    break
                }
            }
        }
        let trap = SignalTrap { _ in Task { await scheduler.shutdown() } }
        await scheduler.run(untilIdle: untilIdle)
        scheduler.events.finish()
        await printer.value
        withExtendedLifetime(trap) {}
        if let problem = await scheduler.stopProblem {
            StandardOutput.writeErrorLine("ytq: \(problem); the worker stopped its downloads and exits. "
                + "Start it again to work on the database now at that path.")
            throw ExitCode(1)
        }
    }
}
