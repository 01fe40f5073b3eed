/// What `remove` did: the task as it was, and what became of its file.
public struct Removal: Sendable, Equatable, Codable {
    public var task: DownloadTask
    /// The file that was deleted, if any.
    public var deletedFile: String?
    /// Why the file was kept although deleting it was asked for.
    public var keptFileReason: String?

    public init(task: DownloadTask, deletedFile: String? = nil, keptFileReason: String? = nil) {
        self.task = task
        self.deletedFile = deletedFile
        self.keptFileReason = keptFileReason
    }
}
