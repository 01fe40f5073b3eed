/// One row of the `CommandTable`: a command, the keys that run it, what it does, and where.
public struct CommandBinding: Sendable, Equatable {
    public let command: Command
    public let keys: [Key]
    /// One line for the help overlay.
    public let description: String
    /// The contexts in which the keys run the command.
    public let contexts: Set<KeyContext>
    /// A one-word label for the footer, or nil to leave the binding out of the footer.
    public let footer: String?
    /// How the footer writes the keys when it shows one entry for a pair of bindings (`↑↓ jk`).
    public let footerKeys: String?

    public init(
        _ command: Command, keys: [Key], _ description: String, in contexts: Set<KeyContext>,
        footer: String? = nil, footerKeys: String? = nil
    ) {
        self.command = command
        self.keys = keys
        self.description = description
        self.contexts = contexts
        self.footer = footer
        self.footerKeys = footerKeys
    }

    /// How the keys are written in the help: `Esc q`.
    public var keyLabel: String {
        keys.map(\.label).joined(separator: " ")
    }
}
