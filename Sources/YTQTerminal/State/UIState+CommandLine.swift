import YTQCore

extension UIState {
    /// `:`: opens an empty command line on the bottom line.
    mutating func openCommandLine() {
        commandLine = TextField()
        isEditingCommand = true
    }

    mutating func leaveCommandLine() {
        isEditingCommand = false
    }

    /// Types a key into the command line; Backspace on an empty line leaves it (as in vim).
    mutating func editCommandLine(with key: Key) {
        if commandLine.isEmpty, key == .backspace || key == .ctrl("h") {
            leaveCommandLine()
            return
        }
        commandLine.edit(with: key)
    }

    /// Tab: completes the command's name (or, after it, its argument) as far as the choices
    /// agree, and lists them on the status line when there are several.
    mutating func completeCommandLine() {
        let text = commandLine.text
        guard let space = text.firstIndex(of: " ") else {
            let names = LineCommandName.completions(of: text)
            complete("", text, among: names.map(\.rawValue), then: names.count == 1 && names[0].argument != nil ? " " : "")
            return
        }
        let word = String(text[..<space]).lowercased()
        let argument = text[text.index(after: space)...].drop { $0 == " " }
        guard let name = LineCommandName(rawValue: word), !name.argumentChoices.isEmpty else {
            say("Nothing to complete after :\(word)", kind: .failure)
            return
        }
        let typed = String(argument).lowercased()
        let choices = name.argumentChoices.filter { $0.hasPrefix(typed) }
        complete(String(text[...space]), typed, among: choices)
    }

    /// Replaces `typed` (after `head`) with the longest prefix the matching `choices` share.
    private mutating func complete(_ head: String = "", _ typed: String, among choices: [String], then suffix: String = "") {
        guard let first = choices.first else {
            say(head.isEmpty ? "No command starts with “\(typed)”" : "No choice starts with “\(typed)”", kind: .failure)
            return
        }
        let shared = choices.dropFirst().reduce(first) { common, choice in String(common.commonPrefix(with: choice)) }
        commandLine.set(head + shared + (choices.count == 1 ? suffix : ""))
        if choices.count > 1 { say(choices.joined(separator: "  ")) }
    }

    /// Enter: runs the command, or says what is wrong with it (the line stays open to fix it).
    mutating func runCommandLine() -> [UIEffect] {
        guard !commandLine.text.allSatisfy(\.isWhitespace) else {
            leaveCommandLine()
            return []
        }
        let command: LineCommand
        do {
            command = try LineCommand(parsing: commandLine.text)
        } catch {
            say(error.description, kind: .failure)
            return []
        }
        leaveCommandLine()
        switch command {
        case .bulk(let action):
            say(action.progressText)
            return [.bulk(action)]
        case .sort(let order):
            return sort(by: order)
        case .filter(let filter):
            return setFilter(filter)
        case .help:
            return perform(.help)
        case .quit:
            return perform(.quit)
        }
    }

    /// `:filter`: the list shows what `filter` matches (the filter field shows it as text).
    private mutating func setFilter(_ filter: TaskFilter) -> [UIEffect] {
        isEditingFilter = false
        guard filter.text != self.filter.text else { return [] }
        self.filter = TextField(filter.text)
        selectedRow = 0
        scrollOffset = 0
        return [.filterChanged]
    }
}

extension String {
    /// The longest start this string shares with `other`.
    fileprivate func commonPrefix(with other: String) -> Substring {
        var end = startIndex
        for (mine, theirs) in zip(self, other) {
            guard mine == theirs else { break }
            end = index(after: end)
        }
        return self[..<end]
    }
}
