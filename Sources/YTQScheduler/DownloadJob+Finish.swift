import Foundation
import YTQCore
import YTQDownloader
import YTQStore

extension DownloadJob {
    /// How a fenced final write went.
    enum FinalWrite {
        case written(DownloadTask)
        /// The claim is gone: the task belongs to whoever revoked or took it.
        case claimLost
        /// The database kept failing; the task stays claimed until a reconcile recovers it.
        case failed
    }

    /// Records how the run ended. Every write is fenced by the claim: if the claim was lost,
    /// the task now belongs to whoever took it (a user's cancel or remove, another worker).
    func finish(_ state: JobState, result: YtDlpResult?, failure: FailureReason?) async {
        if state.stopReason == .claimLost {
            await handleLostClaim(completedFile: result?.filePath, progress: state.progress)
            return
        }
        // Where the download stood, for the list and for a resume (throttled writes may lag).
        if let progress = state.progress {
            _ = try? await database.recordProgress(claim, progress)
        }
        if state.stopReason == .shutdown, result?.filePath == nil {
            // Leave the partial file for `--continue` on the next start.
            if case .written(let released) = await finalWrite({ () async throws(StoreError) in try await database.releaseTask(claim) }) {
                events.publish(.changed(taskID: released.id))
            }
            return
        }
        if let path = result?.filePath {
            await complete(state, filePath: path, result: result)
            return
        }
        let reason: FailureReason
        if state.stopReason == .stalled {
            reason = FailureReason(
                kind: .stalled, message: "the download stalled: no data arrived for \(Int(configuration.stallTimeout.seconds)) s, so ytq stopped it",
                hint: "the server stopped sending")
        } else if state.stopReason == .tooLarge, let limit = configuration.ytDlpOptions.maxFilesize {
            let seen = state.progress.map { progress in
                progress.downloadedBytes > limit
                    ? "it passed \(ByteSize.describe(progress.downloadedBytes))"
                    : "the server announced \(ByteSize.describe(progress.totalBytes ?? 0))"
            } ?? "it grew too large"
            reason = FailureReason(
                kind: .permanent, message: "the download is larger than max_filesize (\(ByteSize.describe(limit))): \(seen), so ytq stopped it",
                hint: YtDlpProcess.maxFilesizeHint)
        } else if let failure {
            reason = failure
        } else if let failed = result?.failureReason {
            reason = failed
        } else {
            reason = FailureReason(kind: .transient, message: "yt-dlp stopped before finishing")
        }
        await fail(reason)
    }

    private func complete(_ state: JobState, filePath: String, result: YtDlpResult?) async {
        let info = result?.info ?? state.info
        var metaData = info?.metaData ?? state.task.metaData
        if let size = (try? FileManager.default.attributesOfItem(atPath: filePath))?[.size] as? NSNumber {
            metaData["filesize"] = .number(size.doubleValue)
        }
        switch await finalWrite({ () async throws(StoreError) in
            try await database.completeTask(claim, filePath: filePath, title: info?.title, metaData: metaData, limits: configuration.limits)
        }) {
        case .written(let done):
            removePartials()
            events.publish(.completed(done, downloadURL: URL(fileURLWithPath: filePath)))
        case .claimLost:
            await handleLostClaim(completedFile: filePath)
        case .failed:
            break
        }
    }

    private func fail(_ reason: FailureReason) async {
        // Resuming cannot work when the partial file does not fit the server's; starting over can.
        if reason.kind == .staleResume { removePartials() }
        let attempts = task.attempts
        let final: FailureReason
        switch configuration.retryPolicy.decide(reason, attempt: attempts) {
        case .retry(let delay, let note):
            let notBefore = Date().addingTimeInterval(delay.seconds)
            switch await finalWrite({ () async throws(StoreError) in try await database.requeueTask(claim, reason: note, notBefore: notBefore) }) {
            case .written(let requeued): events.publish(.retrying(requeued, attempt: attempts, reason: reason, delay: delay))
            case .claimLost: await handleLostClaim(completedFile: nil)
            case .failed: break
            }
            return
        case .fail(let failure):
            final = failure
        }
        switch await finalWrite({ () async throws(StoreError) in try await database.failTask(claim, reason: final, limits: configuration.limits) }) {
        case .written(let failed):
            removePartials()
            events.publish(.failed(failed, reason: final))
        case .claimLost:
            await handleLostClaim(completedFile: nil)
        case .failed:
            break
        }
    }

    /// Runs a fenced final write, retrying database errors (a lock held too long, a full
    /// disk) a few times with a growing pause.
    func finalWrite(_ body: () async throws(StoreError) -> DownloadTask?) async -> FinalWrite {
        for attempt in 0..<5 {
            do {
                guard let task = try await body() else { return .claimLost }
                return .written(task)
            } catch {
                try? await Task.sleep(for: .milliseconds(200 << attempt))
            }
        }
        return .failed
    }

    /// The claim is gone. Clean up after a user's cancel or remove — including a file that
    /// finished in the meantime, which nobody asked for any more — and leave a task that
    /// another worker took over alone (it resumes from the partial file).
    private func handleLostClaim(completedFile: String?, progress: DownloadProgress? = nil) async {
        let current: DownloadTask?
        do {
            current = try await database.task(id: claim.taskID)
        } catch {
            return
        }
        if let current, current.status != .cancelled {
            // A pause: where the download stood when yt-dlp stopped, for the list and the
            // cancel question (the fenced progress writes stopped with the claim).
            if current.status == .paused, let progress {
                _ = try? await database.recordPausedProgress(id: current.id, progress)
            }
            events.publish(.changed(taskID: current.id))
            return
        }
        removePartials()
        if let completedFile { try? FileManager.default.removeItem(atPath: completedFile) }
        if let current {
            events.publish(.cancelled(current))
        } else {
            events.publish(.changed(taskID: claim.taskID))
        }
    }

    func removePartials() {
        configuration.removePartialFolder(for: claim.taskID)
    }
}
