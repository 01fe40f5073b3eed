import Foundation
import YTQCore

/// The one action that creates a download task, for the CLI, the TUI and tests alike:
/// validate the request, check the concurrency rules, insert the task as `pending`.
public struct CreateDownload: Sendable {
    public let database: AppDatabase
    public let limits: ConcurrencyLimits
    public let requester: Requester

    public init(database: AppDatabase, limits: ConcurrencyLimits, requester: Requester) {
        self.database = database
        self.limits = limits
        self.requester = requester
    }

    /// Creates the task, or throws why not; nothing is written unless it returns.
    public func callAsFunction(url: String, format: String? = nil, now: Date = Date()) throws(CreateDownloadError) -> DownloadTask {
        let request: DownloadRequest
        do {
            request = try DownloadRequest(url: url, format: format)
        } catch {
            throw .invalid(error)
        }
        return try self(request, now: now)
    }

    /// Creates the task for an already validated request (the screen validates as you type).
    public func callAsFunction(_ request: DownloadRequest, now: Date = Date()) throws(CreateDownloadError) -> DownloadTask {
        let outcome: AppDatabase.CreateOutcome
        do {
            outcome = try database.createDownload(request, by: requester, limits: limits, now: now)
        } catch {
            throw .store(error)
        }
        switch outcome {
        case .created(let task): return task
        case .refused(let violation): throw .refused(violation)
        }
    }
}

/// Why `CreateDownload` created nothing: bad input, a rule, or the database.
public enum CreateDownloadError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(RequestError)
    case refused(RuleViolation)
    case store(StoreError)

    public var description: String {
        switch self {
        case .invalid(let error): return error.description
        case .refused(let violation): return violation.description
        case .store(let error): return error.description
        }
    }
}
