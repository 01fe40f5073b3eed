/// Who asks for a download: the operating-system user and, over SSH, the client's address.
///
/// A requester is identified by `userID` when present, else by `ipAddress`; the per-user
/// concurrency rule counts tasks by that identity.
public struct Requester: Sendable, Equatable, Hashable, Codable {
    public static let localAddress = "127.0.0.1"

    public var userID: Int?
    public var ipAddress: String
    /// An administrator of a shared queue (the service's `admins`): sees and acts on every
    /// task, like root. Never part of the identity the rules count by.
    public var isAdmin: Bool
    /// The login name of `userID`, where the service looked it up (its messages name users).
    public var userName: String?

    public init(userID: Int?, ipAddress: String = Requester.localAddress, isAdmin: Bool = false, userName: String? = nil) {
        self.userID = userID
        self.ipAddress = ipAddress
        self.isAdmin = isAdmin
        self.userName = userName
    }

    /// The requester of the current process: `uid` and the SSH client address found in
    /// `SSH_CONNECTION` ("client_ip client_port server_ip server_port") or `SSH_CLIENT`
    /// ("client_ip client_port server_port"), else `127.0.0.1`.
    public static func current(uid: Int?, environment: [String: String]) -> Requester {
        Requester(userID: uid, ipAddress: sshClientAddress(in: environment) ?? localAddress)
    }

    /// The first field of `SSH_CONNECTION` or `SSH_CLIENT`, when it looks like an address.
    public static func sshClientAddress(in environment: [String: String]) -> String? {
        for key in ["SSH_CONNECTION", "SSH_CLIENT"] {
            guard let value = environment[key] else { continue }
            let first = value.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init)
            if let first, let address = clientAddress(first) { return address }
        }
        return nil
    }

    /// `text` when it looks like a client address (IPv4 or IPv6 characters, at most 64):
    /// what a requester may report about itself (the environment, a service's client).
    public static func clientAddress(_ text: String) -> String? {
        isPlausibleAddress(text) ? text : nil
    }

    private static func isPlausibleAddress(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 64 else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isASCIIHexDigit || scalar == "." || scalar == ":" || scalar == "%"
                || (scalar.isASCII && scalar.properties.isAlphabetic)
        }
    }

    /// Whether this requester may act on a task that `owner` asked for: one's own tasks
    /// (same uid, or the same address when no uid is known), or any task for root.
    public func mayManage(tasksOf owner: Requester) -> Bool {
        seesEveryone || owner.identity == identity
    }

    /// Root or an administrator: every task is theirs to see and act on.
    public var seesEveryone: Bool { isAdmin || userID == 0 }

    /// Who this requester is for the rules: the uid when known, else the address.
    public enum Identity: Hashable, Sendable {
        case user(Int)
        case address(String)
    }

    public var identity: Identity {
        if let userID { return .user(userID) }
        return .address(ipAddress)
    }

    /// A short human label: `alice` (when the name is known), `uid 1000` or `192.0.2.7`.
    public var label: String {
        if let userName { return userName }
        if let userID { return "uid \(userID)" }
        return ipAddress
    }
}
