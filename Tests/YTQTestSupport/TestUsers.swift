import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Real Unix users for tests of what other users may see (the files `ytq serve` shares):
/// created with `useradd`, run as with `runuser`, removed with their processes by `userdel`.
/// Needs root; elsewhere `isAvailable` is false and the tests that need users are skipped.
public enum TestUsers {
    /// A user made for one test.
    public struct User: Sendable, Hashable {
        public var name: String
        public var uid: uid_t
        public var gid: gid_t
        /// Its home folder under /tmp, when one was asked for; else nil (its home is `/`).
        public var home: String?
    }

    /// The result of a command run as a user.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Why creating or removing a user failed: the command and what it said.
    public struct AdministrationError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether this process may create users: root, with `useradd`, `userdel` and `runuser`.
    public static let isAvailable: Bool = getuid() == 0
        && ["/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/sbin/runuser"].allSatisfy(FileManager.default.isExecutableFile)

    /// Why tests that need users are skipped where `isAvailable` is false.
    public static let skipReason: Comment =
        "skipped: creating Unix users needs root and useradd, userdel, runuser (run the tests as root, as CI does)"

    /// Creates `count` users, runs `body` with them, and removes them (and any process they
    /// left) whether `body` returns or throws: users never outlive the test.
    public static func with<R>(
        _ count: Int = 1, home: Bool = false, _ body: ([User]) async throws -> R
    ) async throws -> R {
        var users: [User] = []
        do {
            for _ in 0..<count { users.append(try await create(home: home)) }
            let result = try await body(users)
            for user in users { try await remove(user) }
            return result
        } catch {
            for user in users { try? await remove(user) }
            throw error
        }
    }

    /// A new system user named `ytqt<8 hex digits>`, with no login shell and its own group;
    /// with `home`, a home folder `/tmp/<name>-home` it owns. Prefer `with`, which removes it.
    public static func create(home: Bool = false) async throws -> User {
        for _ in 0..<5 {
            let name = "ytqt" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let homePath = "/tmp/\(name)-home"
            let homeArguments = home ? ["--create-home", "--home-dir", homePath] : ["--no-create-home", "--home-dir", "/"]
            let (status, errors) = await administer(
                ["useradd", "--system", "--user-group", "--shell", "/usr/sbin/nologin"] + homeArguments + [name])
            if status == 9 { continue } // The name is taken: draw another.
            guard status == 0 else { throw AdministrationError(description: "useradd \(name) failed (\(status)): \(errors)") }
            guard let ids = lookUp(name) else { throw AdministrationError(description: "useradd made \(name), but it cannot be looked up") }
            return User(name: name, uid: ids.uid, gid: ids.gid, home: home ? homePath : nil)
        }
        throw AdministrationError(description: "useradd: five random names in a row were taken")
    }

    /// Kills every process still running as `user`, then deletes the user, its group and its
    /// home folder.
    public static func remove(_ user: User) async throws {
        let gone = await poll(within: .seconds(10)) { () -> Bool? in
            let pids = processes(of: user.uid)
            for pid in pids { kill(pid, SIGKILL) }
            return pids.isEmpty ? true : nil
        }
        guard gone != nil else {
            throw AdministrationError(description: "processes of \(user.name) survived SIGKILL: \(processes(of: user.uid))")
        }
        let (status, errors) = await administer(["userdel", user.name])
        if let home = user.home { try? FileManager.default.removeItem(atPath: home) }
        // 6: no such user (already removed).
        guard status == 0 || status == 6 else { throw AdministrationError(description: "userdel \(user.name) failed (\(status)): \(errors)") }
    }

    /// The uid and primary gid of `name`, or nil when there is no such user.
    public static func lookUp(_ name: String) -> (uid: uid_t, gid: gid_t)? {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &found) == 0, found != nil else { return nil }
        return (entry.pw_uid, entry.pw_gid)
    }

    /// The pids of the live processes whose real or effective uid is `uid`.
    public static func processes(of uid: uid_t) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(pid_t.init).filter { pid in
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Uid:") }),
                  !status.contains("State:\tZ") else { return false }
            // "Uid:\treal\teffective\tsaved\tfilesystem"
            return line.split(whereSeparator: \.isWhitespace).dropFirst().prefix(2).contains { uid_t($0) == uid }
        }
    }

    /// A copy of the executable at `path` that other users can run, in a fresh 0755 folder
    /// under /tmp: the original may sit where they cannot reach (/root is 0700). Remove the
    /// folder (the copy's parent) when done.
    public static func reachableCopy(of path: String) throws -> String {
        let folder = "/tmp/ytqt-bin-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        let copy = folder + "/" + URL(fileURLWithPath: path).lastPathComponent
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
        return copy
    }

    /// useradd and userdel one at a time: in parallel they race for the lock on /etc/passwd
    /// and fail. Each runs on a thread of its own, off Swift concurrency's shared threads.
    private static func administer(_ argv: [String]) async -> (status: Int32, stderr: String) {
        await withCheckedContinuation { continuation in
            Thread {
                let outcome = administration.withLock { () -> (Int32, String) in
                    let log = "/tmp/ytqt-admin-\(UUID().uuidString).err"
                    defer { try? FileManager.default.removeItem(atPath: log) }
                    do {
                        let child = try ChildProcess(argv, stderr: .file(log))
                        let status = child.waitBlocking()
                        return (status, String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self))
                    } catch {
                        return (-1, "\(error)")
                    }
                }
                continuation.resume(returning: outcome)
            }.start()
        }
    }

    private static let administration = NSLock()
}

extension TestUsers.User {
    /// Runs `argv` as this user (uid, gid and its groups) with a plain environment (HOME, USER,
    /// PATH, LANG) plus `environment`, and captures what it printed.
    ///
    /// Through `runuser`, not `setpriv --reuid`: setpriv keeps root's capabilities until its
    /// `execve`, so the program is looked up and opened as root, and a binary in a folder the
    /// user cannot enter still starts. `runuser` drops them first, as a real login would.
    public func run(_ argv: [String], environment: [String: String] = [:]) async throws -> TestUsers.Result {
        var env = [
            "HOME": home ?? "/", "USER": name, "LOGNAME": name, "LANG": "C.UTF-8",
            "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
        ]
        env.merge(environment) { $1 }
        let launcher = ["runuser", "-u", name, "--"]
        let result = try await ChildProcess.run(launcher + argv, environment: env)
        return TestUsers.Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
