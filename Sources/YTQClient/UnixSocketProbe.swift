import Glibc

/// Whether something accepts connections on a Unix socket, found with one `connect`: the
/// screen asks before it takes over the terminal, a failed request asks why it failed, and
/// `ytq serve` asks before it takes over a socket path.
public enum UnixSocketProbe {
    /// Nil when a connection was accepted; else why not, in words (`strerror`).
    public static func problem(connecting path: String) -> String? {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return "the path is too long for a Unix socket" }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return connected == 0 ? nil : String(cString: strerror(errno))
    }
}
