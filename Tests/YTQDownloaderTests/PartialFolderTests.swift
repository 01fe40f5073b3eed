import Foundation
import Testing
import YTQDownloader
import YTQTestSupport

/// Partial folders are made 0700 and nothing ytq could not have made is used or deleted.
@Suite("partial folders")
struct PartialFolderTests {
    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test("prepare makes the root and the task's folder 0700, and tightens a folder of this user")
    func prepare() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try PartialFolder.prepare(at: dir.file("data/partial/7"))
        #expect(try mode(dir.file("data/partial")) == 0o700)
        #expect(try mode(dir.file("data/partial/7")) == 0o700)
        // An older ytq's folder (0755, this user's) is kept for the resume, tightened.
        try FileManager.default.createDirectory(atPath: dir.file("data/partial/8"), withIntermediateDirectories: false)
        #expect(chmod(dir.file("data/partial/8"), 0o755) == 0)
        try PartialFolder.prepare(at: dir.file("data/partial/8"))
        #expect(try mode(dir.file("data/partial/8")) == 0o700)
    }

    @Test("prepare refuses a root or a folder that is a link, a file, another user's or open to others")
    func refusals() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let elsewhere = dir.file("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("a"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.file("a/partial"), withDestinationPath: elsewhere)
        #expect(throws: PartialFolder.Refusal.self) { try PartialFolder.prepare(at: dir.file("a/partial/1")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)

        try PartialFolder.prepare(at: dir.file("b/partial/1"))
        try Data().write(to: URL(fileURLWithPath: dir.file("b/partial/2")))
        try FileManager.default.createDirectory(atPath: dir.file("b/partial/3"), withIntermediateDirectories: false)
        #expect(chown(dir.file("b/partial/3"), 4242, 4242) == 0)
        try FileManager.default.createDirectory(atPath: dir.file("b/partial/4"), withIntermediateDirectories: false)
        #expect(chmod(dir.file("b/partial/4"), 0o1777) == 0)
        let expected = [2: "it is not a folder", 3: "it belongs to uid 4242", 4: "other users may write in it (mode 1777)"]
        for (id, reason) in expected {
            #expect {
                try PartialFolder.prepare(at: dir.file("b/partial/\(id)"))
            } throws: { error in
                String(describing: error).contains(reason)
            }
        }
    }

    @Test("remove deletes the task's folder, but never through a link (the folder's or the root's)")
    func removeNeverFollows() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let victim = dir.file("victim")
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim + "/file"))
        try FileManager.default.createDirectory(atPath: dir.file("a/partial"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.file("a/partial/1"), withDestinationPath: victim)
        #expect(throws: PartialFolder.RemovalError.self) { try PartialFolder.remove(at: dir.file("a/partial/1")) }
        try FileManager.default.createDirectory(atPath: dir.file("b"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.file("b/partial"), withDestinationPath: dir.path)
        #expect(throws: PartialFolder.RemovalError.self) { try PartialFolder.remove(at: dir.file("b/partial/victim")) }
        #expect(throws: PartialFolder.RemovalError.self) { try PartialFolder.remove(at: dir.file("a/partial/../../victim")) }
        #expect(FileManager.default.fileExists(atPath: victim + "/file"))

        try PartialFolder.prepare(at: dir.file("c/partial/1"))
        try Data().write(to: URL(fileURLWithPath: dir.file("c/partial/1/x.part")))
        try PartialFolder.remove(at: dir.file("c/partial/1"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("c/partial/1")))
        try PartialFolder.remove(at: dir.file("c/partial/1"))
    }
}
