import Foundation

/// Runs the built `ytq` executable the way a user or script would, and captures the result.
public enum YTQBinary {
    /// The result of one run.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// `$YTQ_BINARY`, else `ytq` beside the test bundle in the build products folder.
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["YTQ_BINARY"], !path.isEmpty { return path }
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: selfPath).deletingLastPathComponent()
        // On Linux the test runner is `<products>/ytqPackageTests.xctest`; elsewhere it may be nested.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("ytq").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("ytq").path
    }

    /// An environment that isolates a run from the user's own config and database.
    public static func isolatedEnvironment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "HOME": home,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": home + "/config",
            "XDG_DATA_HOME": home + "/data",
            "XDG_DOWNLOAD_DIR": home + "/downloads",
        ]
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Runs `ytq arguments…` (optionally through `launcher`, e.g. `setpriv …`) and waits for it
    /// on a thread of its own, so a test never blocks Swift concurrency's few shared threads.
    public static func run(_ arguments: [String], environment: [String: String], launcher: [String] = []) async throws -> Result {
        let result = try await ChildProcess.run(launcher + [path] + arguments, environment: environment)
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
