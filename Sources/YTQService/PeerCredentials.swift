import Glibc
import NIOCore

/// Who is at the other end of a Unix-socket connection, as the kernel says (SO_PEERCRED):
/// the client process's uid when it connected. Nothing the client sends can change it.
struct PeerCredentials: Sendable, Equatable {
    let pid: Int32
    let uid: Int
    let gid: Int

    /// The connection's credentials, or nil when the channel is no Unix socket (then the
    /// service answers 403: it never guesses who asks).
    static func of(_ channel: any Channel) async -> PeerCredentials? {
        for candidate in [channel, channel.parent].compactMap({ $0 }) {
            guard let provider = candidate as? any SocketOptionProvider else { continue }
            let future: EventLoopFuture<KernelCredentials> = provider.unsafeGetSocketOption(
                level: NIOBSDSocket.OptionLevel(rawValue: SOL_SOCKET), name: NIOBSDSocket.Option(rawValue: SO_PEERCRED))
            guard let credentials = try? await future.get() else { continue }
            return PeerCredentials(pid: credentials.pid, uid: Int(credentials.uid), gid: Int(credentials.gid))
        }
        return nil
    }

    /// Linux's `struct ucred` (pid_t, uid_t, gid_t), which Swift's Glibc module leaves out
    /// (it needs _GNU_SOURCE): the same three 32-bit fields in the same order.
    private struct KernelCredentials: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }
}
