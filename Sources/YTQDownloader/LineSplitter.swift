/// Cuts a byte stream into lines (on `\n`, dropping a trailing `\r`), with a length cap so a
/// runaway line cannot exhaust memory: the rest of an over-long line is dropped.
struct LineSplitter {
    static let defaultMaxLineLength = 64 * 1024

    let maxLineLength: Int
    private var pending: [UInt8] = []
    private var overflowing = false

    init(maxLineLength: Int = LineSplitter.defaultMaxLineLength) {
        self.maxLineLength = maxLineLength
    }

    /// Feeds bytes; `emit` receives each complete line.
    mutating func append(_ bytes: UnsafeRawBufferPointer, emit: (String) -> Void) {
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            take(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
            emitPending(emit)
            start = index + 1
        }
        if start < bytes.count { take(UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count])) }
    }

    /// Emits the last line when the stream ended without a newline.
    mutating func finish(emit: (String) -> Void) {
        if !pending.isEmpty || overflowing { emitPending(emit) }
    }

    private mutating func take(_ bytes: UnsafeRawBufferPointer) {
        guard !overflowing else { return }
        let room = maxLineLength - pending.count
        if bytes.count > room {
            pending.append(contentsOf: bytes.prefix(room))
            overflowing = true
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func emitPending(_ emit: (String) -> Void) {
        if pending.last == 0x0D { pending.removeLast() }
        emit(String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
        overflowing = false
    }
}
