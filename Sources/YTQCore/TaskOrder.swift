import Foundation

/// How the task list is ordered: newest first (the default), or by title, status, size or progress.
///
/// The store alone orders (SQL `ORDER BY`, ties newest first so a window at any offset is
/// exact); the screen and the command line only name the order.
public enum TaskOrder: String, Sendable, Codable, CaseIterable, Hashable {
    /// Newest first.
    case added
    /// By title, A to Z (tasks without a title yet last).
    case title
    /// Running first, then waiting, queued, paused, failed, cancelled, completed (`statusRank`).
    case status
    /// Largest first (tasks whose size is unknown last).
    case size
    /// Furthest along first (tasks whose progress is unknown last).
    case progress

    /// The order a fresh install shows.
    public static let `default` = TaskOrder.added

    /// The order `status` sorts by: what needs an eye first.
    public static let statusRank: [DownloadStatus] = [.downloading, .pending, .queued, .paused, .failed, .cancelled, .completed]

    /// The next order, for a key that cycles through them (`s`).
    public var next: TaskOrder {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }

    /// How the list's title says it: "newest first", "by title", ...
    public var label: String {
        switch self {
        case .added: return "newest first"
        case .title: return "by title"
        case .status: return "by status"
        case .size: return "largest first"
        case .progress: return "by progress"
        }
    }

    /// The order named `text` (`added`, `title`, `status`, `size`, `progress`, any case).
    public init(parsing text: String) throws(ListQueryError) {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let order = TaskOrder(rawValue: name) else { throw .unknownOrder(name) }
        self = order
    }
}
