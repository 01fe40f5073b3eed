import CNcursesShim
import YTQCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CursesTerminal {
    /// How long a lone ESC waits for the rest of an escape sequence.
    static let escapeDelayMilliseconds: Int32 = 25

    /// Waits up to `timeout` (nil: until something happens) for input, a resize, or a
    /// `wakeup`, and returns the keys read, `[.resize]` after a resize, or `[]` when it timed
    /// out or was woken. Sleeps in `poll`, so an idle screen costs no CPU.
    public func readKeys(timeout: Duration?, wakeup: TerminalWakeup? = nil) -> [Key] {
        guard isActive else { return [] }
        var keys = drainInput()
        if !keys.isEmpty { return keys }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let wakeup { descriptors.append(pollfd(fd: wakeup.readDescriptor, events: Int16(POLLIN), revents: 0)) }
        _ = poll(&descriptors, nfds_t(descriptors.count), timeout.map(\.pollMilliseconds) ?? -1)
        wakeup?.drain()
        // The terminal went away without a SIGHUP reaching us (a session that `runuser` or
        // `sudo` made, a closed pty): poll says so at once, every time; nothing is left to read.
        if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            hungUp = true
            return drainInput()
        }
        keys = drainInput()
        if decoder.hasPendingInput, !decoder.isInPaste {
            var stdin = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            if poll(&stdin, 1, Self.escapeDelayMilliseconds) > 0 { keys += drainInput() }
            if decoder.hasPendingInput, !decoder.isInPaste { keys += decoder.flush() }
        }
        return keys
    }

    /// Reads every byte curses has for us without blocking and decodes them.
    private func drainInput() -> [Key] {
        _ = ytq_nodelay(true)
        var keys: [Key] = []
        var bytes: [UInt8] = []
        while true {
            let code = ytq_getch()
            if code == ytq_err() { break }
            if code == ytq_key_resize() {
                keys += decoder.feed(bytes)
                bytes = []
                size = TerminalSize(columns: Int(ytq_columns()), rows: Int(ytq_rows()))
                lastFrame = nil
                if keys.last != .resize { keys.append(.resize) }
            } else if code >= 0, code < 256 {
                bytes.append(UInt8(code))
            }
        }
        return keys + decoder.feed(bytes)
    }
}
