import Testing
@testable import YTQTerminal

@Suite("Palette by colour count")
struct PaletteChoiceTests {
    @Test("8 colours: no colour for muted text (it is drawn dim instead of in the default colour)")
    func eight() {
        let choice = PaletteChoice(colorCount: 8)
        #expect(choice.colors[.muted] == nil)
        #expect(choice.colors[.accent] == .cyan)
    }

    @Test("16 colours: bright black for muted text")
    func sixteen() {
        #expect(PaletteChoice(colorCount: 16).colors[.muted] == .indexed(8))
    }

    @Test("256 colours use the larger palette: a grey and softer accents, unlike 16")
    func twoHundredFiftySix() {
        let wide = PaletteChoice(colorCount: 256)
        #expect(wide != PaletteChoice(colorCount: 16))
        #expect(wide.colors[.muted] == .indexed(244))
        for role in PaletteChoice.roles {
            guard case .indexed(let number) = wide.colors[role] else {
                Issue.record("\(role) has no 256-colour choice")
                continue
            }
            #expect(number >= 16 && number < 256)
        }
    }

    @Test("no colours: no pairs")
    func none() {
        #expect(PaletteChoice(colorCount: 0).colors.isEmpty)
    }
}
