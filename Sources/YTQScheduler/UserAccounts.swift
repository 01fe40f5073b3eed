import Foundation
import YTQCore

/// The system's user and group accounts, as the shared queue needs them (getpwuid_r and
/// friends): login names, uids, group members, and the name of a user's library folder.
public enum UserAccounts {
    /// The user's login name (`alice`), else `uid-1001` for a uid with no account, else
    /// `address-192.0.2.7` for a requester known only by address. Never empty, never `.`
    /// or `..`, never with a `/`.
    public static func folderName(of requester: Requester) -> String {
        guard let uid = requester.userID else {
            return "address-" + requester.ipAddress.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "_" }.map(String.init).joined()
        }
        if let name = userName(uid: uid), !name.isEmpty, name != ".", name != "..", !name.contains("/") { return name }
        return "uid-\(uid)"
    }

    /// The login name of `uid`, if it has an account.
    public static func userName(uid: Int) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid_t(truncatingIfNeeded: uid), &entry, &buffer, buffer.count, &result) == 0, result != nil,
              let name = entry.pw_name else { return nil }
        return String(cString: name)
    }

    /// The uid of the account called `name`, if there is one.
    public static func userID(named name: String) -> Int? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return Int(entry.pw_uid)
    }

    /// The members (by uid) of the group called `name`, with the accounts whose primary
    /// group it is; nil when there is no such group.
    public static func groupMembers(named name: String) -> Set<Int>? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 65536)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        var members: Set<Int> = []
        var cursor = entry.gr_mem
        while let member = cursor?.pointee {
            if let uid = userID(named: String(cString: member)) { members.insert(uid) }
            cursor = cursor?.advanced(by: 1)
        }
        let gid = entry.gr_gid
        setpwent()
        while let account = getpwent() {
            if account.pointee.pw_gid == gid { members.insert(Int(account.pointee.pw_uid)) }
        }
        endpwent()
        return members
    }
}
