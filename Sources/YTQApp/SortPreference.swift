import Foundation
import YTQCore

/// The list's order kept across restarts: one word in `$XDG_STATE_HOME/ytq/sort` (else
/// `~/.local/state/ytq/sort`), written 0600 in folders created 0700, never through a link.
/// A missing, unreadable or garbled file reads as the default order.
struct SortPreference: Sendable {
    /// The file, or nil when neither `XDG_STATE_HOME` nor `HOME` is an absolute path.
    let path: String?

    /// The largest file read: an order is one short word.
    private static let maxSize = 64

    init(environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            path = state + "/ytq/sort"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            path = home + "/.local/state/ytq/sort"
        } else {
            path = nil
        }
    }

    init(path: String?) {
        self.path = path
    }

    /// The kept order, or the default when there is none to read.
    func load() -> TaskOrder {
        guard let path else { return .default }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .default }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { return .default }
        var buffer = [UInt8](repeating: 0, count: Self.maxSize)
        let count = read(descriptor, &buffer, Self.maxSize)
        guard count > 0, let text = String(validating: buffer.prefix(count), as: UTF8.self) else { return .default }
        return (try? TaskOrder(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))) ?? .default
    }

    /// Keeps `order`: written to a new file beside the old one, then renamed over it.
    func save(_ order: TaskOrder) throws(SortPreferenceError) {
        guard let path else { throw .noLocation }
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolder(folder)
        let temporary = folder + "/.sort.\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .failed(path: path, reason: Self.lastError()) }
        let bytes = Array((order.rawValue + "\n").utf8)
        let written = write(descriptor, bytes, bytes.count)
        let closed = close(descriptor)
        guard written == bytes.count, closed == 0, rename(temporary, path) == 0 else {
            let reason = Self.lastError()
            unlink(temporary)
            throw .failed(path: path, reason: reason)
        }
    }

    /// Creates the missing folders of `folder`, each 0700 (the XDG spec's mode).
    private func makeFolder(_ folder: String) throws(SortPreferenceError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .failed(path: folder, reason: "not a folder") }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if parent != folder, !parent.isEmpty { try makeFolder(parent) }
        guard mkdir(folder, 0o700) == 0 || errno == EEXIST else { throw .failed(path: folder, reason: Self.lastError()) }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
