/// Why a user's action (add, cancel, retry, remove) did nothing; each message says what to do.
///
/// The one error type of `TaskActions`: the command line maps it to an exit code, the screen
/// to its error pane, and the service to a response (which its client decodes back to it).
public enum ActionError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The input was refused before anything was read or written.
    case invalid(RequestError)
    /// A concurrency rule refused it.
    case refused(RuleViolation)
    /// No task has this id (or it was removed meanwhile).
    case notFound(taskID: Int64)
    /// The task belongs to someone else.
    case forbidden(taskID: Int64, requester: Requester)
    /// The task's status does not allow the action (e.g. cancelling a completed task).
    case wrongStatus(taskID: Int64, status: DownloadStatus, action: UserAction)
    /// `remove --delete-file` would delete a file that is not a regular file inside the
    /// download folder (a recorded path outside it, a symbolic link): nothing was done.
    case fileRefused(taskID: Int64, reason: String)
    /// The database failed.
    case store(StoreError)
    /// The shared queue (`ytq serve`) could not be reached, or refused the request itself
    /// (not one of the cases above): `kind` names which, `message` says what to do.
    case service(kind: String, message: String)

    public var description: String {
        switch self {
        case .invalid(let error): return error.description
        case .refused(let violation): return violation.description
        case .notFound(let id):
            return "no task with id \(id); `ytq list` shows the tasks there are"
        case .forbidden(let id, let requester):
            return "task #\(id) belongs to another user; \(requester.label) may only act on their own tasks"
        case .wrongStatus(let id, let status, let action):
            let allowed = action.allowedFrom.map(\.rawValue)
            let list = allowed.count > 1 ? allowed.dropLast().joined(separator: ", ") + " or " + (allowed.last ?? "") : allowed.joined()
            return "task #\(id) is \(status.rawValue); only \(list) tasks can be \(action.pastParticiple)"
        case .fileRefused(let id, let reason):
            return "refused to delete the file of task #\(id): \(reason). Nothing was removed; "
                + "removing it without deleting the file (`ytq remove \(id)`) forgets the task and leaves the file alone"
        case .store(let error): return error.description
        case .service(_, let message): return message
        }
    }
}
