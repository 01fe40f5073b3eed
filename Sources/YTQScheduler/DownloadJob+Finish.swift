import Foundation
import YTQCore
import YTQDownloader
import YTQStore

extension DownloadJob {
    /// Records how the run ended. Every write is fenced by the claim: if the claim was lost,
    /// the task now belongs to whoever took it (a user's cancel or remove, another worker).
    func finish(_ state: JobState, result: YtDlpResult?, failure: FailureReason?) async {
        if state.stopReason == .claimLost {
            await handleLostClaim(state)
            return
        }
        // Where the download stood, for the list and for a resume (throttled writes may lag).
        if let progress = state.progress {
            _ = try? database.recordProgress(claim, progress)
        }
        if state.stopReason == .shutdown, result?.filePath == nil {
            // Leave the partial file for `--continue` on the next start.
            if let released = try? database.releaseTask(claim) { events.publish(.changed(taskID: released.id)) }
            return
        }
        if let path = result?.filePath {
            await complete(state, filePath: path, result: result)
            return
        }
        let reason: FailureReason
        if state.stopReason == .stalled {
            let seconds = configuration.stallTimeout.components.seconds
            reason = FailureReason(kind: .stalled, message: "the download stalled: no data arrived for \(seconds) s, so ytq stopped it",
                                   hint: "the server stopped sending; ytq retries and resumes from the partial file")
        } else if let failure {
            reason = failure
        } else if let failed = result?.failureReason {
            reason = failed
        } else {
            reason = FailureReason(kind: .transient, message: "yt-dlp stopped before finishing")
        }
        await fail(state, reason: reason)
    }

    private func complete(_ state: JobState, filePath: String, result: YtDlpResult?) async {
        var metaData = (result?.info ?? state.info)?.metaData ?? state.task.metaData
        if let size = (try? FileManager.default.attributesOfItem(atPath: filePath))?[.size] as? NSNumber {
            metaData["filesize"] = .number(size.doubleValue)
        }
        let title = (result?.info ?? state.info)?.title
        guard let done = try? database.completeTask(claim, filePath: filePath, title: title, metaData: metaData) else {
            await handleLostClaim(state)
            return
        }
        removePartials()
        events.publish(.completed(done, downloadURL: URL(fileURLWithPath: filePath)))
    }

    private func fail(_ state: JobState, reason: FailureReason) async {
        let attempts = state.task.attempts
        if reason.isRetryable, attempts < configuration.maxAttempts {
            let delay = configuration.backoff(afterAttempt: attempts)
            let notBefore = Date().addingTimeInterval(Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            let message = FailureReason(kind: reason.kind, message: "attempt \(attempts) of \(configuration.maxAttempts) failed: \(reason.message)", hint: reason.hint)
            if let requeued = try? database.requeueTask(claim, reason: message, notBefore: notBefore) {
                events.publish(.retrying(requeued, attempt: attempts, reason: reason, delay: delay))
            } else {
                await handleLostClaim(state)
            }
            return
        }
        var final = reason
        if attempts > 1 { final.message = "failed after \(attempts) attempts: \(reason.message)" }
        guard let failed = try? database.failTask(claim, reason: final) else {
            await handleLostClaim(state)
            return
        }
        removePartials()
        events.publish(.failed(failed, reason: final))
    }

    /// The claim is gone. Clean up after a user's cancel or remove; leave a task that another
    /// worker took over alone (it resumes from the partial file).
    private func handleLostClaim(_ state: JobState) async {
        let current: DownloadTask?
        do {
            current = try database.task(id: claim.taskID)
        } catch .taskNotFound {
            current = nil
        } catch {
            return
        }
        guard let current else {
            removePartials()
            events.publish(.changed(taskID: claim.taskID))
            return
        }
        if current.status == .cancelled {
            removePartials()
            events.publish(.cancelled(current))
        } else {
            events.publish(.changed(taskID: current.id))
        }
    }

    func removePartials() {
        try? TaskTempFolder.remove(at: configuration.partialFolder(for: claim.taskID))
    }
}
