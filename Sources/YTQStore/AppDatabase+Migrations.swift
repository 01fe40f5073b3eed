import GRDB
import YTQCore

extension AppDatabase {
    /// The schema's history. Never edit a migration that has shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-download-tasks") { db in
            // The statuses as this migration shipped them (v3 adds the later ones).
            let statuses = "'pending', 'downloading', 'completed', 'failed', 'cancelled'"
            try db.execute(sql: """
                CREATE TABLE download_tasks (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER,
                    ip_address TEXT NOT NULL,
                    video_url TEXT NOT NULL,
                    format TEXT NOT NULL CHECK (length(format) > 0),
                    status TEXT NOT NULL CHECK (status IN (\(statuses))),
                    file_path TEXT,
                    title TEXT,
                    meta_data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta_data)),
                    error_message TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                -- The rules count active tasks: system-wide, per uid, per address.
                CREATE INDEX download_tasks_active ON download_tasks(status)
                    WHERE status IN ('pending', 'downloading');
                CREATE INDEX download_tasks_active_by_user ON download_tasks(user_id, id)
                    WHERE status IN ('pending', 'downloading');
                CREATE INDEX download_tasks_active_by_address ON download_tasks(ip_address, id)
                    WHERE user_id IS NULL AND status IN ('pending', 'downloading');
                -- `ytq list --status S` pages newest first.
                CREATE INDEX download_tasks_status_id ON download_tasks(status, id);
                """)
        }
        migrator.registerMigration("v2-scheduler") { db in
            try db.execute(sql: """
                -- How many times a run was started (automatic retries included) and how many
                -- times a worker died while holding the task.
                ALTER TABLE download_tasks ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE download_tasks ADD COLUMN crash_count INTEGER NOT NULL DEFAULT 0;
                -- Where an interrupted task stood, written at a bounded rate while it runs.
                ALTER TABLE download_tasks ADD COLUMN downloaded_bytes INTEGER;
                ALTER TABLE download_tasks ADD COLUMN total_bytes INTEGER;
                -- The claim: a fencing token that every write of the running job must match,
                -- and the worker process (pid + start time) that holds it, with its heartbeat.
                ALTER TABLE download_tasks ADD COLUMN claim_token TEXT;
                ALTER TABLE download_tasks ADD COLUMN owner_pid INTEGER;
                ALTER TABLE download_tasks ADD COLUMN owner_started INTEGER;
                ALTER TABLE download_tasks ADD COLUMN heartbeat_at TEXT;
                -- The yt-dlp child (pid + start time), so a restarted ytq can stop an orphan.
                ALTER TABLE download_tasks ADD COLUMN child_pid INTEGER;
                ALTER TABLE download_tasks ADD COLUMN child_started INTEGER;
                -- Backoff: a pending task is not claimed before this time.
                ALTER TABLE download_tasks ADD COLUMN not_before TEXT;
                -- The yt-dlp command line of the last run, for the details view.
                ALTER TABLE download_tasks ADD COLUMN command_line TEXT;
                -- The queue: oldest claimable pending task first.
                CREATE INDEX download_tasks_queue ON download_tasks(id) WHERE status = 'pending';
                CREATE INDEX download_tasks_running ON download_tasks(owner_pid) WHERE status = 'downloading';
                """)
        }
        migrator.registerMigration("v3-queued-paused") { db in
            // SQLite cannot change a CHECK constraint: the table is rebuilt with the new
            // statuses and the backlog's order, keeping every row, id and the id sequence
            // (a reused id would collide with an old task's partial folder).
            let statuses = DownloadStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'download_tasks'") ?? 0
            try db.execute(sql: """
                CREATE TABLE download_tasks_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER,
                    ip_address TEXT NOT NULL,
                    video_url TEXT NOT NULL,
                    format TEXT NOT NULL CHECK (length(format) > 0),
                    status TEXT NOT NULL CHECK (status IN (\(statuses))),
                    file_path TEXT,
                    title TEXT,
                    meta_data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta_data)),
                    error_message TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    crash_count INTEGER NOT NULL DEFAULT 0,
                    downloaded_bytes INTEGER,
                    total_bytes INTEGER,
                    claim_token TEXT,
                    owner_pid INTEGER,
                    owner_started INTEGER,
                    heartbeat_at TEXT,
                    child_pid INTEGER,
                    child_started INTEGER,
                    not_before TEXT,
                    command_line TEXT,
                    -- A queued task's place in its user's backlog (lowest first).
                    queue_position INTEGER
                );
                INSERT INTO download_tasks_v3 (
                    id, user_id, ip_address, video_url, format, status, file_path, title, meta_data, error_message,
                    created_at, updated_at, attempts, crash_count, downloaded_bytes, total_bytes, claim_token, owner_pid,
                    owner_started, heartbeat_at, child_pid, child_started, not_before, command_line)
                SELECT
                    id, user_id, ip_address, video_url, format, status, file_path, title, meta_data, error_message,
                    created_at, updated_at, attempts, crash_count, downloaded_bytes, total_bytes, claim_token, owner_pid,
                    owner_started, heartbeat_at, child_pid, child_started, not_before, command_line
                FROM download_tasks;
                DROP TABLE download_tasks;
                ALTER TABLE download_tasks_v3 RENAME TO download_tasks;
                CREATE INDEX download_tasks_active ON download_tasks(status)
                    WHERE status IN ('pending', 'downloading');
                CREATE INDEX download_tasks_active_by_user ON download_tasks(user_id, id)
                    WHERE status IN ('pending', 'downloading');
                CREATE INDEX download_tasks_active_by_address ON download_tasks(ip_address, id)
                    WHERE user_id IS NULL AND status IN ('pending', 'downloading');
                CREATE INDEX download_tasks_status_id ON download_tasks(status, id);
                CREATE INDEX download_tasks_queue ON download_tasks(id) WHERE status = 'pending';
                CREATE INDEX download_tasks_running ON download_tasks(owner_pid) WHERE status = 'downloading';
                -- The backlogs, each user's in order.
                CREATE INDEX download_tasks_backlog ON download_tasks(user_id, queue_position, id) WHERE status = 'queued';
                """)
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'download_tasks'", arguments: [sequence])
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) SELECT 'download_tasks', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'download_tasks') AND ? > 0", arguments: [sequence, sequence])
        }
        migrator.registerMigration("v4-database-id") { db in
            // A random name for this database, made once: its partial folders live under it,
            // so two databases in one folder (or one deleted and made again, whose ids start
            // over) never share `partial/1`.
            try db.execute(sql: """
                CREATE TABLE database_identity (
                    id TEXT NOT NULL CHECK (length(id) > 0),
                    single_row INTEGER PRIMARY KEY CHECK (single_row = 1)
                );
                INSERT INTO database_identity (id, single_row) VALUES (lower(hex(randomblob(8))), 1);
                """)
        }
        migrator.registerMigration("v5-final-file") { db in
            // Where the running yt-dlp writes the finished file, and when the run started (by
            // the clock of file timestamps, in nanoseconds): what a recovery removes when a
            // worker died in the middle of the move, before the next run takes the truncated
            // file for "already downloaded". Unused since yt-dlp writes to a staging folder
            // (`StagingFolder`) that the recovery removes whole; kept, as migrations never drop.
            try db.execute(sql: """
                ALTER TABLE download_tasks ADD COLUMN final_file TEXT;
                ALTER TABLE download_tasks ADD COLUMN run_started_ns INTEGER;
                """)
        }
        migrator.registerMigration("v6-children-index") { db in
            // Every claim counts the slots that yt-dlp processes still hold, including those of
            // cancelled or paused tasks: a partial index keeps that a look at a handful of rows,
            // not a scan of the whole table.
            try db.execute(sql: "CREATE INDEX download_tasks_children ON download_tasks(status) WHERE child_pid IS NOT NULL")
        }
        migrator.registerMigration("v7-task-entries") { db in
            // The videos of a task whose URL gave several (a playlist, a page with several
            // videos), each with its own state, file and error. They go with their task.
            let statuses = TaskEntry.Status.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(sql: """
                CREATE TABLE task_entries (
                    task_id INTEGER NOT NULL REFERENCES download_tasks(id) ON DELETE CASCADE,
                    entry_index INTEGER NOT NULL CHECK (entry_index > 0),
                    video_id TEXT,
                    title TEXT,
                    url TEXT,
                    status TEXT NOT NULL CHECK (status IN (\(statuses))),
                    file_path TEXT,
                    size INTEGER,
                    error TEXT,
                    PRIMARY KEY (task_id, entry_index)
                ) WITHOUT ROWID;
                CREATE INDEX task_entries_file ON task_entries(file_path) WHERE file_path IS NOT NULL;
                """)
        }
        migrator.registerMigration("v8-list-orders") { db in
            // The screen's orders (`TaskOrder`) for one user's tasks, as personal mode and a shared
            // queue's users read them: each page reads its rows from an index in order instead of
            // sorting the user's whole table. The expressions are `TaskOrder.ordering`'s own.
            for order in TaskOrder.allCases {
                try db.execute(sql: "CREATE INDEX \(order.indexName) ON download_tasks(user_id, \(order.ordering))")
            }
        }
        migrator.registerMigration("v9-status-counts") { db in
            // How many tasks each owner has in each status, and everyone together (owner '*'),
            // kept by triggers in the transaction that changes a task: the screen's header and
            // "n of m" read a few rows instead of counting every task on every page (13 ms on
            // 100,000 tasks). An owner is `Requester.Identity.countsOwner`: 'u' and the uid, or
            // 'a' and the address of a task that has no uid.
            let owner = { (row: String) in "CASE WHEN \(row).user_id IS NOT NULL THEN 'u' || \(row).user_id ELSE 'a' || \(row).ip_address END" }
            let add = { (row: String) in
                ["'*'", owner(row)].map { key in
                    """
                    INSERT INTO task_status_counts (owner, status, n) VALUES (\(key), \(row).status, 1)
                        ON CONFLICT (owner, status) DO UPDATE SET n = n + 1;
                    """
                }.joined(separator: "\n")
            }
            let remove = { (row: String) in
                ["'*'", owner(row)].map { "UPDATE task_status_counts SET n = n - 1 WHERE owner = \($0) AND status = \(row).status;" }
                    .joined(separator: "\n")
            }
            try db.execute(sql: """
                CREATE TABLE task_status_counts (
                    owner TEXT NOT NULL,
                    status TEXT NOT NULL,
                    n INTEGER NOT NULL CHECK (n >= 0),
                    PRIMARY KEY (owner, status)
                ) WITHOUT ROWID;
                INSERT INTO task_status_counts (owner, status, n)
                    SELECT \(owner("download_tasks")), status, count(*) FROM download_tasks GROUP BY 1, 2;
                INSERT INTO task_status_counts (owner, status, n)
                    SELECT '*', status, count(*) FROM download_tasks GROUP BY status;
                CREATE TRIGGER task_status_counts_insert AFTER INSERT ON download_tasks BEGIN
                    \(add("NEW"))
                END;
                CREATE TRIGGER task_status_counts_delete AFTER DELETE ON download_tasks BEGIN
                    \(remove("OLD"))
                END;
                CREATE TRIGGER task_status_counts_update AFTER UPDATE OF status, user_id, ip_address ON download_tasks
                WHEN OLD.status IS NOT NEW.status OR OLD.user_id IS NOT NEW.user_id OR OLD.ip_address IS NOT NEW.ip_address BEGIN
                    \(remove("OLD"))
                    \(add("NEW"))
                END;
                """)
        }
        return migrator
    }
}
