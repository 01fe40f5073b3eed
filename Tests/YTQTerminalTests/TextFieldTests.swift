import Testing
@testable import YTQTerminal

@Suite("Text field")
struct TextFieldTests {
    @Test("editing keys")
    func editing() {
        var field = TextField("hello world")
        field.edit(with: .ctrl("w"))
        #expect(field.text == "hello ")
        field.edit(with: .ctrl("a"))
        field.edit(with: .char("¡"))
        #expect(field.text == "¡hello " && field.cursor == 1)
        field.edit(with: .ctrl("k"))
        #expect(field.text == "¡")
        field.insert("日本")
        field.edit(with: .left)
        field.edit(with: .backspace)
        #expect(field.text == "¡本" && field.cursor == 1)
        let edited = field.edit(with: .tab)
        #expect(!edited)
    }

    @Test("the visible window follows the cursor, by display width")
    func window() {
        let field = TextField(String(repeating: "日", count: 20))
        let (shown, cursor) = TextFieldView.window(field, width: 10)
        #expect(shown.hasPrefix("…"))
        #expect(DisplayWidth.of(shown) <= 10)
        #expect(cursor <= 9)
        let start = TextField("abcdef", cursor: 0)
        #expect(TextFieldView.window(start, width: 4) == ("abc…", 0))
        #expect(TextFieldView.window(TextField("abc"), width: 10) == ("abc", 3))
    }
}
