/// One entry of a POSIX access control list, and the Linux extended-attribute encoding of a
/// list of them (`system.posix_acl_access` / `system.posix_acl_default`).
public struct PosixACLEntry: Sendable, Equatable, Hashable {
    /// Whom an entry is about (the kernel's `ACL_*` tag values).
    public enum Tag: UInt16, Sendable, Comparable {
        case userObject = 0x01, user = 0x02, groupObject = 0x04, group = 0x08, mask = 0x10, other = 0x20

        public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Read, write and execute (or traverse, for a folder) bits: r=4, w=2, x=1.
    public struct Permissions: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        public static let read = Permissions(rawValue: 4)
        public static let write = Permissions(rawValue: 2)
        public static let execute = Permissions(rawValue: 1)
    }

    /// The id of the entries that name no user or group (owner, owning group, mask, other).
    public static let noID: UInt32 = 0xFFFF_FFFF

    public var tag: Tag
    public var permissions: Permissions
    /// The uid (`.user`) or gid (`.group`); `noID` for the other tags.
    public var id: UInt32

    public init(_ tag: Tag, _ permissions: Permissions, id: UInt32 = PosixACLEntry.noID) {
        self.tag = tag
        self.permissions = permissions
        self.id = id
    }

    /// The header version of the Linux encoding.
    static let version: UInt32 = 2

    /// The xattr value: a little-endian u32 version 2, then {le16 tag, le16 perm, le32 id} per
    /// entry, sorted by tag then id (the kernel rejects an unsorted list with EINVAL).
    public static func encode(_ entries: [PosixACLEntry]) -> [UInt8] {
        var bytes = littleEndian(version)
        for entry in entries.sorted(by: { ($0.tag, $0.id) < ($1.tag, $1.id) }) {
            bytes += littleEndian(entry.tag.rawValue) + littleEndian(entry.permissions.rawValue) + littleEndian(entry.id)
        }
        return bytes
    }

    /// The entries of an xattr value, or nil when it is not a version-2 list of known tags.
    public static func decode(_ bytes: [UInt8]) -> [PosixACLEntry]? {
        guard bytes.count >= 4, (bytes.count - 4) % 8 == 0, read(UInt32.self, bytes, at: 0) == version else { return nil }
        var entries: [PosixACLEntry] = []
        for offset in stride(from: 4, to: bytes.count, by: 8) {
            guard let tag = Tag(rawValue: read(UInt16.self, bytes, at: offset)) else { return nil }
            let permissions = Permissions(rawValue: read(UInt16.self, bytes, at: offset + 2))
            entries.append(PosixACLEntry(tag, permissions, id: read(UInt32.self, bytes, at: offset + 4)))
        }
        return entries
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<T.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    private static func read<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        (0..<T.bitWidth / 8).reduce(T.zero) { $0 | T(bytes[offset + $1]) << ($1 * 8) }
    }
}
