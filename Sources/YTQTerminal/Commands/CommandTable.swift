/// The one table of key commands: it drives key dispatch, the help overlay and the footer,
/// so the three can never disagree (tig's request table, lazygit's bindings).
public struct CommandTable: Sendable {
    public let bindings: [CommandBinding]

    public init(bindings: [CommandBinding]) {
        self.bindings = bindings
    }

    /// The command `key` runs in `context`, if any.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.command
    }

    /// The bindings that apply in `context`, in table order.
    public func bindings(in context: KeyContext) -> [CommandBinding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    /// The footer entries for `context`: (keys, label) in table order.
    public func footer(in context: KeyContext) -> [(keys: String, label: String)] {
        bindings(in: context).compactMap { binding in
            binding.footer.map { (binding.footerKeys ?? binding.keyLabel, $0) }
        }
    }

    /// Pairs of bindings that claim the same key in the same context (should be none).
    public var conflicts: [(Key, KeyContext)] {
        var seen: Set<String> = []
        var found: [(Key, KeyContext)] = []
        for binding in bindings {
            for key in binding.keys {
                for context in binding.contexts.sorted(by: { $0.rawValue < $1.rawValue }) {
                    let id = "\(key)|\(context)"
                    if !seen.insert(id).inserted { found.append((key, context)) }
                }
            }
        }
        return found
    }
}
