/// Why the list's order could not be kept for the next start.
enum SortPreferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    case noLocation
    case failed(path: String, reason: String)

    var description: String {
        switch self {
        case .noLocation: return "neither XDG_STATE_HOME nor HOME is set to an absolute path"
        case .failed(let path, let reason): return "\(path): \(reason)"
        }
    }
}
