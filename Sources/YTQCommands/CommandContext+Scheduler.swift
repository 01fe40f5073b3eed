import YTQCore
import YTQDownloader
import YTQScheduler

extension CommandContext {
    /// The scheduler configuration these settings describe (partials beside the database).
    var schedulerConfiguration: SchedulerConfiguration {
        SchedulerConfiguration(
            downloadDirectory: settings.downloadDirectory,
            partialRoot: SchedulerConfiguration.partialRoot(besideDatabase: settings.databasePath),
            ytDlp: settings.ytDlpPath ?? YtDlpExecutable.defaultName,
            systemLimit: settings.limits.system)
    }

    var taskActions: TaskActions {
        TaskActions(database: database, configuration: schedulerConfiguration, limits: settings.limits)
    }
}
