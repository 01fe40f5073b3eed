import Foundation
import YTQCore

/// Runs work that may block (opening a database, waiting for a lock) on a thread of its own,
/// so the caller suspends instead of holding a thread of the cooperative pool.
enum BlockingCall {
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            NamedThread.start("ytq-blocking") { continuation.resume(returning: work()) }
        }
    }
}
