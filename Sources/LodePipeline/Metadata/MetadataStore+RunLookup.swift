import Foundation
import GRDB

extension MetadataStore {
    /// The run with id `id`, or the only run whose id starts with `id`; `nil` when there is
    /// none (or the prefix is ambiguous).
    ///
    /// ```swift
    /// try store.run(id: "20261125T213000")   // the run 20261125T213000-4f2a
    /// ```
    public func run(id: String) throws -> RunRecord? {
        try read { db in
            let escaped = id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM runs WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id = ? DESC, started_at DESC LIMIT 2
                """, arguments: [id, escaped + "%", id])
            guard let first = rows.first else { return nil }
            let firstID: String = first["id"]
            guard firstID == id || rows.count == 1 else { return nil }
            return Self.runRecord(first)
        }
    }

    static func runRecord(_ row: Row) -> RunRecord {
        RunRecord(id: row["id"], command: row["command"], selector: row["selector"], startedAt: row["started_at"],
                  finishedAt: row["finished_at"], status: row["status"])
    }
}

extension MetadataStore {
    /// The files run `runID` ingested (as far as later runs have not loaded them again), by
    /// source then path.
    public func ingestedFiles(runID: String) throws -> [IngestedFile] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM ingested_files WHERE run_id = ? ORDER BY source, path", arguments: [runID]).map {
                IngestedFile(source: $0["source"], path: $0["path"], size: $0["size"], modifiedAt: $0["modified_at"], runID: $0["run_id"],
                             rows: $0["rows"], badRows: $0["bad_rows"])
            }
        }
    }
}
