import Foundation
import GRDB
import Testing
import YTQTestSupport

/// The real `ytq` refuses, without writing to it, a database it cannot trust: a newer
/// ytq's, another application's, one behind a link or one others may write; it creates
/// its own folder 0700 and file 0600, and a refused `add` creates nothing.
@Suite("databases ytq opens", .serialized)
struct DatabaseSafetyTests {
    let home: TemporaryDirectory
    let env: [String: String]
    var dataFolder: String { home.path + "/data/ytq" }
    var databasePath: String { dataFolder + "/ytq.sqlite" }

    init() throws {
        home = try TemporaryDirectory("ytq-dbsafe")
        env = YTQBinary.isolatedEnvironment(home: home.path)
    }

    func ytq(_ arguments: [String]) async throws -> YTQBinary.Result {
        try await YTQBinary.run(arguments, environment: env)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Every command that opens the database, against `path`: each must fail with `message`
    /// and leave the file's bytes as they were.
    func expectRefused(_ path: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = contents(path)
        let commands: [[String]] = [["list"], ["add", "https://example.com/v"], ["worker", "--until-idle"]]
        for command in commands {
            let result = try await ytq(command + ["--db", path])
            #expect(result.status == 1, "\(command): \(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.contains(message), "\(command): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        }
        #expect(contents(path) == before, "the file is untouched", sourceLocation: sourceLocation)
        // A read-only look at a WAL database may leave an empty -wal file; nothing is written to it.
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(walSize == 0, sourceLocation: sourceLocation)
    }

    @Test("a new database: folder 0700, file 0600")
    func modes() async throws {
        defer { home.remove() }
        let add = try await ytq(["add", "https://example.com/v"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try mode(dataFolder) == 0o700)
        #expect(try mode(databasePath) == 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: databasePath + suffix) {
            #expect(try mode(databasePath + suffix) == 0o600)
        }
    }

    @Test("a refused add (bad URL, bad format) creates no data folder and no database")
    func refusedAddCreatesNothing() async throws {
        defer { home.remove() }
        for arguments in [["add", "ftp://example.com/v"], ["add", "https://example.com/v", "--format", "8k"],
                          ["add", "--", "--exec=touch /tmp/x"]] {
            let result = try await ytq(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: home.path + "/data"))
    }

    @Test("a database a newer ytq migrated is refused with the migration's name, never written")
    func newerDatabase() async throws {
        defer { home.remove() }
        #expect(try await ytq(["add", "https://example.com/v"]).status == 0)
        let queue = try DatabaseQueue(path: databasePath)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        try queue.close()
        try await expectRefused(databasePath, "was written by a newer ytq (migration v9-from-the-future); upgrade ytq")
    }

    @Test("another application's SQLite file, or a file that is not SQLite, is refused untouched")
    func foreignDatabase() async throws {
        defer { home.remove() }
        let other = home.file("notes.sqlite")
        let queue = try DatabaseQueue(path: other)
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')")
        }
        try queue.close()
        try await expectRefused(other, "is not a ytq database: it holds another application's tables (notes) and no ytq migrations")
        // Another GRDB application: migrations, but none of ytq's.
        let grdbApp = home.file("grdb-app.sqlite")
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-contacts") { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        let appQueue = try DatabaseQueue(path: grdbApp)
        try migrator.migrate(appQueue)
        try appQueue.close()
        try await expectRefused(grdbApp, "is not a ytq database")
        // One in WAL mode: ytq opens it as a pool, which would switch it to WAL and write to it
        // right away; the check comes first.
        let walApp = home.file("wal-app.sqlite")
        let walPool = try DatabasePool(path: walApp)
        try await walPool.write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY)") }
        try walPool.close()
        try await expectRefused(walApp, "is not a ytq database: it holds another application's tables (photos)")
        let text = home.file("text.sqlite")
        try Data("just some text\n".utf8).write(to: URL(fileURLWithPath: text))
        try await expectRefused(text, "is not a ytq database: it is not an SQLite database")
    }

    @Test("a database reached through a symbolic link is refused; the file behind it is untouched")
    func symlink() async throws {
        defer { home.remove() }
        #expect(try await ytq(["add", "https://example.com/v"]).status == 0)
        let link = home.file("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: databasePath)
        try await expectRefused(link, "is a symbolic link, which ytq does not follow")
        #expect(try await ytq(["list"]).stdout.contains("example.com/v"))
    }

    @Test("a database or folder others may write is refused: sharing between users is not supported")
    func writableByOthers() async throws {
        defer { home.remove() }
        #expect(try await ytq(["add", "https://example.com/v"]).status == 0)
        #expect(chmod(databasePath, 0o666) == 0)
        try await expectRefused(databasePath, "other users may write \(databasePath) (mode 0666). Sharing a database file between users is not supported: `ytq serve` (coming)")
        #expect(chmod(databasePath, 0o600) == 0)
        #expect(chmod(dataFolder, 0o777) == 0)
        try await expectRefused(databasePath, "other users may write in its folder \(dataFolder) (mode 0777)")
        #expect(chmod(dataFolder, 0o700) == 0)
        #expect(try await ytq(["list"]).status == 0)
    }

    /// Needs root to switch uid with setpriv (CI runs as root).
    @Test("another user's ytq refuses this user's database, even when the file lets it write",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anotherUser() async throws {
        defer { home.remove() }
        #expect(try await ytq(["add", "https://example.com/v"]).status == 0)
        #expect(chmod(home.path, 0o755) == 0)
        #expect(chmod(home.path + "/data", 0o755) == 0)
        #expect(chmod(dataFolder, 0o755) == 0)
        #expect(chmod(databasePath, 0o644) == 0)
        let before = contents(databasePath)
        let launcher = ["/usr/bin/setpriv", "--reuid=20001", "--regid=20001", "--clear-groups", "--"]
        for command in [["list"], ["add", "https://example.com/w"]] {
            let result = try await YTQBinary.run(command + ["--db", databasePath], environment: env, launcher: launcher)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("\(databasePath) belongs to uid \(getuid()), not to this user (uid 20001)"), "\(result.stderr)")
            #expect(result.stderr.contains("Sharing a database file between users is not supported"))
        }
        #expect(contents(databasePath) == before)
    }
}
