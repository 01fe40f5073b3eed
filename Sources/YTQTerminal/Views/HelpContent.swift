import YTQCore

/// The lines of the help overlay, made from the `CommandTable`, the `:` commands and the format
/// presets: one section per area, each binding listed once, in the first area it applies to.
enum HelpContent {
    static let keyWidth = 14

    static let sections: [(String, Set<KeyContext>)] = [
        ("Task list", [.list]),
        ("URL field", [.form]),
        ("Format chooser", [.format]),
        ("Filter (after /)", [.filter]),
        ("Command line (after :)", [.commandLine]),
        ("Details and help", [.details, .help]),
        ("Questions", [.confirmQuit, .confirmRemove, .confirmCancel, .confirmQueueMany, .confirmDuplicate]),
    ]

    /// The help's lines; `downloadFolder`, where finished files go, closes them when known.
    static func lines(width: Int, downloadFolder: String? = nil) -> [[Span]] {
        var lines: [[Span]] = []
        let table = CommandTable.standard
        var shown: Set<Int> = []
        let everywhere = table.bindings.indices.filter { table.bindings[$0].contexts.isSuperset(of: KeyContext.main) }
        shown.formUnion(everywhere)
        for (title, contexts) in sections {
            let rows = table.bindings.indices.filter {
                !shown.contains($0) && !table.bindings[$0].contexts.isDisjoint(with: contexts)
            }
            guard !rows.isEmpty else { continue }
            shown.formUnion(rows)
            if !lines.isEmpty { lines.append([]) }
            lines.append(heading(title))
            lines += rows.map { row(table.bindings[$0].keyLabel, table.bindings[$0].description, width: width) }
        }
        lines.append([])
        lines.append(heading("Everywhere"))
        lines += everywhere.map { row(table.bindings[$0].keyLabel, table.bindings[$0].description, width: width) }
        lines.append(row("paste", "goes whole into the URL field", width: width))
        lines.append([])
        lines.append(heading("Commands (type : in the list)"))
        // The names are longer than keys: their column is as wide as the longest.
        let nameWidth = LineCommandName.allCases.map { $0.rawValue.count + 1 }.max() ?? keyWidth
        for name in LineCommandName.allCases {
            lines.append(row(":" + name.rawValue, (name.argument.map { $0 + ": " } ?? "") + name.summary, width: width, keyWidth: nameWidth))
        }
        lines.append([])
        lines.append(heading("Editing text"))
        lines.append(row("← → Home End", "move the cursor (also ^B ^F ^A ^E)", width: width))
        lines.append(row("Bksp Del", "erase a character", width: width))
        lines.append(row("^U ^K ^W", "erase to the start, to the end, a word", width: width))
        lines.append([])
        lines.append(heading("Formats"))
        for preset in FormatPreset.allCases {
            lines.append(row(preset.rawValue, preset.summary, width: width))
        }
        lines.append(row("custom", "any yt-dlp -f expression, e.g. bv*+ba/b", width: width))
        if let downloadFolder {
            lines.append([])
            lines.append(heading("Files"))
            lines.append(row("folder", downloadFolder, width: width))
        }
        return lines
    }

    private static func heading(_ text: String) -> [Span] {
        [Span(text, Style.accent.bolded)]
    }

    /// `  Enter          details of the selected task`; the key column narrows on small screens.
    private static func row(_ keys: String, _ description: String, width: Int, keyWidth: Int = keyWidth) -> [Span] {
        let keyColumn = min(keyWidth, max(4, width / 3))
        let indent = width >= 40 ? "  " : ""
        return [Span(indent + DisplayWidth.pad(keys, to: keyColumn) + " ", Style.normal.bolded), Span(description, .normal)]
    }
}
