import Foundation
import GRDB

/// Lode's own records about a lake — runs, model results, check results, ingested files and
/// lineage — in a SQLite database at `<lake>/_lode/catalog.sqlite`, so a lake describes itself.
public final class MetadataStore: @unchecked Sendable {
    let database: DatabaseQueue
    public let path: String

    /// Opens (creating and migrating when needed) the catalog of the lake at `lakeRoot`.
    public init(lakeRoot: String) throws {
        let folder = (lakeRoot as NSString).appendingPathComponent("_lode")
        path = (folder as NSString).appendingPathComponent("catalog.sqlite")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(.run, "cannot open the lake catalog: \(error)", file: path)
        }
    }

    /// Runs `body` in a write transaction, wrapping database errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.write(body) } catch {
            throw PipelineError(.run, "lake catalog write failed: \(error)", file: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.read(body) } catch {
            throw PipelineError(.run, "lake catalog read failed: \(error)", file: path)
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
            CREATE TABLE runs (
                id TEXT PRIMARY KEY,
                command TEXT NOT NULL,
                selector TEXT NOT NULL DEFAULT '',
                started_at REAL NOT NULL,
                finished_at REAL,
                status TEXT NOT NULL
            );
            CREATE TABLE model_runs (
                run_id TEXT NOT NULL REFERENCES runs(id),
                model TEXT NOT NULL,
                status TEXT NOT NULL,
                rows_written INTEGER NOT NULL DEFAULT 0,
                rows_total INTEGER,
                rows_dropped INTEGER NOT NULL DEFAULT 0,
                rows_quarantined INTEGER NOT NULL DEFAULT 0,
                table_version INTEGER,
                quality_score REAL,
                started_at REAL NOT NULL,
                duration REAL NOT NULL,
                message TEXT,
                PRIMARY KEY (run_id, model)
            );
            CREATE TABLE check_results (
                run_id TEXT NOT NULL REFERENCES runs(id),
                model TEXT NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                severity TEXT NOT NULL,
                status TEXT NOT NULL,
                failing_rows INTEGER NOT NULL DEFAULT 0,
                message TEXT,
                checked_at REAL NOT NULL
            );
            CREATE INDEX check_results_by_model ON check_results(model, checked_at);
            CREATE TABLE ingested_files (
                source TEXT NOT NULL,
                path TEXT NOT NULL,
                size INTEGER NOT NULL,
                modified_at REAL NOT NULL,
                run_id TEXT NOT NULL,
                rows INTEGER NOT NULL,
                bad_rows INTEGER NOT NULL DEFAULT 0,
                ingested_at REAL NOT NULL,
                PRIMARY KEY (source, path)
            );
            CREATE TABLE lineage_edges (
                target_table TEXT NOT NULL,
                target_column TEXT NOT NULL DEFAULT '',
                source_table TEXT NOT NULL,
                source_column TEXT NOT NULL DEFAULT '',
                run_id TEXT NOT NULL,
                PRIMARY KEY (target_table, target_column, source_table, source_column)
            );
            """)
        }
        migrator.registerMigration("v2-model-state") { db in
            try db.execute(sql: """
            CREATE TABLE model_state (
                model TEXT PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                inputs TEXT NOT NULL,
                run_id TEXT NOT NULL,
                updated_at REAL NOT NULL
            );
            """)
        }
        return migrator
    }
}
