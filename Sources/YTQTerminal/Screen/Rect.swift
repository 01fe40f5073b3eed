/// A rectangle of cells on a `Screen`; views draw only inside the rectangle they are given.
public struct Rect: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    /// Negative widths and heights are stored as zero.
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The whole area of a terminal of this size.
    public init(_ size: TerminalSize) {
        self.init(row: 0, column: 0, width: size.columns, height: size.rows)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    /// One past the last row.
    public var endRow: Int { row + height }
    /// One past the last column.
    public var endColumn: Int { column + width }

    /// The rectangle shrunk by `rows` at top and bottom and `columns` at left and right.
    public func inset(rows: Int = 0, columns: Int = 0) -> Rect {
        Rect(row: row + rows, column: column + columns, width: width - 2 * columns, height: height - 2 * rows)
    }

    /// The top `count` rows (at most the whole rectangle).
    public func top(_ count: Int) -> Rect {
        Rect(row: row, column: column, width: width, height: min(height, max(0, count)))
    }

    /// The bottom `count` rows (at most the whole rectangle).
    public func bottom(_ count: Int) -> Rect {
        let kept = min(height, max(0, count))
        return Rect(row: endRow - kept, column: column, width: width, height: kept)
    }

    /// The rectangle without its top `count` rows.
    public func droppingTop(_ count: Int) -> Rect {
        let dropped = min(height, max(0, count))
        return Rect(row: row + dropped, column: column, width: width, height: height - dropped)
    }

    /// The rectangle without its bottom `count` rows.
    public func droppingBottom(_ count: Int) -> Rect {
        Rect(row: row, column: column, width: width, height: height - min(height, max(0, count)))
    }

    /// A rectangle of at most `width` x `height` centred in this one.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(self.width, max(0, width))
        let h = min(self.height, max(0, height))
        return Rect(row: row + (self.height - h) / 2, column: column + (self.width - w) / 2, width: w, height: h)
    }
}
