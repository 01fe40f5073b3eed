import Foundation
import Testing

/// Compares `actual` with `Snapshots/<name>.txt` next to this folder, with a line diff on a
/// mismatch. `YTQ_RECORD_SNAPSHOTS=1` (re)writes the file instead; a missing file is written
/// and reported, so a new snapshot is looked at before it is committed.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    let text = actual + "\n"
    let record = ProcessInfo.processInfo.environment["YTQ_RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        if !record {
            Issue.record("recorded a new snapshot \(name).txt; check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    guard expected != text else { return }
    let message = "snapshot \(name).txt differs (- expected, + actual):\n" + lineDiff(expected, text)
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// The lines that differ, `-` for expected and `+` for actual, with their line numbers.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var lines: [String] = []
    for change in new.difference(from: old) {
        switch change {
        case .remove(let offset, let line, _): lines.append("-\(offset + 1): \(line)")
        case .insert(let offset, let line, _): lines.append("+\(offset + 1): \(line)")
        }
    }
    return lines.joined(separator: "\n")
}
