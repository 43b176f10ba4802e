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
