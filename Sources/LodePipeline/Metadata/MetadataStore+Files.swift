import Foundation
import GRDB

/// A source file as Lode last ingested it.
public struct IngestedFile: Sendable, Equatable {
    public var source: String
    public var path: String
    public var size: Int
    public var modifiedAt: Double
    public var runID: String
    public var rows: Int
    public var badRows: Int

    public init(source: String, path: String, size: Int, modifiedAt: Double, runID: String, rows: Int, badRows: Int = 0) {
        self.source = source
        self.path = path
        self.size = size
        self.modifiedAt = modifiedAt
        self.runID = runID
        self.rows = rows
        self.badRows = badRows
    }
}

extension MetadataStore {
    /// The files of `source` ingested so far, by path.
    public func ingestedFiles(source: String) throws -> [String: IngestedFile] {
        try read { db in
            var files: [String: IngestedFile] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM ingested_files WHERE source = ?", arguments: [source]) {
                let file = IngestedFile(source: row["source"], path: row["path"], size: row["size"], modifiedAt: row["modified_at"],
                                        runID: row["run_id"], rows: row["rows"], badRows: row["bad_rows"])
                files[file.path] = file
            }
            return files
        }
    }

    /// Records files as ingested (replacing earlier records of the same paths).
    public func recordIngested(_ files: [IngestedFile]) throws {
        try write { db in
            for file in files {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO ingested_files (source, path, size, modified_at, run_id, rows, bad_rows, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [file.source, file.path, file.size, file.modifiedAt, file.runID, file.rows, file.badRows,
                                     Date().timeIntervalSince1970])
            }
        }
    }
}
