import Foundation

/// Which tasks the list shows: every task, those whose text contains a needle, or those of one
/// status (`status=failed`), parsed once from what was typed.
public enum TaskFilter: Sendable, Hashable {
    /// Tasks whose title, URL, format, status, error message or `#id` contain the text
    /// (case-insensitively); the empty text matches every task.
    case text(String)
    /// Tasks of exactly this status.
    case status(DownloadStatus)

    /// Every task.
    public static let all = TaskFilter.text("")

    /// The prefix of an exact status filter.
    public static let statusPrefix = "status="

    /// `status=NAME` (any case) is an exact status filter, and an unknown name an error;
    /// anything else is a text filter (trimmed).
    public init(parsing raw: String) throws(ListQueryError) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix(Self.statusPrefix) else {
            self = .text(text)
            return
        }
        let name = text.dropFirst(Self.statusPrefix.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard let status = DownloadStatus(rawValue: name) else { throw .unknownStatus(name) }
        self = .status(status)
    }

    /// How it is written, so that `TaskFilter(parsing: filter.text) == filter`.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .status(let status): return Self.statusPrefix + status.rawValue
        }
    }

    /// Whether it matches every task.
    public var isAll: Bool { self == .all }
}
