import Foundation
import Testing
@testable import YTQTerminal

@Suite("Keys with no binding")
struct UnboundKeyTests {
    let size = TerminalSize(columns: 80, rows: 24)

    @Test("a key with no binding in the list says so on the status line, and where the help is")
    func list() {
        var state = Fixtures.listState(size: size)
        #expect(state.handle(.char("z")).isEmpty)
        #expect(state.visibleStatus?.text == "no key z here — ? for help")
        let text = RootView.render(state, now: Fixtures.now, zone: .utc).text
        #expect(text.contains("no key z here — ? for help"))
        state.handle(.function(5))
        #expect(state.visibleStatus?.text == "no key F5 here — ? for help")
    }

    @Test("on a format preset a letter types nothing and says so, with F1 for the help")
    func formatPreset() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.handle(.tab)
        state.handle(.char("z"))
        #expect(state.visibleStatus?.text == "no key z here — F1 for help")
    }

    @Test("keys bound here and letters typed into a field say nothing")
    func bound() {
        var state = UIState(size: size, clock: Fixtures.now)
        state.handle(.char("z"))
        #expect(state.url.text == "z")
        #expect(state.visibleStatus == nil)
        state.focus = .list
        state.handle(.down)
        #expect(state.visibleStatus == nil)
    }
}
