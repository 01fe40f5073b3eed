import GRDB
import YTQCore

extension AppDatabase {
    /// Loads a page: the tasks `filter` matches (a text matches, case-insensitively, the
    /// title, URL, format, status, error text or `#id`, like the screen's own filter; a status
    /// matches exactly), in `order`. Reads only `limit` rows from the `offset`th matching task,
    /// whatever the table's size; an offset past the last full window reads the last `limit`
    /// rows (so a request for the end gets the end, however the count changed since). Only the
    /// tasks `requester` may see are listed and counted; everyone's reach it as
    /// `TaskPage.everyone` (slots busy and waiting, against `systemLimit`). `.listed` rows
    /// leave the command line and all the metadata but its notes in the file.
    public func taskPage(
        filter: TaskFilter = .all, order: TaskOrder = .default, offset: Int = 0, limit: Int, fields: TaskFields = .whole,
        visibleTo requester: Requester, systemLimit: Int
    ) async throws(StoreError) -> TaskPage {
        try await read("load the task list") { db in
            let visible = DownloadTask.visible(to: requester)
            let request = Self.matching(filter, among: visible)
            let counts = try Self.statusCounts(db, visibleTo: requester)
            // Unfiltered or by status, the kept counts already say how many match.
            let matching: Int
            switch filter {
            case .status(let status): matching = counts[status] ?? 0
            case .text where filter.isAll: matching = counts.values.reduce(0, +)
            case .text: matching = try request.cachedCount(db)
            }
            let rows = max(1, limit)
            let start = min(max(0, offset), max(0, matching - rows))
            var window = request.order(sql: order.ordering).limit(rows, offset: start)
            if fields == .listed { window = window.select(Self.listedColumns) }
            let tasks = try Self.withEntries(db, window.fetchAll(db))
            let places = try Self.queuePlaces(db, of: tasks.filter { $0.status == .queued })
            let all = requester.seesEveryone ? counts : try Self.statusCounts(db, owner: Self.everyone)
            let everyone = SlotCounts(
                active: DownloadStatus.active.reduce(0) { $0 + (all[$1] ?? 0) }, waiting: all[.queued] ?? 0, limit: systemLimit)
            return TaskPage(tasks: tasks, offset: start, matchingCount: matching, statusCounts: counts, queuePlaces: places, everyone: everyone)
        }
    }

    /// How many tasks `requester` may see in each status, from the counts the triggers of
    /// `v9-status-counts` keep (a few rows, however many tasks).
    static func statusCounts(_ db: Database, visibleTo requester: Requester) throws -> [DownloadStatus: Int] {
        try statusCounts(db, owner: requester.seesEveryone ? everyone : requester.identity.countsOwner)
    }

    /// The owner `task_status_counts` counts every task under.
    static let everyone = "*"

    /// How many tasks `owner` (a `Requester.Identity.countsOwner`, or `everyone`) has in each status.
    static func statusCounts(_ db: Database, owner: String) throws -> [DownloadStatus: Int] {
        let rows = SQLRequest<Row>(literal: "SELECT status, n FROM task_status_counts WHERE owner = \(owner)", cached: true)
        var counts: [DownloadStatus: Int] = [:]
        for row in try rows.fetchAll(db) {
            if let status = row["status"] as DownloadStatus?, let n = row["n"] as Int?, n > 0 { counts[status] = n }
        }
        return counts
    }

    /// A `.listed` row: no command line, and of the metadata only the notes (an array, else
    /// nothing). The schema keeps `meta_data` JSON; text that is not would read as none.
    private static var listedColumns: [any SQLSelectable] { [
        .allColumns(excluding: ["command_line", "meta_data"]),
        SQL("""
            CASE WHEN NOT json_valid(meta_data) THEN '{}'
                 WHEN json_type(meta_data, '$.' || \(DownloadTask.notesKey)) = 'array'
                 THEN json_object(\(DownloadTask.notesKey), json_extract(meta_data, '$.' || \(DownloadTask.notesKey)))
                 ELSE '{}' END AS meta_data
            """),
    ] }

    /// The tasks of `visible` that `filter` matches.
    private static func matching(_ filter: TaskFilter, among visible: QueryInterfaceRequest<DownloadTask>) -> QueryInterfaceRequest<DownloadTask> {
        switch filter {
        case .status(let status):
            return visible.filter(literal: "status = \(status)")
        case .text(let text):
            let needle = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard !needle.isEmpty else { return visible }
            let pattern = "%" + needle.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            let id = Int64(needle.hasPrefix("#") ? String(needle.dropFirst()) : needle)
            return visible.filter(sql: """
                lower(coalesce(title, '')) LIKE :p ESCAPE '\\' OR lower(video_url) LIKE :p ESCAPE '\\'
                OR lower(format) LIKE :p ESCAPE '\\' OR status LIKE :p ESCAPE '\\' OR id = :id
                OR lower(coalesce(error_message, '')) LIKE :p ESCAPE '\\'
                """, arguments: ["p": pattern, "id": id])
        }
    }
}
