import Foundation
import Testing

/// Checks `probe` every 20 ms until it gives a value or `timeout` has passed (then once more);
/// nil when it never did. The one polling loop of the tests: they wait for conditions, never
/// for fixed times. `eventually` adds a test issue when the wait runs out; support code that
/// reports its own error (a server that never answered) calls this.
public func poll<T>(within timeout: Duration, _ probe: () async throws -> T?) async -> T? {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if let value = try? await probe() { return value }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try? await probe()
}

/// Waits until `condition` holds, and records a test issue naming `description` when it does
/// not hold within `timeout`.
@discardableResult
public func eventually(
    _ description: String, timeout: Duration = .seconds(60),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async -> Bool {
    await eventually(description, timeout: timeout, sourceLocation: sourceLocation) { try await condition() ? true : nil } ?? false
}

/// Like `eventually`, for a value: the first non-nil result of `probe`, or nil (and a test
/// issue) after `timeout`.
public func eventually<T>(
    _ description: String, timeout: Duration = .seconds(60),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ probe: () async throws -> T?
) async -> T? {
    if let value = await poll(within: timeout, probe) { return value }
    Issue.record("timed out after \(timeout) waiting for \(description)", sourceLocation: sourceLocation)
    return nil
}
