import YTQCore

extension YtDlpProcess {
    /// What to do about a download refused by `max_filesize`.
    public static let maxFilesizeHint = "raise max_filesize (in the config file, or --max-filesize) if the file is meant to be this large"

    /// Completed only when yt-dlp exited 0 AND reported a file that exists inside the
    /// download folder; a stop wins over any failure; otherwise the classified reason.
    func verdict(status: YtDlpExitStatus, collected: Collected, commandLine: String) -> YtDlpResult {
        var tail = collected.stderrTail
        if let lastError = collected.lastErrorLine, !tail.contains(lastError) { tail.insert(lastError, at: 0) }
        let (stopped, killed, pid) = state.withLock { ($0.stopRequested, $0.killed, $0.pid) }
        var result = YtDlpResult(
            outcome: .stopped, exitStatus: status, pid: pid, info: collected.info,
            reportedFilePath: collected.reportedFilePath, lastProgress: collected.lastProgress,
            stderrTail: tail, wasKilled: killed, commandLine: commandLine
        )
        if status.isSuccess, let reported = collected.reportedFilePath {
            do throws(FailureReason) {
                let path = try DownloadedFile.verify(reportedPath: reported, downloadFolder: invocation.downloadFolder)
                result.outcome = .completed(filePath: path)
            } catch {
                result.outcome = stopped ? .stopped : .failed(error)
            }
            return result
        }
        if stopped { return result }
        if status.isSuccess, let limit = invocation.options.maxFilesize {
            // yt-dlp skips a file whose announced size passes --max-filesize and exits 0 quietly.
            result.outcome = .failed(FailureReason(
                kind: .permanent,
                message: "yt-dlp downloaded nothing: the server announced a file larger than max_filesize (\(ByteSize.describe(limit)))",
                hint: Self.maxFilesizeHint))
            return result
        }
        if status.isSuccess {
            let reason = FailureReason(
                kind: .permanent, message: "yt-dlp exited successfully but reported no downloaded file",
                hint: "run the command from the details view by hand to see what yt-dlp did"
            )
            result.outcome = .failed(reason)
            return result
        }
        result.outcome = .failed(YtDlpErrorClassifier.classify(stderrLines: tail, status: status))
        return result
    }
}
