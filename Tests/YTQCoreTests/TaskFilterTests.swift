import Testing
import YTQCore

@Suite("Task filters and orders, parsed once")
struct TaskFilterTests {
    @Test("status=NAME is an exact status filter, anything else text; an unknown status is an error")
    func filters() throws {
        #expect(try TaskFilter(parsing: "status=failed") == .status(.failed))
        #expect(try TaskFilter(parsing: "  Status=Completed ") == .status(.completed))
        #expect(try TaskFilter(parsing: "lecture") == .text("lecture"))
        #expect(try TaskFilter(parsing: "  ") == .all)
        #expect(throws: ListQueryError.unknownStatus("done")) { try TaskFilter(parsing: "status=done") }
        #expect(throws: ListQueryError.unknownStatus("")) { try TaskFilter(parsing: "status=") }
        for filter in [TaskFilter.status(.queued), .text("x y"), .all] {
            #expect(try TaskFilter(parsing: filter.text) == filter)
        }
        #expect(ListQueryError.unknownStatus("done").description.contains("failed"))
    }

    @Test("orders parse by name, cycle through all five and come back to newest first")
    func orders() throws {
        #expect(try TaskOrder(parsing: " Size ") == .size)
        #expect(throws: ListQueryError.unknownOrder("colour")) { try TaskOrder(parsing: "colour") }
        var order = TaskOrder.default
        var seen: [TaskOrder] = []
        repeat {
            seen.append(order)
            order = order.next
        } while order != .default
        #expect(seen == [.added, .title, .status, .size, .progress])
        #expect(Set(TaskOrder.statusRank) == Set(DownloadStatus.allCases))
    }
}
