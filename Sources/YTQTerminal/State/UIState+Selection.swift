import Foundation
import YTQCore

extension UIState {
    /// The task under the list cursor, when the page holds its row.
    public var selectedTask: DownloadTask? {
        page.task(atRow: selectedRow)
    }

    /// A task by id on the page.
    public func task(id: Int64) -> DownloadTask? {
        tasks.first { $0.id == id }
    }

    /// How many task rows the list shows at the current size.
    var listRows: Int { Layout(size: size, state: self).listRows }

    /// Moves the cursor by `delta` rows, within the list (all its rows, loaded or not).
    mutating func moveSelection(by delta: Int) {
        let count = rowCount
        guard count > 0 else {
            selectedRow = 0
            scrollOffset = 0
            return
        }
        selectedRow = min(count - 1, max(0, selectedRow + delta))
        keepSelectionVisible()
    }

    /// Clamps the cursor to the list and scrolls so that it is on screen.
    mutating func keepSelectionVisible() {
        let count = rowCount
        selectedRow = min(max(0, selectedRow), max(0, count - 1))
        scrollOffset = Self.scroll(selected: selectedRow, offset: scrollOffset, rows: listRows, count: count)
    }

    /// The first row to show so that `selected` is among `rows` visible rows of `count`.
    static func scroll(selected: Int, offset: Int, rows: Int, count: Int) -> Int {
        guard rows > 0, count > 0 else { return 0 }
        var first = min(max(0, offset), max(0, count - rows))
        if selected < first { first = selected }
        if selected >= first + rows { first = selected - rows + 1 }
        return max(0, first)
    }
}
