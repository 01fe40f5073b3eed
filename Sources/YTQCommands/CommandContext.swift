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
            partialRoot: SchedulerConfiguration.partialRoot(besideDatabase: settings.databasePath),
            ytDlp: settings.ytDlpPath ?? YtDlpExecutable.defaultName,
            systemLimit: settings.limits.system)
        configuration.ytDlpOptions.maxFilesize = settings.maxFilesize
        return configuration
    }

    /// Every user action and read goes through here.
    var actions: TaskActions {
        TaskActions(database: database, configuration: schedulerConfiguration, limits: settings.limits)
    }
}
