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
            paste(text)
            return []
        case .resize:
            keepSelectionVisible()
            needsRedraw = true
            return []
        default:
            break
        }
        let context = keyContext
        if let command = CommandTable.standard.command(for: key, in: context) {
            needsRedraw = true
            return perform(command)
        }
        guard context.isTextEntry else { return [] }
        return edit(with: key, in: context)
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
            needsRedraw = url.edit(with: key) || needsRedraw
        case .format:
            guard selectedPreset == nil else { return [] }
            needsRedraw = customFormat.edit(with: key) || needsRedraw
        case .filter:
            let before = filter.text
            filter.edit(with: key)
            guard filter.text != before else { return [] }
            selectedRow = 0
            scrollOffset = 0
            needsRedraw = true
            return [.filterChanged(filter.text)]
        default:
            break
        }
        return []
    }

    /// A bracketed paste: newlines and control characters dropped, the rest inserted whole.
    /// It goes to the filter or custom format while one is being typed, else to the URL field
    /// (which takes the focus). Confirmations ignore pastes.
    private mutating func paste(_ raw: String) {
        let text = String(raw.filter { character in
            !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        })
        switch keyContext {
        case .confirmQuit, .confirmRemove:
            return
        case .filter:
            filter.insert(text)
            selectedRow = 0
            scrollOffset = 0
        case .format where selectedPreset == nil:
            customFormat.insert(text)
        default:
            overlay = .none
            focus = .form
            url.insert(text)
        }
        needsRedraw = true
    }
}
