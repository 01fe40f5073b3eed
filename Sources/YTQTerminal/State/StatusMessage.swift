import Foundation

/// A one-line message under the list, such as "Started task #12": one action's or event's
/// outcome, about one task when `taskID` says so, shown for `lifetime` after `time`.
public struct StatusMessage: Sendable, Equatable {
    /// How the message reads: neutral, good news, or a problem.
    public enum Kind: Sendable, Equatable {
        case info, success, failure
    }

    /// How long a message shows, by the state's clock.
    public static let lifetime: TimeInterval = 6

    public var text: String
    public var kind: Kind
    /// The task the message is about, if any: a newer message or event about it replaces it.
    public var taskID: Int64?
    /// When it happened: when the action that says it finished, or when the event arrived.
    public var time: Date

    public init(_ text: String, kind: Kind = .info, taskID: Int64? = nil, time: Date) {
        self.text = text
        self.kind = kind
        self.taskID = taskID
        self.time = time
    }

    /// When the message stops showing.
    public var expiry: Date { time.addingTimeInterval(Self.lifetime) }

    /// Whether `other` should give way to this message: always, unless both are about the
    /// same task and this one is older (a reply that arrives after a newer event about it).
    func replaces(_ other: StatusMessage) -> Bool {
        guard let id = taskID, other.taskID == id else { return true }
        return time >= other.time
    }
}
