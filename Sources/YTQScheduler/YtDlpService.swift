import Foundation
import YTQCore
import YTQDownloader

/// Turns a claimed task into a ready-to-run yt-dlp process, following the configuration.
public struct YtDlpService: Sendable {
    public let configuration: SchedulerConfiguration

    public init(configuration: SchedulerConfiguration) {
        self.configuration = configuration
    }

    /// The process for `task`, or why it cannot run (yt-dlp missing, a stored format that no
    /// longer parses, a download folder that cannot be made).
    public func makeProcess(for task: DownloadTask) throws(FailureReason) -> YtDlpProcess {
        let format: FormatSpec
        do {
            format = try FormatSpec(parsing: task.format)
        } catch {
            throw FailureReason(kind: .permanent, message: "the stored format '\(task.format)' is not usable: \(error)")
        }
        let executable = try YtDlpExecutable.resolve(configuration.ytDlp, searchPath: ProcessInfo.processInfo.environment["PATH"])
        let temp = configuration.partialFolder(for: task.id)
        do {
            try FileManager.default.createDirectory(atPath: configuration.downloadDirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        } catch {
            throw FailureReason(kind: .permanent, message: "cannot create the folders for task #\(task.id): \(error.localizedDescription)",
                                hint: "check that \(configuration.downloadDirectory) is writable, or pass --download-dir")
        }
        let invocation = YtDlpInvocation(
            executable: executable, url: task.videoURL, format: format,
            downloadFolder: configuration.downloadDirectory, tempFolder: temp,
            options: configuration.ytDlpOptions, extraEnvironment: configuration.ytDlpEnvironment)
        return YtDlpProcess(invocation: invocation, stopGrace: configuration.stopGrace)
    }
}
