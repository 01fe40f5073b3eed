/// What `remove` did: the task as it was, and what became of its file.
public struct Removal: Sendable, Equatable, Codable {
    public var task: DownloadTask
    /// The files that were deleted: the task's, or every finished entry's of a playlist.
    public var deletedFiles: [String]
    /// Why a file was kept although deleting it was asked for.
    public var keptFileReason: String?

    public init(task: DownloadTask, deletedFiles: [String] = [], keptFileReason: String? = nil) {
        self.task = task
        self.deletedFiles = deletedFiles
        self.keptFileReason = keptFileReason
    }

    /// The first deleted file, if any.
    public var deletedFile: String? { deletedFiles.first }
}
