/// A process as ytq recognises it later: its pid and its start time (clock ticks since boot),
/// so a recycled pid is never mistaken for the process that once held it.
public struct ProcessIdentity: Sendable, Equatable, Hashable, Codable {
    public var pid: Int32
    public var startTime: UInt64

    public init(pid: Int32, startTime: UInt64) {
        self.pid = pid
        self.startTime = startTime
    }
}
