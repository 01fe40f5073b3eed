/// Which columns the task list shows at a width, and where: columns drop out (size, then
/// format, then speed, ETA and the bar) until the title keeps a useful width. Each figure has
/// a column as wide as its longest form (`HumanFormat.short…`), so none is ever cut.
struct TaskColumns: Equatable {
    /// The columns in the order they are drawn: SIZE last, so the finish time or reason of a
    /// task that is not downloading spans PROGRESS, SPEED and ETA, and its size stays under SIZE.
    enum Kind: CaseIterable {
        case id, title, format, status, progress, speed, eta, size
    }

    struct Column: Equatable {
        var kind: Kind
        var start: Int
        var width: Int
    }

    static let formatWidth = 10
    static let statusWidth = 11
    /// `1023/1023 KiB`.
    static let sizeWidth = 13
    /// `1023 KiB/s`.
    static let speedWidth = 10
    /// `99:59:59`.
    static let etaWidth = 8

    private(set) var columns: [Column] = []
    /// Cells of the progress bar (0: the percentage alone).
    private(set) var barWidth = 0

    /// Lays out a row of `width` cells, the first of them the cursor gutter.
    init(width: Int, idWidth: Int) {
        let candidates: [(Set<Kind>, Int, Int)] = [
            (Set(Kind.allCases), 10, 24),
            (Set(Kind.allCases), 6, 20),
            ([.id, .title, .format, .status, .progress, .speed, .eta], 10, 20),
            ([.id, .title, .format, .status, .progress, .speed, .eta], 6, 16),
            ([.id, .title, .status, .progress, .speed, .eta], 6, 16),
            ([.id, .title, .status, .progress, .eta], 6, 12),
            ([.id, .title, .status, .progress], 0, 10),
            ([.id, .title, .status], 0, 0),
        ]
        for (kinds, bar, minimumTitle) in candidates {
            let fixed = kinds.subtracting([.title]).reduce(0) { $0 + Self.width(of: $1, idWidth: idWidth, bar: bar) }
            let gaps = kinds.count - 1
            let title = width - 1 - fixed - gaps
            if title >= minimumTitle || minimumTitle == 0 {
                barWidth = bar
                var start = 1
                for kind in Kind.allCases where kinds.contains(kind) {
                    let cells = kind == .title ? max(0, title) : Self.width(of: kind, idWidth: idWidth, bar: bar)
                    columns.append(Column(kind: kind, start: start, width: cells))
                    start += cells + 1
                }
                return
            }
        }
    }

    static func width(of kind: Kind, idWidth: Int, bar: Int) -> Int {
        switch kind {
        case .id: return idWidth
        case .title: return 0
        case .format: return formatWidth
        case .status: return statusWidth
        case .progress: return bar == 0 ? 4 : bar + 5
        case .size: return sizeWidth
        case .speed: return speedWidth
        case .eta: return etaWidth
        }
    }

    func column(_ kind: Kind) -> Column? {
        columns.first { $0.kind == kind }
    }

    /// Where the finish time or the reason of a task that is not downloading starts: the
    /// progress column.
    var trailingStart: Int? { column(.progress)?.start }

    /// Where that text must end: before the size column, else at the row's end (nil).
    var trailingEnd: Int? { column(.size).map { $0.start - 1 } }

    /// The header label of a column.
    static func title(of kind: Kind) -> String {
        switch kind {
        case .id: return "ID"
        case .title: return "TITLE"
        case .format: return "FORMAT"
        case .status: return "STATUS"
        case .progress: return "PROGRESS"
        case .size: return "SIZE"
        case .speed: return "SPEED"
        case .eta: return "ETA"
        }
    }

    /// Whether a column's values are right-aligned (numbers).
    static func isRightAligned(_ kind: Kind) -> Bool {
        [.id, .size, .speed, .eta].contains(kind)
    }
}
