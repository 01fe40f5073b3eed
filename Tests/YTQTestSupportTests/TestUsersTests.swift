import Foundation
import Testing
import YTQTestSupport

/// The real Unix users that tests of shared files run commands as.
@Suite("TestUsers", .enabled(if: TestUsers.isAvailable, TestUsers.skipReason))
struct TestUsersTests {
    @Test("a created user exists with its own uid and group, and a command runs with that uid")
    func createAndRun() async throws {
        try await TestUsers.with { users in
            let user = try #require(users.first)
            #expect(user.name.hasPrefix("ytqt") && user.name.count <= 32)
            #expect(user.uid != 0 && user.gid != 0)
            #expect(TestUsers.lookUp(user.name)?.uid == user.uid)
            let result = try await user.run(["id", "-u"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "\(user.uid)\n")
            let groups = try await user.run(["id", "-G"])
            #expect(groups.stdout == "\(user.gid)\n", "only its own group, none of root's")
        }
    }

    @Test("removing a user deletes it, its group and its home, and kills what it left running")
    func cleanup() async throws {
        let user = try await TestUsers.create(home: true)
        let home = try #require(user.home)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: home, isDirectory: &isFolder) && isFolder.boolValue)
        let sleeper = try ChildProcess(["setpriv", "--reuid=\(user.uid)", "--regid=\(user.gid)", "--init-groups", "--", "sleep", "300"])
        defer { sleeper.signal(SIGKILL); _ = sleeper.waitBlocking() }
        await eventually("the sleeper runs as the user", timeout: .seconds(10)) { TestUsers.processes(of: user.uid) == [sleeper.pid] }

        try await TestUsers.remove(user)
        #expect(TestUsers.lookUp(user.name) == nil)
        #expect(getgrnam(user.name) == nil)
        #expect(!FileManager.default.fileExists(atPath: home))
        #expect(TestUsers.processes(of: user.uid).isEmpty)
        #expect(await sleeper.wait() == 128 + SIGKILL)
    }

    @Test("a reachable copy of a binary runs as a user; the same binary under a 0700 folder does not")
    func reachableCopy() async throws {
        let hidden = "/tmp/ytqt-hidden-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: hidden, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: hidden) }
        try FileManager.default.copyItem(atPath: "/usr/bin/id", toPath: hidden + "/id")
        let copy = try TestUsers.reachableCopy(of: hidden + "/id")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: copy).deletingLastPathComponent().path) }

        try await TestUsers.with { users in
            let user = try #require(users.first)
            let refused = try await user.run([hidden + "/id", "-u"])
            #expect(refused.status != 0)
            let ran = try await user.run([copy, "-u"])
            #expect(ran.status == 0, "\(ran.stderr)")
            #expect(ran.stdout == "\(user.uid)\n")
        }
    }
}
