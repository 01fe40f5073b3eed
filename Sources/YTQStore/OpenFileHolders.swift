import Foundation

/// The processes that have a database file (or its `-wal`/`-shm`) open, found in `/proc`:
/// what a "database is locked" message can name, since SQLite cannot say who holds a lock.
/// Only processes this user may inspect are seen; this process is left out.
enum OpenFileHolders {
    /// At most `limit` holders, as `pid 123 (sqlite3 /data/ytq.sqlite)`.
    static func describe(path: String, limit: Int = 3) -> [String] {
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
            $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent($0).path
        } ?? path
        let names = Set([path, resolved].flatMap { [$0, $0 + "-wal", $0 + "-shm"] })
        let me = getpid()
        var holders: [String] = []
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in processes {
            guard let pid = Int32(entry), pid != me else { continue }
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
            let holds = descriptors.contains { fd in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)")).map(names.contains) ?? false
            }
            guard holds else { continue }
            holders.append("pid \(pid) (\(command(of: pid)))")
            if holders.count == limit { break }
        }
        return holders
    }

    /// The command line of `pid`, shortened.
    private static func command(of pid: Int32) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return "?" }
        // Arguments (and any line breaks in them) joined by spaces, on one line.
        let text = String(decoding: data.map { $0 == 0 || $0 == 10 || $0 == 13 ? 32 : $0 }, as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
    }
}
