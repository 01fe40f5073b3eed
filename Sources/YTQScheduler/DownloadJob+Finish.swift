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
        /// The database kept failing until a shutdown; the task stays claimed until the next
        /// start recovers it.
        case failed
    }

    /// Records how the run ended. Every write is fenced by the claim: if the claim was lost,
    /// the task now belongs to whoever took it (a user's cancel or remove, another worker).
    func finish(_ state: JobState, result: YtDlpResult?, failure: FailureReason?) async {
        if state.stopReason == .claimLost {
            await handleLostClaim(completedFile: nil, child: state.child, progress: state.progress)
            return
        }
        // Whether or not the stop reached yt-dlp before it ended by itself (a fast failure),
        // a file that was under the final name before the run is what the task gets.
        if let existing = state.alreadyThere, state.stopReason == nil || state.stopReason == .alreadyDownloaded {
            await complete(state, filePath: existing, note: Self.alreadyDownloadedNote, result: nil)
            return
        }
        if state.isPlaylist, state.stopReason == nil, await finishPlaylist(state, result: result) {
            return
        }
        if result?.filePath == nil {
            // Whatever this run left in its staging folder is not a finished download (yt-dlp's
            // copy across filesystems cut short by a full disk, a stop mid-move), and the next
            // run's yt-dlp would take it for one. It goes first: it may be what filled the disk.
            configuration.removeStagingFolder(for: task)
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
        if let staged = result?.filePath {
            let publication = StagingFolder.publish(staged, into: downloadFolder)
            // Empty now (or holding a copy that could not move): it goes before the task ends.
            if case .failed = publication {} else { configuration.removeStagingFolder(for: task) }
            switch publication {
            case .published(let path):
                await complete(state, filePath: path, result: result)
            case .alreadyThere(let path):
                await complete(state, filePath: path, note: Self.appearedMeanwhileNote, result: result)
            case .failed(let problem):
                await fail(FailureReason(kind: .permanent, message: problem, hint: "check that the download folder is writable, then `ytq retry`"),
                           child: state.child)
            }
            return
        }
        let reason: FailureReason
        if state.stopReason == .stalled, state.extracting {
            reason = FailureReason(
                kind: .stalled,
                message: "yt-dlp found nothing to download: it printed nothing for \(Int(configuration.extractionTimeout.seconds)) s "
                    + "while reading the page, so ytq stopped it",
                hint: "the site did not answer; `ytq retry` tries again")
        } else if state.stopReason == .stalled {
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
        // A playlist stopped by ytq (stalled, too large): the entry under way failed with it.
        let cut = state.entriesCutShort
        if !cut.isEmpty {
            _ = try? await database.recordEntriesFailed(claim, Dictionary(cut.map { ($0, reason.message) }, uniquingKeysWith: { first, _ in first }))
        }
        await fail(reason, child: state.child)
    }

    /// The note of a task whose file was under the final name before it ran.
    static let alreadyDownloadedNote = "already downloaded: the file was there before this run started, so ytq did not download it again"
    /// The note of a task whose file name was taken while it ran (another task, another program).
    static let appearedMeanwhileNote = "already downloaded: a file of that name appeared while this ran; ytq kept it and dropped its own copy"

    func complete(_ state: JobState, filePath: String, size: Int64? = nil, note: String? = nil, result: YtDlpResult?) async {
        let info = result?.info ?? state.info
        var metaData = state.isPlaylist ? state.task.metaData : info?.metaData ?? state.task.metaData
        // The size of what landed, not of the last format yt-dlp counted (the audio track of
        // a merge, the source of a conversion); for a playlist, of every entry's file.
        let fileSize = size ?? DownloadedFile.size(at: filePath)
        if let fileSize { metaData["filesize"] = .number(Double(fileSize)) }
        var notes = [note].compactMap { $0 }
        // What the preset got is told of a file this run downloaded, not of one already there.
        if !state.isPlaylist, note == nil, let shortfall = task.format.preset?.shortfall(
            height: info?.height, videoCodec: info?.vcodec, container: URL(fileURLWithPath: filePath).pathExtension) {
            notes.append(shortfall)
        }
        if configuration.perUserFolders, let uid = task.userID, let problem = LibraryFolder.grant(file: filePath, to: uid) {
            notes.append(problem)
        }
        if !notes.isEmpty { metaData[DownloadTask.notesKey] = .array(notes.map(JSONValue.string)) }
        switch await finalWrite({ () async throws(StoreError) in
            try await database.completeTask(
                claim, filePath: filePath, fileSize: fileSize, title: state.isPlaylist ? state.task.title : info?.title, metaData: metaData, limits: configuration.limits)
        }) {
        case .written(let done):
            // The event first: the slot is free now and the next task's DownloadStarted may
            // follow at once; an observer must see this one end before that one starts.
            events.publish(.completed(done, downloadURL: URL(fileURLWithPath: filePath)))
            removePartials()
        case .claimLost:
            await handleLostClaim(completedFile: filePath, child: state.child)
        case .failed:
            break
        }
    }

    func fail(_ reason: FailureReason, child: ProcessIdentity?) async {
        // Resuming cannot work when the partial file does not fit the server's; starting over can.
        // A full disk needs the space back before anything (the failure itself) can be recorded.
        if reason.kind == .staleResume || reason.kind == .diskFull { removePartials() }
        let attempts = task.attempts
        let final: FailureReason
        switch configuration.retryPolicy.decide(reason, attempt: attempts) {
        case .retry(let delay, let note):
            let notBefore = Date().addingTimeInterval(delay.seconds)
            switch await finalWrite({ () async throws(StoreError) in try await database.requeueTask(claim, reason: note, notBefore: notBefore) }) {
            case .written(let requeued): events.publish(.retrying(requeued, attempt: attempts, reason: reason, delay: delay))
            case .claimLost: await handleLostClaim(completedFile: nil, child: child)
            case .failed: break
            }
            return
        case .fail(let failure):
            final = failure
        }
        switch await finalWrite({ () async throws(StoreError) in try await database.failTask(claim, reason: final, limits: configuration.limits) }) {
        case .written(let failed):
            events.publish(.failed(failed, reason: final))
            removePartials()
        case .claimLost:
            await handleLostClaim(completedFile: nil, child: child)
        case .failed:
            break
        }
    }

    /// Runs a fenced final write until it is written or the claim is lost, retrying database
    /// errors (a lock held too long, a full disk) with a growing pause. A full disk frees the
    /// task's partial files first: nothing can be recorded until there is space, and they are
    /// what filled it more often than not. A write that keeps failing is announced once
    /// (`recordingFailed`: stderr for a worker, the error pane on the screen) and tried again
    /// every few seconds, so the task never stays `downloading` with nothing running while
    /// this process lives. Only a shutdown gives up (`.failed`); the next start recovers it.
    func finalWrite(_ body: () async throws(StoreError) -> DownloadTask?) async -> FinalWrite {
        var failures = 0
        while true {
            do {
                guard let task = try await body() else { return .claimLost }
                return .written(task)
            } catch {
                if case .diskFull = error { removePartials() }
                failures += 1
                if failures == Self.failuresBeforeReport {
                    events.publish(.recordingFailed(task, problem: error.description))
                }
                if failures >= Self.failuresBeforeReport, shuttingDown.load(ordering: .acquiring) { return .failed }
                try? await Task.sleep(for: min(.milliseconds(100 << min(failures, 6)), .seconds(5)))
            }
        }
    }

    /// Failed attempts of a final write before the problem is announced.
    static var failuresBeforeReport: Int { 4 }

    /// The claim is gone. A task another worker took over is left alone (it resumes from the
    /// partial files). After a user's pause, what this run left in its staging folder goes
    /// (the resumed run downloads again from the partial files). After a cancel or remove, the
    /// partial files and the staging folder go, and a file this run had already moved into the
    /// download folder (`completedFile`), which nobody asked for any more, unless another task
    /// records it. `child`, this run's yt-dlp, has exited: a task that no longer runs stops
    /// counting toward the system-wide limit now, not before. A paused task records where it
    /// stood (`progress`): the fenced progress writes stopped with the claim.
    private func handleLostClaim(
        completedFile: String?, child: ProcessIdentity?, progress: DownloadProgress? = nil
    ) async {
        let current: DownloadTask?
        do {
            current = try await database.task(id: claim.taskID)
        } catch {
            return
        }
        if let current, current.status == .downloading {
            events.publish(.changed(taskID: current.id))
            return
        }
        // What the run kept goes before its slot is freed: the next download, started at once,
        // finds the download folder as this one leaves it.
        if current?.status == .cancelled || current == nil {
            removePartials()
        } else {
            // A paused run resumes from its partial files; what it left in staging is unfinished.
            configuration.removeStagingFolder(for: task)
        }
        if let current, let child {
            try? await database.releaseChild(taskID: current.id, child: child)
        }
        if let current, current.status != .cancelled {
            if current.status == .paused, let progress {
                _ = try? await database.recordPausedProgress(id: current.id, progress)
            }
            events.publish(.changed(taskID: current.id))
            return
        }
        if let file = completedFile { _ = try? await TaskFile.delete(file, of: claim.taskID, downloadFolder: downloadFolder, database: database) }
        if let current {
            events.publish(.cancelled(current))
        } else {
            events.publish(.changed(taskID: claim.taskID))
        }
    }

    /// Deletes the task's partial files and its staging folder.
    func removePartials() {
        configuration.removeWorkingFolders(for: task)
    }
}

