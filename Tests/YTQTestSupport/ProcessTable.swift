import Foundation

/// The live processes, read from `/proc`, for tests that check what a run left behind: one
/// reader of command lines instead of a copy in every suite.
public enum ProcessTable {
    /// A process: its pid, its parent, whether it is a zombie, and its command line (the
    /// arguments joined by spaces).
    public struct Entry: Sendable {
        public var pid: Int32
        public var parent: Int32?
        public var isZombie: Bool
        public var command: String
    }

    /// Every process whose command line passes `filter`.
    public static func entries(where filter: (String) -> Bool = { _ in true }) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).compactMap { pid -> Entry? in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            guard filter(command) else { return nil }
            // After the command name in parentheses: the state, then the parent's pid.
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let fields = stat[(stat.lastIndex(of: ")") ?? stat.startIndex)...].split(separator: " ")
            return Entry(pid: pid, parent: fields.count > 2 ? Int32(fields[2]) : nil,
                         isZombie: fields.count > 1 && fields[1] == "Z", command: command)
        }
    }

    /// The command lines that contain every one of `parts`.
    public static func commands(containing parts: String...) -> [String] {
        entries { command in parts.allSatisfy(command.contains) }.map(\.command)
    }

    /// How many runs are alive among the processes `filter` picks: live ones whose parent is
    /// not one of them (a shell forks copies of itself for a moment before each `exec`).
    public static func runs(where filter: (String) -> Bool) -> Int {
        let live = entries(where: filter).filter { !$0.isZombie }
        let pids = Set(live.map(\.pid))
        return live.filter { $0.parent.map { !pids.contains($0) } ?? true }.count
    }

    /// Sends SIGKILL to every process whose command line contains `part`.
    public static func kill(containing part: String) {
        for entry in entries(where: { $0.contains(part) }) { Foundation.kill(entry.pid, SIGKILL) }
    }
}
