/// What `resume` did: the task as it now stands, and whether it starts over.
public struct Resumption: Sendable, Equatable, Codable {
    public var task: DownloadTask
    /// The partial files were gone: the download starts over.
    public var startsOver: Bool

    public init(task: DownloadTask, startsOver: Bool) {
        self.task = task
        self.startsOver = startsOver
    }
}
