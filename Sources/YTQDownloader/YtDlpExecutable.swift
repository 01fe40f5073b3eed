import YTQCore

/// Finds the yt-dlp program to run, and says how to install it when it is missing.
public enum YtDlpExecutable {
    /// The name looked up on `PATH` when no path is configured.
    public static let defaultName = "yt-dlp"
    public static let installHint = "install it with `pip install yt-dlp`, "
        + "or tell ytq where it is with --yt-dlp PATH"

    /// An absolute path to an executable file.
    /// - Parameters:
    ///   - nameOrPath: a path (anything with a `/`) used as is, or a name searched on `searchPath`.
    ///   - searchPath: a `PATH`-style list; only absolute folders are searched.
    /// - Throws: a `.toolMissing` reason that names what was looked for and how to fix it.
    public static func resolve(_ nameOrPath: String, searchPath: String?) throws(FailureReason) -> String {
        switch ExecutableSearch.locate(nameOrPath, searchPath: searchPath) {
        case .found(let path):
            return path
        case .notExecutable:
            throw FailureReason(
                kind: .toolMissing, message: "\(nameOrPath) is not an executable file",
                hint: "make it executable (chmod +x) or " + installHint)
        case .missing where nameOrPath.contains("/"):
            throw FailureReason(kind: .toolMissing, message: "yt-dlp not found at \(nameOrPath)", hint: installHint)
        case .missing:
            throw FailureReason(
                kind: .toolMissing, message: "\(nameOrPath) was not found on PATH (\(searchPath ?? "unset"))",
                hint: installHint)
        }
    }
}
