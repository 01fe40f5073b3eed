/// The URLs this user added, newest first and each once, and where ↑ ↓ recall in the URL
/// field stands (a shell's history: the field shows a copy, and what was typed comes back).
public struct URLHistory: Sendable, Equatable {
    /// How many URLs the screen reads and keeps.
    public static let limit = 200

    /// Newest first, each once.
    public private(set) var urls: [String] = []
    /// The entry the field shows, or nil while it holds what the user typed.
    public private(set) var position: Int?
    /// What the field held before the first ↑; ↓ past the newest entry gives it back.
    public private(set) var draft = ""

    public init(_ urls: [String] = []) {
        self.urls = Self.distinct(urls)
    }

    /// Takes a fresh read of the store. While an entry shows, recall goes on from that entry
    /// (or starts over when it is gone).
    public mutating func replace(with newURLs: [String]) {
        let shown = position.map { urls[$0] }
        urls = Self.distinct(newURLs)
        position = shown.flatMap { urls.firstIndex(of: $0) }
    }

    /// A URL just added goes first (before the store's next read says so).
    public mutating func record(_ url: String) {
        urls = Self.distinct([url] + urls)
        position = nil
        draft = ""
    }

    /// ↑: the next older entry, keeping `current` as the draft when recall starts; nil at the oldest.
    public mutating func older(than current: String) -> String? {
        let next = (position ?? -1) + 1
        guard urls.indices.contains(next) else { return nil }
        if position == nil { draft = current }
        position = next
        return urls[next]
    }

    /// ↓: the next newer entry, or the draft after the newest; nil when no entry shows.
    public mutating func newer() -> String? {
        guard let position else { return nil }
        if position == 0 {
            self.position = nil
            return draft
        }
        self.position = position - 1
        return urls[position - 1]
    }

    /// The field was edited: the text is the user's own now (a copy, the entry stays as it was).
    public mutating func leave() {
        position = nil
    }

    private static func distinct(_ urls: [String]) -> [String] {
        var seen: Set<String> = []
        return Array(urls.filter { !$0.isEmpty && seen.insert($0).inserted }.prefix(limit))
    }
}
