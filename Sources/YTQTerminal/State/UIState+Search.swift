import YTQCore

extension UIState {
    /// `n` / `N`: the cursor goes to the next or previous row under the applied filter (every
    /// row matches it: the store filtered them), wrapping around, and the status line says
    /// where the task matched and which match it is. A row past the page is read first (as
    /// PgDn reads it) and reported when its page arrives.
    mutating func jumpToMatch(forward: Bool) {
        let needle = filter.text.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else {
            say("No filter: / to search", kind: .failure)
            return
        }
        let count = rowCount
        guard count > 0 else {
            say("No task matches “\(needle)”", kind: .failure)
            return
        }
        let next = selectedRow + (forward ? 1 : -1)
        let wrapped = next < 0 || next >= count
        selectedRow = (next + count) % count
        keepSelectionVisible()
        matchReportWrapped = wrapped
        matchReportPending = true
        reportMatch()
    }

    /// Says where the task under the cursor matched, once the page holds it ("3 of 71 — #41:
    /// in the error: HTTP Error 404 …"); until then only which match it is.
    mutating func reportMatch() {
        guard matchReportPending else { return }
        let position = "\(selectedRow + 1) of \(rowCount)" + (matchReportWrapped ? (selectedRow == 0 ? ", from the top" : ", from the bottom") : "")
        guard let task = selectedTask else {
            say(position + "…")
            return
        }
        matchReportPending = false
        let place = FilterMatch(task: task, filter: filter.text)?.description ?? "matches"
        say("\(position) — #\(task.id): \(place)", about: task.id)
    }
}
