import Foundation
import YTQCore
import YTQDownloader

/// Turns a claimed task into a ready-to-run yt-dlp process, following the configuration.
public struct YtDlpService: Sendable {
    public let configuration: SchedulerConfiguration

    public init(configuration: SchedulerConfiguration) {
        self.configuration = configuration
    }

    /// The process for `task`, or why it cannot run (a stored format that no longer parses).
    public func makeProcess(for task: DownloadTask) throws(FailureReason) -> YtDlpProcess {
        let format: FormatSpec
        do {
            format = try FormatSpec(parsing: task.format)
        } catch {
            throw FailureReason(kind: .permanent, message: "the stored format '\(task.format)' is not usable: \(error)")
        }
        // YtDlpProcess finds the executable and makes the folders, failing the run with a
        // reason (yt-dlp missing, folder not writable) when it cannot.
        let invocation = YtDlpInvocation(
            executable: configuration.ytDlp, url: task.videoURL, format: format,
            downloadFolder: configuration.downloadDirectory, tempFolder: configuration.partialFolder(for: task.id),
            options: configuration.ytDlpOptions, extraEnvironment: configuration.ytDlpEnvironment)
        return YtDlpProcess(invocation: invocation, stopGrace: configuration.stopGrace)
    }
}
