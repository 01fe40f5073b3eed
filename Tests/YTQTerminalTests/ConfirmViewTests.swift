import Foundation
import Testing
@testable import YTQTerminal

@Suite("Confirmation boxes")
struct ConfirmViewTests {
    @Test("at 40x12 the remove box shows every option, and its way back is Esc, not a second 'cancel'")
    func removeAtFortyByTwelve() {
        var state = Fixtures.listState(size: TerminalSize(columns: 40, rows: 12), row: 4)
        state.handle(.char("d"))
        #expect(state.overlay == .confirmRemove(taskID: 8))
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(text.contains("y remove, keep the file"), "\(text)")
        #expect(text.contains("f delete the file too"), "\(text)")
        #expect(text.contains("Esc back"), "\(text)")
        #expect(!text.contains("n cancel"), "\(text)")
    }

    @Test("nothing of the rows beneath shows beside the box: its rows are clear but for the outer borders")
    func opaque() {
        var state = Fixtures.listState(size: TerminalSize(columns: 80, rows: 24))
        state.handle(.char("q"))
        let lines = RootView.render(state, now: Fixtures.now, zone: .utc).lines.map { Array($0) }
        guard let top = lines.firstIndex(where: { String($0).contains("┌ Quit ytq?") }),
              let left = lines[top].firstIndex(of: "┌"), let right = lines[top].firstIndex(of: "┐"),
              let bottom = lines.indices.first(where: { $0 > top && lines[$0].contains("└") }) else {
            Issue.record("no box")
            return
        }
        for row in top - 1...bottom + 1 {
            let line = lines[row]
            #expect(line.count == 80 && line.first == "│" && line.last == "│", "row \(row): \(String(line))")
            let beside = row < top || row > bottom ? Array(line[1..<79]) : Array(line[1..<left] + line[(right + 1)..<79])
            #expect(beside.allSatisfy { $0 == " " }, "row \(row): \(String(line))")
        }
    }

    @Test("options that do not fit on one line wrap, each whole")
    func keyLines() {
        let groups = [[Span("y"), Span(" remove, keep the file")], [Span("f"), Span(" delete the file too")],
                      [Span("Esc"), Span(" back")]]
        let lines = ConfirmView.layOut(groups, width: 38)
        #expect(lines.map { $0.map(\.text).joined() } == ["y remove, keep the file", "f delete the file too   Esc back"])
        #expect(ConfirmView.layOut(groups, width: 80).count == 1)
    }
}
