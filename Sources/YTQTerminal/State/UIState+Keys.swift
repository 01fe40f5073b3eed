import Foundation
import YTQCore

extension UIState {
    /// The reducer: applies one key and returns what the loop must do.
    ///
    /// The key runs the command `CommandTable.standard` binds to it in the current
    /// `keyContext`; otherwise, in a text field, it edits the field (so `q` typed in the URL
    /// field is a `q`, while `q` in the list quits). A paste goes whole into the URL field.
    @discardableResult
    public mutating func handle(_ key: Key) -> [UIEffect] {
        switch key {
        case .paste(let text):
            return paste(text)
        case .resize:
            // The loop measures the terminal and calls `resize(to:)`, whichever way a resize came.
            return []
        case .meta(let character):
            // Never the bare key's command, never typed into a field.
            say("Alt-\(character) does nothing in ytq", kind: .failure)
            return []
        case .left where keyContext == .format && selectedPreset == nil,
             .right where keyContext == .format && selectedPreset == nil:
            // Editing a custom expression: the arrows move the cursor (↑ ↓ still change format).
            customFormat.edit(with: key)
            return []
        default:
            break
        }
        let context = keyContext
        if let command = CommandTable.standard.command(for: key, in: context) {
            return perform(command)
        }
        guard context.isTextEntry else {
            unbound(key, in: context)
            return []
        }
        return edit(with: key, in: context)
    }

    /// A key that does nothing here says so, and where the help is ("no key z here — ? for help").
    private mutating func unbound(_ key: Key, in context: KeyContext) {
        let help = CommandTable.standard.bindings(in: context).first { $0.command == .help }?.keys.first
        say("no key \(key.label) here" + (help.map { " — \($0.label) for help" } ?? ""), kind: .failure)
    }

    /// Applies each key in turn and collects the effects.
    @discardableResult
    public mutating func handle(_ keys: [Key]) -> [UIEffect] {
        keys.flatMap { handle($0) }
    }

    /// Types a key into the field that has focus.
    private mutating func edit(with key: Key, in context: KeyContext) -> [UIEffect] {
        switch context {
        case .form:
            let before = url.text
            url.edit(with: key)
            if url.text != before { urlHistory.leave() }
        case .format:
            guard selectedPreset == nil else {
                unbound(key, in: context)
                return []
            }
            customFormat.edit(with: key)
        case .commandLine:
            editCommandLine(with: key)
        case .filter:
            let before = filter.text
            filter.edit(with: key)
            guard filter.text != before else { return [] }
            selectedRow = 0
            scrollOffset = 0
            return [.filterChanged]
        default:
            break
        }
        return []
    }

    /// The non-empty lines of a paste, trimmed: several URLs pasted at once, one per line.
    static func urlLines(_ raw: String) -> [String] {
        raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Several URLs pasted at once: ask once, then queue them all in order (the first starts
    /// at once when a slot is free). Lines that are not URLs are named in the error pane.
    private mutating func offerToQueue(_ lines: [String]) -> [UIEffect] {
        var valid: [String] = []
        for line in lines {
            do {
                _ = try DownloadRequest(url: line, format: .preset(.best))
                valid.append(line)
            } catch {
                addError(ErrorEntry(message: "pasted line skipped: \(error.description)"))
            }
        }
        guard !valid.isEmpty else { return [] }
        if valid.count == 1 {
            focus = .form
            url = TextField()
            url.insert(valid[0])
            urlHistory.leave()
            return []
        }
        overlay = .confirmQueueMany(urls: valid)
        return []
    }

    /// A bracketed paste: newlines and control characters dropped, the rest inserted whole.
    /// It goes to the filter or custom format while one is being typed, else to the URL field
    /// (which takes the focus). Confirmations ignore pastes.
    private mutating func paste(_ raw: String) -> [UIEffect] {
        let text = String(raw.filter { character in
            !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        })
        let lines = Self.urlLines(raw)
        if lines.count > 1, [.form, .list, .details, .help].contains(keyContext) {
            return offerToQueue(lines)
        }
        switch keyContext {
        case .confirmQuit, .confirmRemove, .confirmCancel, .confirmQueueMany, .confirmDuplicate:
            return []
        case .commandLine:
            commandLine.insert(text)
        case .filter:
            guard !text.isEmpty else { return [] }
            filter.insert(text)
            selectedRow = 0
            scrollOffset = 0
            return [.filterChanged]
        case .format where selectedPreset == nil:
            customFormat.insert(text)
        default:
            overlay = .none
            focus = .form
            url.insert(text)
            urlHistory.leave()
        }
        return []
    }
}
