import Foundation
import YTQCore
import YTQDownloader
import YTQStore

/// A run whose URL gave several videos: each entry recorded as it starts and as its file is
/// moved into place, and the run's end judged entry by entry.
extension DownloadJob {
    /// A playlist entry has begun: recorded (with the playlist's other entries, the first
    /// time), and the task takes the playlist's title.
    func startEntry(_ index: Int, info: YtDlpMediaInfo, state: inout JobState) async {
        state.entry = index
        // The previous entry's "finished" paused the stall watch for its post-processing; this
        // entry's bytes are due now, and a server that sends none is a stall.
        state.postprocessing = false
        state.lastByteAt = ContinuousClock.now
        state.playlistTotal = info.playlistCount ?? info.entriesInRun ?? state.playlistTotal
        state.entriesStarted.append(index)
        let entry = TaskEntry(index: index, videoID: info.id, title: info.title, url: info.webpageURL, status: .downloading)
        let first = state.entriesStarted.count == 1
        if (try? await database.recordEntryStarted(claim, entry, total: first ? state.playlistTotal : nil)) == false {
            stop(.claimLost)
            return
        }
        events.publish(.changed(taskID: task.id))
        let title = info.playlistTitle ?? state.task.title
        if state.task.title != title, let title {
            state.task.title = title
            if (try? await database.recordInfo(claim, title: title, metaData: state.task.metaData)) == false { stop(.claimLost) }
        }
    }

    /// A playlist entry's file is finished: moved into the download folder (a file already
    /// there under its name is kept and recorded instead) and recorded with its size on disk.
    func finishEntry(_ index: Int, path staged: String, state: inout JobState) async {
        guard DownloadedFile.isDirectlyInside(staged, folder: stagingFolder), FileManager.default.fileExists(atPath: staged) else { return }
        let path: String
        switch StagingFolder.publish(staged, into: downloadFolder) {
        case .published(let final), .alreadyThere(let final): path = final
        case .failed: return
        }
        let size = DownloadedFile.size(at: path)
        state.entriesDone[index] = path
        if (try? await database.recordEntryCompleted(claim, index: index, filePath: path, size: size)) == false {
            stop(.claimLost)
            return
        }
        events.publish(.changed(taskID: task.id))
    }

    /// A playlist's run has ended without a stop from ytq. Completed when every entry is;
    /// otherwise failed (or retried) with each unfinished entry's reason, the completed ones
    /// kept and recorded. False when it was no playlist after all (no entry recorded).
    func finishPlaylist(_ state: JobState, result: YtDlpResult?) async -> Bool {
        guard let entries = try? await database.entries(of: claim.taskID), !entries.isEmpty else { return false }
        if let progress = state.progress {
            _ = try? await database.recordProgress(claim, progress)
        }
        let unfinished = entries.filter { $0.status != .completed }
        configuration.removeStagingFolder(for: task)
        if unfinished.isEmpty {
            let files = entries.compactMap(\.filePath)
            let total = entries.compactMap(\.size).reduce(0, +)
            await complete(state, filePath: files.first ?? "", size: total, result: result)
            return true
        }
        // yt-dlp's errors in the order the entries failed; what never started shares the last.
        let fallback = result?.failureReason ?? FailureReason(kind: .transient, message: "yt-dlp stopped before it")
        var errors = state.entryErrors[...]
        var failures: [Int: FailureReason] = [:]
        for index in state.entriesCutShort where failures[index] == nil {
            failures[index] = errors.popFirst() ?? fallback
        }
        for entry in unfinished where failures[entry.index] == nil {
            failures[entry.index] = entry.status == .failed && !state.entriesStarted.contains(entry.index)
                ? FailureReason(kind: .transient, message: entry.error ?? fallback.message) : (errors.popFirst() ?? fallback)
        }
        _ = try? await database.recordEntriesFailed(claim, failures.mapValues(\.message))
        let listed = failures.keys.sorted().prefix(3).map { "#\($0) \(failures[$0]?.message ?? "")" }
        let more = failures.count > 3 ? "; and \(failures.count - 3) more" : ""
        let worst = failures.values.first { $0.kind != .transient } ?? failures.values.first ?? fallback
        let reason = FailureReason(
            kind: worst.kind, message: "\(failures.count) of \(entries.count) entries failed: " + listed.joined(separator: "; ") + more,
            hint: (worst.hint.map { $0 + "; " } ?? "") + "the finished entries are kept; a retry (`ytq retry`) runs only the others")
        await fail(reason, child: state.child)
        return true
    }
}
