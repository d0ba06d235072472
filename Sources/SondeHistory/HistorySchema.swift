import GRDB

/// The history file's tables. Append a migration for every change; never edit a shipped one,
/// since files written by earlier versions are migrated forward on open.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: results and deploy markers") { db in
            try db.create(table: ResultRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("target", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("latency_ms", .double)
                t.column("latency_target_ms", .double)
                t.column("status_code", .integer)
                t.column("reason_kind", .text)
                t.column("reason_message", .text)
                t.column("phases", .text).notNull()
                t.column("reported", .text).notNull()
                t.column("version", .text)
                // Seconds since 1970: compared and pruned as numbers, no date parsing in SQL.
                t.column("started_at", .double).notNull()
                t.column("sequence", .integer).notNull()
            }
            try db.create(index: "result_by_target_time", on: ResultRecord.databaseTableName, columns: ["target", "started_at"])
            try db.create(index: "result_by_time", on: ResultRecord.databaseTableName, columns: ["started_at"])
            try db.create(table: MarkerRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("at", .double).notNull().indexed()
                t.column("source", .text).notNull()
                t.column("target", .text)
                t.column("from_version", .text)
                t.column("to_version", .text)
            }
        }
        migrator.registerMigration("v2: suite readings") { db in
            try db.create(table: SuiteReadingRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("suite", .text).notNull()
                t.column("read_at", .double).notNull()
                t.column("error", .text)
                t.column("modules", .text).notNull()
            }
            try db.create(index: "suite_reading_by_suite_time", on: SuiteReadingRecord.databaseTableName, columns: ["suite", "read_at"])
        }
        migrator.registerMigration("v3: alert events") { db in
            try db.create(table: AlertRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .double).notNull().indexed()
                t.column("rule", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("state", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("since", .double).notNull()
                t.column("ended", .double)
                t.column("value_ms", .double)
                t.column("reminder", .boolean).notNull()
                t.column("channels", .text).notNull()
            }
        }
        return migrator
    }
}
