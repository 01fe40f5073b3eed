import YTQCore
import YTQScheduler

/// Who administers the shared queue: the uids of the users named in `admins`, and of the
/// members of the groups named there, resolved once when the service starts. Root always is.
public struct ServiceAdmins: Sendable, Equatable {
    public let userIDs: Set<Int>
    /// Names in `admins` that are neither a user nor a group (the service says so at start).
    public let unknownNames: [String]

    public init(names: [String]) {
        var userIDs: Set<Int> = []
        var unknown: [String] = []
        for name in names {
            var found = false
            if let uid = UserAccounts.userID(named: name) {
                userIDs.insert(uid)
                found = true
            }
            if let members = UserAccounts.groupMembers(named: name) {
                userIDs.formUnion(members)
                found = true
            }
            if !found { unknown.append(name) }
        }
        self.userIDs = userIDs
        self.unknownNames = unknown
    }

    /// The requester for a connection from `uid`: an administrator or not; the address a
    /// client reports is kept as information only.
    func requester(uid: Int, reportedAddress: String?) -> Requester {
        let address = reportedAddress.flatMap(Requester.clientAddress) ?? Requester.localAddress
        return Requester(userID: uid, ipAddress: address, isAdmin: userIDs.contains(uid), userName: UserAccounts.userName(uid: uid))
    }
}
