/// The right to run one task: a fencing token that every write of the running job must match.
///
/// A worker that lost its claim (the user cancelled or removed the task, or another worker
/// recovered it) finds its writes refused and stops.
public struct TaskClaim: Sendable, Equatable, Hashable {
    public var taskID: Int64
    public var token: String
    public var owner: ProcessIdentity

    public init(taskID: Int64, token: String, owner: ProcessIdentity) {
        self.taskID = taskID
        self.token = token
        self.owner = owner
    }
}
