import Foundation
import YTQCore
import YTQDownloader

/// The knobs of one scheduler: folders, limits, timeouts, retry policy.
public struct SchedulerConfiguration: Sendable {
    /// Where finished files go (shared mode: the library, one folder per user in it).
    public var downloadDirectory: String
    /// Shared mode (`ytq serve`): each user's files go to `<downloadDirectory>/<user name>`,
    /// readable by that user and nobody else (a POSIX ACL the service sets).
    public var perUserFolders = false
    /// Where each task's partial files live, one folder per task (`<root>/<task id>`).
    public var partialRoot: String
    /// The yt-dlp executable: a path, or a name looked up on `PATH`.
    public var ytDlp: String
    /// The rules: the system-wide limit caps how many tasks download at once across every
    /// process; all of them decide what a finished run admits from the backlog.
    public var limits: ConcurrencyLimits
    /// No byte progress for this long stops the download as stalled.
    public var stallTimeout: Duration
    /// How long yt-dlp may print nothing before it names what it downloads (reading the page,
    /// solving the site's challenges, sleeping as the site asks): the stall watch counts bytes
    /// only from then on. yt-dlp's own socket timeout and retries end most hangs sooner.
    public var extractionTimeout: Duration
    /// Which failures run again, after how long, and when a crashing task is given up.
    public var retryPolicy: RetryPolicy
    /// A claim whose heartbeat is older than this is taken over even if its owner lives (a
    /// stopped or hung process); a dead owner's claims are taken over at once.
    public var leaseTimeout: Duration
    /// How often the scheduler's heartbeat writes every running download's progress and renews
    /// their claims (one transaction for all). Each write wakes every process watching the
    /// database (a page reload in each screen); this process's own screen and the service's
    /// clients get the figures as events anyway.
    public var progressWriteInterval: Duration
    /// yt-dlp gets this long after SIGINT before SIGKILL.
    public var stopGrace: Duration
    /// Passed to yt-dlp (`--progress-delta`, retries, socket timeout).
    public var ytDlpOptions: YtDlpInvocation.Options
    /// Extra environment for yt-dlp (tests steer a fake yt-dlp with it).
    public var ytDlpEnvironment: [String: String]

    public init(
        downloadDirectory: String, partialRoot: String, ytDlp: String = YtDlpExecutable.defaultName,
        limits: ConcurrencyLimits = .default, stallTimeout: Duration = .seconds(60), extractionTimeout: Duration = .seconds(300),
        retryPolicy: RetryPolicy = RetryPolicy(), leaseTimeout: Duration = .seconds(120), progressWriteInterval: Duration = .seconds(2),
        stopGrace: Duration = .seconds(5), ytDlpOptions: YtDlpInvocation.Options = .init(progressDelta: 1.0),
        ytDlpEnvironment: [String: String] = [:]
    ) {
        self.downloadDirectory = downloadDirectory
        self.partialRoot = partialRoot
        self.ytDlp = ytDlp
        self.limits = limits
        self.stallTimeout = stallTimeout
        self.extractionTimeout = extractionTimeout
        self.retryPolicy = retryPolicy
        self.leaseTimeout = leaseTimeout
        self.progressWriteInterval = progressWriteInterval
        self.stopGrace = stopGrace
        self.ytDlpOptions = ytDlpOptions
        self.ytDlpEnvironment = ytDlpEnvironment
    }

    /// Where `task`'s finished file goes: the download folder, or (shared mode) its user's
    /// folder in the library.
    public func downloadFolder(for task: DownloadTask) -> String {
        guard perUserFolders else { return downloadDirectory }
        return downloadDirectory + "/" + UserAccounts.folderName(of: task.requester)
    }

    /// Where yt-dlp leaves `task`'s finished file for ytq to move into the download folder
    /// (`StagingFolder`): named by the database's instance and the task id, so two databases
    /// writing to one download folder never share one.
    public func stagingFolder(for task: DownloadTask) -> String {
        StagingFolder.path(
            downloadFolder: downloadFolder(for: task), name: URL(fileURLWithPath: partialRoot).lastPathComponent + "-\(task.id)")
    }

    /// Deletes a task's staging folder (what a run that did not complete left there).
    public func removeStagingFolder(for task: DownloadTask) {
        StagingFolder.remove(at: stagingFolder(for: task))
    }

    /// Deletes what a task's runs keep while they work: its partial files and its staging folder.
    public func removeWorkingFolders(for task: DownloadTask) {
        removePartialFolder(for: task.id)
        removeStagingFolder(for: task)
    }

    /// The partial-files folder of a task: `<partialRoot>/<id>`.
    public func partialFolder(for taskID: Int64) -> String {
        PartialFolder.path(root: partialRoot, taskID: taskID)
    }

    /// Deletes a task's partial files, as far as it can (what cannot go is tried again the
    /// next time the task ends or is removed).
    public func removePartialFolder(for taskID: Int64) {
        try? PartialFolder.remove(at: partialFolder(for: taskID))
    }

    /// The partial-files root beside a database file: `<db folder>/partial/<instance>`, where
    /// `instance` is the database's own name (`AppDatabase.instanceID`), so two databases in
    /// one folder, or a database made again after a delete, never share a task's folder.
    public static func partialRoot(besideDatabase path: String, instance: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("partial")
            .appendingPathComponent(instance).path
    }
}
