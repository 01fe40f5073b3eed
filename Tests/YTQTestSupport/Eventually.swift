import Foundation
import Testing

/// Waits until `condition` holds, checking every 20 ms, and records a test issue naming
/// `description` when it does not hold within `timeout`. The one polling loop of the tests:
/// they wait for conditions, never for fixed times.
@discardableResult
public func eventually(
    _ description: String, timeout: Duration = .seconds(60),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    if (try? await condition()) == true { return true }
    Issue.record("timed out after \(timeout) waiting for \(description)", sourceLocation: sourceLocation)
    return false
}

/// Like `eventually`, for a value: the first non-nil result of `probe`, or nil (and a test
/// issue) after `timeout`.
public func eventually<T>(
    _ description: String, timeout: Duration = .seconds(60),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ probe: () async throws -> T?
) async -> T? {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let value = try? await probe() { return value }
        try? await Task.sleep(for: .milliseconds(20))
    }
    if let value = try? await probe() { return value }
    Issue.record("timed out after \(timeout) waiting for \(description)", sourceLocation: sourceLocation)
    return nil
}
