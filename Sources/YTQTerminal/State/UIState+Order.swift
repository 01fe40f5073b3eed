import YTQCore

extension UIState {
    /// What the list shows, as the store reads it: the filter field's text parsed once
    /// (`status=failed` is that exact status). A status name still being typed matches as text.
    public var taskFilter: TaskFilter {
        (try? TaskFilter(parsing: filter.text)) ?? .text(filter.text)
    }

    /// `s` and `:sort`: the list in `newOrder`, with the cursor on its first row.
    mutating func sort(by newOrder: TaskOrder) -> [UIEffect] {
        guard newOrder != order else {
            say("Already sorted \(order.label)")
            return []
        }
        order = newOrder
        // From the first row of the new order: the rows of the old one go (the counts stay)
        // until the store's page in the new order arrives.
        page = TaskListPage(
            matchingCount: page.matchingCount, statusCounts: page.statusCounts, queuePlaces: page.queuePlaces, everyone: page.everyone)
        pendingSelection = nil
        selectedRow = 0
        scrollOffset = 0
        say("Sorted \(newOrder.label); s for the next order")
        return [.orderChanged(newOrder)]
    }
}
