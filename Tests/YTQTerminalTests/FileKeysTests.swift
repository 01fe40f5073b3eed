import Foundation
import Testing
import YTQCore
@testable import YTQTerminal

/// `O` opens the finished file; `y` copies its path (or the URL) with OSC 52.
@Suite("File keys")
struct FileKeysTests {
    let size = TerminalSize(columns: 100, rows: 30)

    @Test("O opens a finished file, and only a finished one")
    func open() {
        var state = Fixtures.listState(size: size)
        #expect(state.handle(.char("O")).isEmpty)
        #expect(state.visibleStatus?.text == "Task #12 has no finished file yet")
        state.handle([.down, .down, .down, .down])
        #expect(state.handle(.char("O")) == [.openFile(path: "/home/ada/Downloads/ytq/Big Buck Bunny 4K [aqz-KE-bpKQ].mp4", taskID: 8)])
        state.handle(.enter)
        #expect(state.handle(.char("O")) == [.openFile(path: "/home/ada/Downloads/ytq/Big Buck Bunny 4K [aqz-KE-bpKQ].mp4", taskID: 8)],
                "from the details too")
    }

    @Test("a playlist opens its first finished file")
    func playlist() {
        var task = Fixtures.task(3, .failed, title: "list", created: 1, file: "/d/b.mp4")
        task.entries = [TaskEntry(index: 1, status: .failed), TaskEntry(index: 2, status: .completed, filePath: "/d/b.mp4"),
                        TaskEntry(index: 3, status: .completed, filePath: "/d/c.mp4")]
        #expect(UIState.playableFile(of: task) == "/d/b.mp4")
    }

    @Test("y copies the file path, or the URL of a task with no file, as OSC 52")
    func copy() throws {
        var state = Fixtures.listState(size: size)
        let url = try #require(state.selectedTask?.videoURL)
        #expect(state.handle(.char("y")) == [.copy(try #require(ClipboardCopy(url)))])
        #expect(state.visibleStatus?.text == "Copied the URL of #12")
        state.handle([.down, .down, .down, .down])
        let effects = state.handle(.char("y"))
        #expect(state.visibleStatus?.text == "Copied the file path of #8")
        guard case .copy(let copy) = effects.first else {
            Issue.record("no copy: \(effects)")
            return
        }
        let encoded = Data("/home/ada/Downloads/ytq/Big Buck Bunny 4K [aqz-KE-bpKQ].mp4".utf8).base64EncodedString()
        #expect(copy.escapes == "\u{1B}]52;c;\(encoded)\u{1B}\\")
    }

    @Test("the sequence carries no control from the text; an overlong text is not copied")
    func hostile() throws {
        let copy = try #require(ClipboardCopy("/tmp/\u{1B}]0;pwned\u{07}\n\u{9B}2J.mp4"))
        let body = copy.escapes.dropFirst("\u{1B}]52;c;".count).dropLast(2)
        #expect(body.unicodeScalars.allSatisfy { !TerminalSafeText.isUnsafe($0) })
        #expect(Data(base64Encoded: String(body)).map { String(decoding: $0, as: UTF8.self) } == copy.text)
        #expect(ClipboardCopy(String(repeating: "a", count: ClipboardCopy.maxBytes + 1)) == nil)
        #expect(ClipboardCopy("") == nil)
    }
}
