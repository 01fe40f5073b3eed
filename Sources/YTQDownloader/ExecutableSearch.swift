import Foundation

/// Finds a program by name on a `PATH`-style list of folders (absolute folders only, never
/// the current one), or checks a given path: for yt-dlp, ffmpeg and xdg-open alike.
public enum ExecutableSearch {
    /// Where `nameOrPath` resolves to an executable regular file, or why it does not.
    public enum Outcome: Sendable, Equatable {
        case found(String)
        case missing
        case notExecutable
    }

    /// A path (anything with a `/`) is checked as is; a name is searched on `searchPath`.
    public static func locate(_ nameOrPath: String, searchPath: String?) -> Outcome {
        if nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: nameOrPath) else { return .missing }
            return isExecutableFile(nameOrPath) ? .found(nameOrPath) : .notExecutable
        }
        let folders = (searchPath ?? "").split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        for folder in folders {
            let candidate = folder.hasSuffix("/") ? folder + nameOrPath : folder + "/" + nameOrPath
            if isExecutableFile(candidate) { return .found(candidate) }
        }
        return .missing
    }

    /// The absolute path of `name` on `searchPath`, or nil.
    public static func find(_ name: String, searchPath: String?) -> String? {
        if case .found(let path) = locate(name, searchPath: searchPath) { return path }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
