import Foundation
import Testing
import YTQTestSupport

/// A write lock held past the busy timeout by something that is not ytq: `ytq add` exits 1
/// naming the process that has the database open, instead of blaming "another ytq process".
@Suite("A database locked past the busy timeout")
struct BusyDatabaseTests {
    /// Python's sqlite3 holding the write lock on `home`'s database (`BEGIN IMMEDIATE`) until
    /// its stdin closes or it is killed; returns once the lock is taken.
    private func holdWriteLock(_ home: TemporaryDirectory) async throws -> ChildProcess {
        let marker = home.file("locked")
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN IMMEDIATE')
            open(sys.argv[2], 'w').close()
            sys.stdin.read()
            """
        let holder = try ChildProcess(["python3", "-c", script, home.path + "/ytq.sqlite", marker], stdin: .pipe)
        await eventually("the lock taken") { FileManager.default.fileExists(atPath: marker) }
        return holder
    }

    @Test("ytq add names the process holding the database (here sqlite3 from Python) and says what to do")
    func namesHolder() async throws {
        let home = try TemporaryDirectory("ytq-busy")
        defer { home.remove() }
        let env = YTQBinary.isolatedEnvironment(home: home.path, extra: ["YTQ_DB": home.path + "/ytq.sqlite"])
        #expect(try await YTQBinary.run(["list"], environment: env).status == 0, "the database is made")
        let holder = try await holdWriteLock(home)
        defer {
            holder.signal(SIGKILL)
            _ = holder.waitBlocking()
        }
        let add = try await YTQBinary.run(["add", "https://example.com/locked"], environment: env)
        #expect(add.status == 1)
        #expect(add.stderr.contains("stayed locked for 10 s"), "\(add.stderr)")
        #expect(add.stderr.contains("pid \(holder.pid) ("), "the holder is named: \(add.stderr)")
        #expect(add.stderr.contains("python3"), "\(add.stderr)")
        #expect(add.stderr.contains("wait for it to finish"), "\(add.stderr)")
        #expect(add.stderr.split(separator: "\n").count == 1, "one line: \(add.stderr)")
        #expect(!add.stderr.contains("another ytq process"), "\(add.stderr)")
    }

    @Test("ytq list and ytq show still answer while another process holds the write lock")
    func readsBesideTheLock() async throws {
        let home = try TemporaryDirectory("ytq-busy-read")
        defer { home.remove() }
        let env = YTQBinary.isolatedEnvironment(home: home.path, extra: ["YTQ_DB": home.path + "/ytq.sqlite"])
        #expect(try await YTQBinary.run(["add", "https://example.com/before-the-lock"], environment: env).status == 0)
        let holder = try await holdWriteLock(home)
        defer {
            holder.signal(SIGKILL)
            _ = holder.waitBlocking()
        }
        let list = try await YTQBinary.run(["list"], environment: env)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("https://example.com/before-the-lock"), "\(list.stdout)")
        let show = try await YTQBinary.run(["show", "1"], environment: env)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("status:  pending"), "\(show.stdout)")
    }
}
