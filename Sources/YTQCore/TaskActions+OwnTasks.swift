extension TaskActions {
    /// Hands each of `requester`'s own tasks of `status` to `body`, newest first, reading
    /// `pageSize` at a time (the next page after the last id seen, so memory stays flat and
    /// what `body` changes never shifts a page). An administrator's or root's list holds
    /// everyone's tasks: only their own are handed over. The bulk commands of the screen
    /// (`:retry-failed`, ...) act through this, in personal and shared mode alike.
    public func forEachOwnTask(
        status: DownloadStatus, by requester: Requester, pageSize: Int = 500, _ body: (DownloadTask) async -> Void
    ) async throws(ActionError) {
        let size = max(1, pageSize)
        var before: Int64?
        repeat {
            let page = try await list(status: status, limit: size, before: before, by: requester)
            before = page.count == size ? page.last?.id : nil
            for task in page where task.isOwn(by: requester) {
                await body(task)
            }
        } while before != nil
    }
}
