/// The size of a terminal or screen in character cells.
public struct TerminalSize: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    /// Negative sizes are stored as zero.
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    /// `80x24`.
    public var description: String { "\(columns)x\(rows)" }
}

/// A cell position: `row` counts down from the top, `column` right from the left, both from 0.
public struct Position: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
