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
        return migrator
    }
}
