import GRDB
import YTQCore

extension AppDatabase {
    /// The schema's history. Never edit a migration that has shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-download-tasks") { db in
            let statuses = DownloadStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
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
        return migrator
    }
}
