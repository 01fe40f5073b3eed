import Foundation
import YTQCore

extension YtDlpProcess {
    /// What the two output readers gathered.
    struct Collected: Sendable {
        var info: YtDlpMediaInfo?
        var reportedFilePath: String?
        var lastProgress: DownloadProgress?
        var stderrTail: [String] = []
        var lastErrorLine: String?
    }

    func execute() async -> YtDlpResult {
        let commandLine = invocation.commandLine
        let firstRun = state.withLock { state in
            defer { state.runStarted = true }
            return !state.runStarted
        }
        guard firstRun else {
            let reason = FailureReason(kind: .permanent, message: "internal error: a YtDlpProcess can run only once")
            return YtDlpResult(outcome: .failed(reason), commandLine: commandLine)
        }
        defer {
            eventContinuation.finish()
            stopContinuation.finish()
        }
        let environment = invocation.environment(inheriting: parentEnvironment)
        let executable: String
        do throws(FailureReason) {
            executable = try YtDlpExecutable.resolve(invocation.executable, searchPath: environment["PATH"])
            try createFolders()
        } catch {
            return YtDlpResult(outcome: .failed(error), commandLine: commandLine)
        }
        if isStopRequested { return YtDlpResult(outcome: .stopped, commandLine: commandLine) }

        let child: SpawnedChild
        do throws(SpawnedChild.Failure) {
            child = try SpawnedChild.spawn(
                executable: executable, arguments: invocation.arguments, environment: environment,
                workingDirectory: invocation.tempFolder
            )
        } catch {
            return YtDlpResult(outcome: .failed(Self.spawnFailure(error, executable: executable)), commandLine: commandLine)
        }
        let (status, collected) = await supervise(child)
        return verdict(status: status, collected: collected, commandLine: commandLine)
    }

    /// The download folder as the user chose it (a link to elsewhere is fine), and the task's
    /// partial folder, 0700 and refused unless ytq could have made it (`PartialFolder.prepare`).
    private func createFolders() throws(FailureReason) {
        do {
            try FileManager.default.createDirectory(atPath: invocation.downloadFolder, withIntermediateDirectories: true)
        } catch {
            throw FailureReason(
                kind: .permanent, message: "cannot create the folder \(invocation.downloadFolder): \(error.localizedDescription)",
                hint: "check that it is writable, or choose another download folder"
            )
        }
        do throws(PartialFolder.Refusal) {
            try PartialFolder.prepare(at: invocation.tempFolder)
        } catch {
            throw FailureReason(kind: .permanent, message: error.description)
        }
    }

    static func spawnFailure(_ error: SpawnedChild.Failure, executable: String) -> FailureReason {
        if error.cannotRun {
            return FailureReason(
                kind: .toolMissing, message: "cannot run \(executable): \(error.description)", hint: YtDlpExecutable.installHint
            )
        }
        return FailureReason(kind: .transient, message: "could not start yt-dlp (\(executable)): \(error.description)")
    }
}
