import Foundation
import Testing
import YTQDownloader
import YTQTestSupport

/// Granting one user read access with POSIX ACLs written as raw extended attributes.
@Suite("PosixACL")
struct PosixACLTests {
    @Test("a file's ACL encodes byte for byte as Linux stores it")
    func fileEncoding() {
        let bytes = PosixACLEntry.encode(PosixACL.fileEntries(for: 1000))
        #expect(bytes == [
            0x02, 0x00, 0x00, 0x00,                          // version 2
            0x01, 0x00, 0x06, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,  // owner rw-
            0x02, 0x00, 0x04, 0x00, 0xE8, 0x03, 0x00, 0x00,  // user 1000 r--
            0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,  // owning group ---
            0x10, 0x00, 0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,  // mask r--
            0x20, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,  // other ---
        ])
        #expect(PosixACLEntry.decode(bytes) == PosixACL.fileEntries(for: 1000))
    }

    @Test("a folder's ACL gives r-x to the user and the mask; entries are sorted by tag, then id")
    func folderEncodingAndOrder() {
        let bytes = PosixACLEntry.encode(PosixACL.folderEntries(for: 0x0102_0304))
        #expect(Array(bytes[4..<12]) == [0x01, 0x00, 0x07, 0x00, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(Array(bytes[12..<20]) == [0x02, 0x00, 0x05, 0x00, 0x04, 0x03, 0x02, 0x01])
        #expect(Array(bytes[28..<36]) == [0x10, 0x00, 0x05, 0x00, 0xFF, 0xFF, 0xFF, 0xFF])

        let shuffled = [
            PosixACLEntry(.other, []), PosixACLEntry(.user, [.read], id: 9), PosixACLEntry(.mask, [.read]),
            PosixACLEntry(.user, [.read], id: 3), PosixACLEntry(.userObject, [.read, .write]), PosixACLEntry(.groupObject, []),
        ]
        let decoded = PosixACLEntry.decode(PosixACLEntry.encode(shuffled)) ?? []
        #expect(decoded.map(\.tag) == [.userObject, .user, .user, .groupObject, .mask, .other])
        #expect(decoded.filter { $0.tag == .user }.map(\.id) == [3, 9])
    }

    @Test("values that are not a version-2 list are rejected", arguments: [
        [], [0x01, 0, 0, 0], [0x02, 0, 0, 0, 0x01, 0], [0x02, 0, 0, 0, 0x40, 0, 4, 0, 0, 0, 0, 0],
    ] as [[UInt8]])
    func malformed(bytes: [UInt8]) {
        #expect(PosixACLEntry.decode(bytes) == nil)
    }

    @Test("errors name the path and what to do")
    func errorMessages() throws {
        #expect(PosixACLError.notSupported(path: "/lib/x").description.contains("the file system at /lib/x does not support POSIX ACLs"))
        // procfs stores no ACLs: the kernel answers EOPNOTSUPP before anything changes.
        #expect(throws: PosixACLError.notSupported(path: "/proc/version")) { try PosixACL.grantRead(to: 1, at: "/proc/version") }
        let folder = try TemporaryDirectory("acl-errors")
        defer { folder.remove() }
        #expect(throws: PosixACLError.self) { try PosixACL.grantRead(to: 1, at: folder.file("missing")) }
        do {
            try PosixACL.grantRead(to: 1, at: folder.file("missing"))
        } catch {
            #expect(error.description == "could not open \(folder.file("missing")): No such file or directory")
        }
        try FileManager.default.createSymbolicLink(atPath: folder.file("link"), withDestinationPath: folder.path)
        #expect(throws: PosixACLError.symbolicLink(path: folder.file("link"))) { try PosixACL.grantRead(to: 1, at: folder.file("link")) }
        #expect(mkfifo(folder.file("fifo"), 0o600) == 0)
        #expect(throws: PosixACLError.notFileOrFolder(path: folder.file("fifo"))) { try PosixACL.grantRead(to: 1, at: folder.file("fifo")) }
        #expect(try PosixACL.entries(at: folder.path).isEmpty, "a fresh folder has only its mode bits")
    }
}

/// The grant seen from the users' side: real users reading through `cat` and `ls`.
@Suite("PosixACL with real users", .enabled(if: TestUsers.isAvailable, TestUsers.skipReason))
struct PosixACLUserTests {
    @Test("the granted user reads files in the folder, created there later or moved in and granted; another user reads nothing")
    func grantedUserReads() async throws {
        let library = try ScratchFolder()
        defer { library.remove() }
        let elsewhere = try ScratchFolder()
        defer { elsewhere.remove() }
        try await TestUsers.with(2) { users in
            let (granted, stranger) = (users[0], users[1])
            try PosixACL.grantRead(to: granted.uid, at: library.path)
            #expect(try PosixACL.isGranted(granted.uid, at: library.path))
            #expect(try !PosixACL.isGranted(stranger.uid, at: library.path))
            #expect(library.mode == PosixACL.folderMode)

            // Created after the grant: the default ACL is inherited.
            let inside = try library.write("inside.txt", "made here\n")
            #expect(try PosixACL.isGranted(granted.uid, at: inside))
            #expect(try await granted.run(["cat", inside]).stdout == "made here\n")
            #expect(try await granted.run(["ls", library.path]).stdout == "inside.txt\n")
            #expect(try await stranger.run(["cat", inside]).status != 0)
            #expect(try await stranger.run(["ls", library.path]).status != 0)

            // Created elsewhere and moved in (what a rename from a temp folder does): it keeps
            // its own mode and ACL until granted. 0600, as a service with umask 077 makes it: a
            // 0644 file would be readable through its "other" bits by anyone who can enter.
            let moved = library.file("moved.txt")
            #expect(rename(try elsewhere.write("moved.txt", "made elsewhere\n", mode: 0o600), moved) == 0)
            #expect(try !PosixACL.isGranted(granted.uid, at: moved))
            #expect(try await granted.run(["cat", moved]).status != 0)
            try PosixACL.grantRead(to: granted.uid, at: moved)
            #expect(try PosixACL.isGranted(granted.uid, at: moved))
            #expect(ScratchFolder.mode(of: moved) == PosixACL.fileMode)
            let read = try await granted.run(["cat", moved])
            #expect(read.status == 0 && read.stdout == "made elsewhere\n", "\(read.stderr)")
            #expect(try await stranger.run(["cat", moved]).status != 0)
        }
    }
}

/// A root-owned 0700 folder under /tmp (not `$TMPDIR`, which may lie where other users
/// cannot reach), removed by `remove()`.
private struct ScratchFolder {
    let path = "/tmp/ytqt-acl-\(UUID().uuidString.prefix(8))"

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Writes `text` to a new file the way a downloader does (open with 0666, no chmod after;
    /// the umask applies, except under a default ACL, which replaces it), or with `mode`.
    func write(_ name: String, _ text: String, mode: mode_t? = nil) throws -> String {
        let fd = open(file(name), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file(name)]) }
        defer { close(fd) }
        if let mode { fchmod(fd, mode) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file(name)])
        }
        return file(name)
    }

    var mode: mode_t { Self.mode(of: path) }

    static func mode(of path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
