import Foundation

extension FileHandle {
    /// Reads to the end of the stream, handing each complete line (without its newline) to
    /// `body`. It blocks: call it on a thread of its own.
    func forEachLine(_ body: (Data) -> Void) {
        var pending = Data()
        while true {
            let chunk = availableData
            if chunk.isEmpty { return }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                body(pending[pending.startIndex..<newline])
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
    }
}
