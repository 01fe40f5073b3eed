/// Advice written for the command line, rewritten for the screen: inside it, hints name keys
/// ("press r"), never commands to type in another terminal (`` `ytq retry 4` ``).
enum ScreenHint {
    /// The screen's command for each `ytq` command that acts on the selected task.
    static let commands: [String: Command] = [
        "retry": .retry, "cancel": .cancel, "remove": .remove, "pause": .pauseOrResume, "resume": .pauseOrResume,
        "show": .openDetails,
    ]

    /// The key of `verb`'s command in the list, as the command table binds it.
    static func key(for verb: String) -> String? {
        guard let command = commands[verb] else { return nil }
        return CommandTable.standard.bindings(in: .list).first { $0.command == command }?.keys.first?.label
    }

    /// `text` with each `` `ytq VERB …` `` whose verb has a key replaced by "press KEY";
    /// other commands stay as they are.
    static func forScreen(_ text: String) -> String {
        let opening = "`ytq "
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: opening) {
            let afterOpening = rest[start.upperBound...]
            guard let end = afterOpening.firstIndex(of: "`") else { break }
            let verb = afterOpening[..<end].split(separator: " ").first.map(String.init) ?? ""
            result += rest[..<start.lowerBound]
            if let key = key(for: verb) {
                result += "press " + key
            } else {
                result += rest[start.lowerBound...end]
            }
            rest = afterOpening[afterOpening.index(after: end)...]
        }
        return result + rest
    }
}
