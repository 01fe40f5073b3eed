import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a thread of its own under a name that `ps -L`, `top -H` and the benchmarks show.
///
/// The name is set by the thread itself with `pthread_setname_np`: Foundation's `Thread.name`
/// set before `start()` never reaches the OS thread on Linux, and set from inside it is
/// applied only when the creator has already recorded the thread's handle (a race that
/// sometimes left "ytq-ui" named after a dispatch worker).
public enum NamedThread {
    /// Runs `body` on a new thread called `name` (at most 15 bytes on Linux).
    public static func start(_ name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            setName(String(name.utf8.prefix(15)) ?? name)
            body()
        }
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }

    private typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32

    /// `pthread_setname_np` for the calling thread. Glibc declares it only under `_GNU_SOURCE`,
    /// which Swift's Glibc module does not define, so it is looked up by name.
    private static func setName(_ name: String) {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np") else { return }
        let setName = unsafeBitCast(symbol, to: SetName.self)
        _ = name.withCString { setName(pthread_self(), $0) }
        #endif
    }
}
