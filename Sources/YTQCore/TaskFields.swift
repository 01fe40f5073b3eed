/// How much of each task a page carries.
public enum TaskFields: String, Sendable, CaseIterable {
    /// What a list row shows: every field but the yt-dlp command line, and of the metadata
    /// only the notes. The screen's pages are these (most of a finished task's bytes are its
    /// command line and metadata); its details view reads the whole task with `show`. In the
    /// JSON a listed row's `command_line` is null, as for a task not run yet.
    case listed
    /// Every field, as `show` and `list` give them.
    case whole
}

extension TaskFields {
    /// Parses the name a query gives (`fields=listed`).
    public init(parsing text: String) throws(ListQueryError) {
        guard let fields = TaskFields(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else { throw .unknownFields(text) }
        self = fields
    }
}
