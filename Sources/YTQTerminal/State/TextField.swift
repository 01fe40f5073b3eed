/// A one-line text field: the text and a cursor between grapheme clusters.
public struct TextField: Sendable, Equatable {
    public private(set) var text: String
    /// The cursor as a count of clusters before it, `0...text.count`.
    public private(set) var cursor: Int

    public init(_ text: String = "", cursor: Int? = nil) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
    }

    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the text and puts the cursor at its end.
    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    public mutating func insert(_ addition: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        let before = text.count
        text.insert(contentsOf: addition, at: index)
        // Count what the insertion added; clusters may merge with their neighbours.
        cursor = min(text.count, cursor + (text.count - before))
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    /// Ctrl-U: deletes everything before the cursor.
    public mutating func deleteToStart() {
        text = String(text.dropFirst(cursor))
        cursor = 0
    }

    /// Ctrl-K: deletes everything after the cursor.
    public mutating func deleteToEnd() {
        text = String(text.prefix(cursor))
    }

    /// Ctrl-W: deletes the word (and spaces) before the cursor.
    public mutating func deleteWordBackward() {
        var head = Array(text.prefix(cursor))
        let tail = text.dropFirst(cursor)
        while head.last == " " { head.removeLast() }
        while let last = head.last, last != " ", last != "/" { head.removeLast() }
        if head.count == cursor, !head.isEmpty { head.removeLast() }
        text = String(head) + tail
        cursor = head.count
    }

    /// Applies an editing key; returns whether the key was one.
    @discardableResult
    public mutating func edit(with key: Key) -> Bool {
        switch key {
        case .char(let character): insert(String(character))
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }
}
