import YTQCore

/// Where the list filter matched a task, as `n` says on the status line: "in the error:
/// HTTP Error 404 …". It checks the fields the store filters by (`AppDatabase.taskPage`).
public struct FilterMatch: Sendable, Equatable {
    /// A field of the task the filter looks in.
    public enum Field: String, Sendable, Equatable {
        case title, url = "URL", error, format, status, id
    }

    /// How many characters of the field the excerpt keeps around the match.
    static let excerptLength = 60

    public var field: Field
    /// The matching part of the field, with its surroundings (cut with `…`).
    public var excerpt: String

    /// Where `filter` matches `task`, in the order a reader would look; nil when no field holds it.
    public init?(task: DownloadTask, filter: String) {
        let needle = filter.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return nil }
        let fields: [(Field, String?)] = [
            (.title, task.title), (.url, task.videoURL), (.error, task.errorMessage),
            (.format, task.format.description), (.status, task.status.rawValue),
        ]
        for (field, text) in fields {
            if let text, let range = text.range(of: needle, options: .caseInsensitive) {
                self.field = field
                excerpt = Self.excerpt(of: text, around: range)
                return
            }
        }
        let id = needle.hasPrefix("#") ? String(needle.dropFirst()) : needle
        guard Int64(id) == task.id else { return nil }
        field = .id
        excerpt = "#\(task.id)"
    }

    /// "in the error: HTTP Error 404 …"
    public var description: String {
        field == .id ? "by its number" : "in the \(field.rawValue): \(excerpt)"
    }

    /// At most `excerptLength` characters of `text` on one line, starting a little before
    /// `range` when the text is longer.
    static func excerpt(of text: String, around range: Range<String.Index>) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.count > excerptLength else { return line }
        let before = text.distance(from: text.startIndex, to: range.lowerBound)
        let start = max(0, min(before - 10, line.count - excerptLength))
        let cut = line.dropFirst(start).prefix(excerptLength)
        return (start > 0 ? "…" : "") + cut + (start + excerptLength < line.count ? "…" : "")
    }
}
