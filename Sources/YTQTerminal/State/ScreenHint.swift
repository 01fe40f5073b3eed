/// Advice written for the command line, rewritten for the screen: inside it, hints name keys
/// ("press r"), never commands to type in another terminal (`` `ytq retry 4` ``).
enum ScreenHint {
    /// The key that does what each `ytq` command does to the selected task.
    static let keys: [String: String] = [
        "retry": "r", "cancel": "c", "remove": "d", "pause": "Space", "resume": "Space", "show": "Enter",
    ]

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
            if let key = keys[verb] {
                result += "press " + key
            } else {
                result += rest[start.lowerBound...end]
            }
            rest = afterOpening[afterOpening.index(after: end)...]
        }
        return result + rest
    }
}
