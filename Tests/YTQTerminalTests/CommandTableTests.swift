import Testing
@testable import YTQTerminal

@Suite("Command table")
struct CommandTableTests {
    @Test("no key is bound twice in one context")
    func noConflicts() {
        #expect(CommandTable.standard.conflicts.isEmpty)
    }

    @Test("every command has a binding and every context a way out")
    func coverage() {
        let bound = Set(CommandTable.standard.bindings.map(\.command))
        #expect(bound == Set(Command.allCases))
        for context in KeyContext.allCases {
            #expect(CommandTable.standard.command(for: .ctrlC, in: context) == .interrupt)
        }
    }

    @Test("the footer shows the keys of the context, the help every binding")
    func footerAndHelp() {
        let list = CommandTable.standard.footer(in: .list).map(\.label)
        #expect(list.contains("cancel") && list.contains("quit") && list.contains("filter"))
        let form = CommandTable.standard.footer(in: .form).map(\.label)
        #expect(form.contains("start") && !form.contains("cancel"))
        let help = HelpContent.lines(width: 80).map { $0.map(\.text).joined() }.joined(separator: "\n")
        for binding in CommandTable.standard.bindings {
            #expect(help.contains(binding.description), "\(binding.description)")
        }
        for name in LineCommandName.allCases {
            #expect(help.contains(":" + name.rawValue) && help.contains(name.summary), "\(name)")
        }
    }

    @Test("text fields type letters the list uses as commands")
    func textEntry() {
        #expect(CommandTable.standard.command(for: .char("q"), in: .form) == nil)
        #expect(CommandTable.standard.command(for: .char("q"), in: .list) == .quit)
        #expect(CommandTable.standard.command(for: .char("d"), in: .filter) == nil)
    }
}
