import Foundation
import Testing
@testable import YTQTerminal

@Suite("Form")
struct FormViewTests {
    @Test("the form's border says where the files go, keeping the folder's end when it must be cut")
    func downloadFolder() {
        var state = Fixtures.busyState(size: TerminalSize(columns: 80, rows: 24))
        state.downloadFolder = "/home/ada/Downloads/ytq"
        let screen = RootView.render(state, now: Fixtures.now, zone: .utc)
        #expect(screen.line(4).contains("files go to /home/ada/Downloads/ytq"), "\(screen.text)")
        state.downloadFolder = "/srv/media/" + String(repeating: "deep/", count: 20) + "ytq"
        let cut = RootView.render(state, now: Fixtures.now, zone: .utc).line(4)
        #expect(cut.contains("files go to …") && cut.contains("deep/ytq"), "\(cut)")
        #expect(DisplayWidth.of(cut) == 80)
    }

    @Test("the help ends with where the files go, at any size (the compact screen has no form border)")
    func helpFolder() {
        var state = Fixtures.listState(size: TerminalSize(columns: 40, rows: 12))
        state.downloadFolder = "/home/ada/Downloads/ytq"
        state.handle(.char("?"))
        state.handle(.char("G"))
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(text.contains("/home/ada/Downloads/ytq"), "\(text)")
    }

    @Test("a shared queue's client does not know the folder, and says nothing")
    func noFolder() {
        let state = Fixtures.busyState(size: TerminalSize(columns: 80, rows: 24))
        #expect(!RootView.render(state, now: Fixtures.now, zone: .utc).text.contains("files go to"))
    }
}
