import Foundation
import YTQCore

/// A command typed on the `:` line, parsed once into what it does.
public enum LineCommand: Sendable, Equatable {
    case bulk(BulkAction)
    case sort(TaskOrder)
    /// Filter the list (`.all` clears the filter).
    case filter(TaskFilter)
    case help
    case quit

    /// Parses `text` (without the `:`): a name from `LineCommandName`, then its argument.
    public init(parsing text: String) throws(LineCommandError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let word = String(trimmed.prefix { $0 != " " })
        let argument = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty else { throw .empty }
        guard let name = LineCommandName(rawValue: word.lowercased()) ?? (word.lowercased() == "quit" ? .quit : nil) else {
            throw .unknown(word)
        }
        // The commands without an argument (`LineCommandName.argument` is nil) take none.
        if name.argument == nil, !argument.isEmpty { throw .unexpectedArgument(name) }
        switch name {
        case .sort:
            guard !argument.isEmpty else { throw .missingArgument(name) }
            do {
                self = .sort(try TaskOrder(parsing: argument))
            } catch {
                throw .badArgument(error)
            }
        case .filter:
            do {
                self = .filter(try TaskFilter(parsing: argument))
            } catch {
                throw .badArgument(error)
            }
        case .retryFailed: self = .bulk(.retryFailed)
        case .clearCompleted: self = .bulk(.clearCompleted)
        case .removeFailed: self = .bulk(.removeFailed)
        case .help: self = .help
        case .quit: self = .quit
        }
    }
}
