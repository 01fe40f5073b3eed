import Foundation
import YTQCore
import YTQDownloader
import YTQScheduler
import YTQSettings
import YTQStore

/// What a command needs once its options are parsed: the settings, the database, who asks,
/// and the one door to the queue (`actions`).
struct CommandContext {
    let settings: Settings
    let database: AppDatabase
    let requester: Requester

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) async throws(CLIError) {
        do {
            settings = try SettingsResolver(environment: environment).resolve(options.layer)
        } catch {
            throw .settings(error)
        }
        do {
            database = try await AppDatabase.open(path: settings.databasePath)
        } catch {
            throw .store(error)
        }
        requester = Requester.current(uid: Int(getuid()), environment: environment)
    }

    /// The scheduler configuration these settings describe (partials beside the database).
    var schedulerConfiguration: SchedulerConfiguration {
        var configuration = SchedulerConfiguration(
            downloadDirectory: settings.downloadDirectory,
            partialRoot: SchedulerConfiguration.partialRoot(besideDatabase: settings.databasePath, instance: database.instanceID),
            ytDlp: settings.ytDlpPath ?? YtDlpExecutable.defaultName,
            limits: settings.limits)
        configuration.ytDlpOptions.maxFilesize = settings.maxFilesize
        return configuration
    }

    /// The engine in this process over the personal database.
    var engine: EngineActions {
        EngineActions(database: database, configuration: schedulerConfiguration)
    }

    /// Every user action and read goes through here.
    var actions: any TaskActions { engine }
}

extension CommandContext {
    /// Says what became of a task an action put back in line: `admitted` when it may start
    /// now, else that it waits in the queue, and where.
    func report(_ task: DownloadTask, admitted: String) async {
        guard task.status == .queued else {
            StandardOutput.writeLine(admitted)
            return
        }
        StandardOutput.writeLine("queued #\(task.id) in your backlog")
        await noteQueuePlace(of: task)
    }

    /// Says on stderr where a queued task stands (stdout stays the task id for scripts).
    func noteQueuePlace(of task: DownloadTask) async {
        let place = (try? await actions.queuePlaces(of: [task], by: requester))?[task.id]
        let placeText = place.map { Ordinal.queuePlace($0) } ?? "in your queue"
        StandardOutput.writeErrorLine("ytq: #\(task.id) is queued (\(placeText)); it starts by itself when a slot frees")
    }
}

extension CommandContext {
    /// Runs one user action as this command's requester; a refusal becomes the `CLIError`
    /// with its exit code and, where queueing would get around it, `queueWith` as the hint.
    func act(queueWith command: String? = nil, _ body: (any TaskActions, Requester) async throws(ActionError) -> Void) async throws(CLIError) {
        do {
            try await body(actions, requester)
        } catch {
            throw command.map { CLIError.refused(error, queueWith: $0) } ?? .action(error)
        }
    }
}
