/// Everything a user can do to the queue, and the reads that show it: the one door for the
/// command line and the screen. Two implementations: the engine in this process
/// (`EngineActions`, personal mode) and the client of a shared queue (`ServiceClient`).
///
/// Whoever asks is an argument of every action. The engine checks ownership inside the
/// store's transaction; the service ignores what a client says it is and acts for the user
/// the kernel names. Every failure is one `ActionError`.
public protocol TaskActions: Sendable {
    /// Adds a download as pending, refused by the rules, or (with `.queue`) in the
    /// requester's backlog. Nothing is written unless it returns.
    func add(_ request: DownloadRequest, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> DownloadTask
    /// Cancels a task that has not ended; its partial files are deleted.
    func cancel(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask
    /// Pauses a pending, running or queued task; its partial files stay for `resume`.
    func pause(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask
    /// Resumes a paused task under the rules (or queues it, with `.queue`).
    func resume(id: Int64, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> Resumption
    /// Puts a failed or cancelled task back in the queue under the rules.
    func retry(id: Int64, by requester: Requester, whenBusy: BusyPolicy) async throws(ActionError) -> DownloadTask
    /// Puts a failed, cancelled or paused task at the end of the requester's backlog.
    func queue(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask
    /// Moves a queued task within the requester's backlog.
    func move(id: Int64, _ move: BacklogMove, by requester: Requester) async throws(ActionError) -> DownloadTask
    /// Deletes a task and, with `deleteFile`, its finished file.
    func remove(id: Int64, deleteFile: Bool, by requester: Requester) async throws(ActionError) -> Removal
    /// The tasks `requester` may see, newest first; with `before`, those older than that id.
    func list(status: DownloadStatus?, limit: Int?, before: Int64?, by requester: Requester) async throws(ActionError) -> [DownloadTask]
    /// The URLs `requester` added, newest first, each once, at most `limit` (the URL field's
    /// history): URLs only, however many tasks they span.
    func urlHistory(limit: Int, by requester: Requester) async throws(ActionError) -> [String]
    /// Each queued task's place in its user's backlog (1: next to start).
    func queuePlaces(of tasks: [DownloadTask], by requester: Requester) async throws(ActionError) -> [Int64: Int]
    /// One task the requester may see.
    func show(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask
    /// The screen's page: `limit` tasks matching `filter` from the `offset`th in `order`
    /// (the last `limit` when the offset is past them), each with `fields`, and the counts.
    func page(filter: TaskFilter, order: TaskOrder, offset: Int, limit: Int, fields: TaskFields, by requester: Requester) async throws(ActionError) -> TaskPage
}

extension TaskActions {
    /// The first `limit` tasks matching `filter` in `order` (newest first by default), whole, with the counts.
    public func page(filter: TaskFilter = .all, order: TaskOrder = .default, limit: Int, by requester: Requester) async throws(ActionError) -> TaskPage {
        try await page(filter: filter, order: order, offset: 0, limit: limit, fields: .whole, by: requester)
    }

    /// Validates the URL and format as typed (`.invalid` names what is wrong), then adds the
    /// download as `add(_:by:whenBusy:)` does.
    public func add(url: String, format: String?, by requester: Requester, whenBusy: BusyPolicy = .refuse) async throws(ActionError) -> DownloadTask {
        let request: DownloadRequest
        do {
            request = try DownloadRequest(url: url, format: format)
        } catch {
            throw .invalid(error)
        }
        return try await add(request, by: requester, whenBusy: whenBusy)
    }

    public func resume(id: Int64, by requester: Requester) async throws(ActionError) -> Resumption {
        try await resume(id: id, by: requester, whenBusy: .refuse)
    }

    public func retry(id: Int64, by requester: Requester) async throws(ActionError) -> DownloadTask {
        try await retry(id: id, by: requester, whenBusy: .refuse)
    }
}
