import Hummingbird
import YTQCore

/// Why the service answered a request with an error: a user action's own `ActionError`, or a
/// request that never got that far (no identity, a malformed or oversized body, a bad query).
enum ServiceFailure: Error {
    case action(ActionError)
    case badRequest(kind: String, message: String, status: HTTPResponse.Status = .badRequest)

    var status: HTTPResponse.Status {
        switch self {
        case .action(let error):
            switch error {
            case .invalid: return .badRequest
            case .refused, .wrongStatus, .fileRefused: return .conflict
            case .notFound: return .notFound
            case .forbidden: return .forbidden
            case .store, .service: return .serviceUnavailable
            }
        case .badRequest(_, _, let status): return status
        }
    }

    var body: ServiceAPI.ErrorBody {
        switch self {
        case .action(let error): return ServiceAPI.ErrorBody(error)
        case .badRequest(let kind, let message, _): return ServiceAPI.ErrorBody(kind: kind, message: message, detail: nil)
        }
    }

    static let unidentified = ServiceFailure.badRequest(
        kind: "unidentified", message: "the service could not tell which user is asking (connect through its Unix socket)",
        status: .forbidden)
}
