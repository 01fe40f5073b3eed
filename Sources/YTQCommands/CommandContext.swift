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
        SchedulerConfiguration(
            downloadDirectory: settings.downloadDirectory,
            partialRoot: SchedulerConfiguration.partialRoot(besideDatabase: settings.databasePath, instance: database.instanceID),
            ytDlp: settings.ytDlpPath ?? YtDlpExecutable.defaultName,
            limits: settings.limits)
    }

    /// Every user action and read goes through here.
    var actions: TaskActions {
        TaskActions(database: database, configuration: schedulerConfiguration)
    }
}

extension CommandContext {
    /// Says on stderr where a queued task stands (stdout stays the task id for scripts).
    func noteQueuePlace(of task: DownloadTask) async {
        let place = (try? await actions.queuePlaces(of: [task], by: requester))?[task.id]
        let placeText = place.map { Ordinal.queuePlace($0) } ?? "in your queue"
        StandardOutput.writeError("ytq: #\(task.id) is queued (\(placeText)); it starts by itself when a slot frees")
    }
}
