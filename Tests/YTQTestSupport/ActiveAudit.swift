/// SQL for a trigger-kept log of the concurrency rules, for tests that run the real `ytq`
/// against a database file: every insert into `download_tasks` and every status change
/// records, inside the writing transaction, how many tasks were active (`pending` or
/// `downloading`) for that task's user and in all, and how many were `downloading`.
/// Execute `install` on the database once ytq has created it; read `maximums` afterwards.
///
/// `ytq add --queue` inserts a task as `pending` and, when a rule says no, makes it `queued`
/// in the same transaction, so for a moment inside it one task too many looks active. Such an
/// insert is followed at once (the next log row: transactions are serialised) by its own
/// change to `queued`; `maximums` leaves those insert rows out and so reads the counts each
/// transaction committed.
public enum ActiveAudit {
    public static let install = """
        CREATE TABLE active_audit (
            seq INTEGER PRIMARY KEY, task_id INTEGER, user_id INTEGER, status TEXT, inserted INTEGER,
            active_user INTEGER, active_system INTEGER, downloading_system INTEGER);
        CREATE TRIGGER active_audit_insert AFTER INSERT ON download_tasks BEGIN
            INSERT INTO active_audit (task_id, user_id, status, inserted, active_user, active_system, downloading_system)
            VALUES (NEW.id, NEW.user_id, NEW.status, 1, \(activeUser), \(activeSystem), \(downloadingSystem));
        END;
        CREATE TRIGGER active_audit_update AFTER UPDATE OF status ON download_tasks BEGIN
            INSERT INTO active_audit (task_id, user_id, status, inserted, active_user, active_system, downloading_system)
            VALUES (NEW.id, NEW.user_id, NEW.status, 0, \(activeUser), \(activeSystem), \(downloadingSystem));
        END;
        """

    /// One row: the most active tasks one user had, the most in all, the most downloading at
    /// once, and how many rows the log holds.
    public static let maximums = """
        SELECT coalesce(max(active_user), 0), coalesce(max(active_system), 0), coalesce(max(downloading_system), 0),
               (SELECT count(*) FROM active_audit)
        FROM active_audit AS a
        WHERE NOT (a.inserted = 1 AND EXISTS (
            SELECT 1 FROM active_audit AS b WHERE b.seq = a.seq + 1 AND b.task_id = a.task_id AND b.status = 'queued'))
        """

    /// The log, oldest first: `seq, task_id, user_id, status`.
    public static let transitions = "SELECT seq, task_id, user_id, status FROM active_audit ORDER BY seq"

    private static let activeUser =
        "(SELECT count(*) FROM download_tasks WHERE status IN ('pending', 'downloading') AND user_id IS NEW.user_id)"
    private static let activeSystem = "(SELECT count(*) FROM download_tasks WHERE status IN ('pending', 'downloading'))"
    private static let downloadingSystem = "(SELECT count(*) FROM download_tasks WHERE status = 'downloading')"
}
