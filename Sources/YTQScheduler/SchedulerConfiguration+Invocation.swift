import YTQCore
import YTQDownloader

extension SchedulerConfiguration {
    /// The yt-dlp run for `task` (with its entries loaded: a retried playlist runs only the
    /// entries that did not complete): its URL and format, the finished file left in the task's
    /// staging folder for the job to move into the download folder, this configuration's folders and options.
    /// `YtDlpProcess` finds the executable and makes the folders, failing the run with a
    /// reason (yt-dlp missing, folder not writable) when it cannot.
    public func invocation(for task: DownloadTask) -> YtDlpInvocation {
        YtDlpInvocation(
            executable: ytDlp, url: task.videoURL, format: task.format,
            downloadFolder: stagingFolder(for: task), tempFolder: partialFolder(for: task.id),
            options: ytDlpOptions, extraEnvironment: ytDlpEnvironment,
            playlistItems: task.entries.nextRunItems)
    }
}
