import Foundation
import GRDB

/// What a model's published table was last built from: the model's definition and the
/// version of every table it read. A run compares it with the present to skip models
/// with nothing new, and incremental models read only what was added since.
public struct ModelState: Sendable, Equatable {
    /// A digest of the model's SQL and settings.
    public var fingerprint: String
    /// The Delta version of each table read (`layer.table` → version).
    public var inputs: [String: Int64]
    public var runID: String

    public init(fingerprint: String, inputs: [String: Int64], runID: String) {
        self.fingerprint = fingerprint
        self.inputs = inputs
        self.runID = runID
    }
}

extension MetadataStore {
    /// The state recorded when `model` was last published, `nil` before its first run.
    public func state(of model: String) throws -> ModelState? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM model_state WHERE model = ?", arguments: [model]) else {
                return nil
            }
            let text: String = row["inputs"]
            let inputs = (try? JSONDecoder().decode([String: Int64].self, from: Data(text.utf8))) ?? [:]
            return ModelState(fingerprint: row["fingerprint"], inputs: inputs, runID: row["run_id"])
        }
    }

    /// Records what `model` was just published from.
    public func recordState(_ state: ModelState, of model: String) throws {
        let inputs = String(decoding: (try? JSONEncoder().encode(state.inputs)) ?? Data("{}".utf8), as: UTF8.self)
        try write { db in
            try db.execute(sql: """
                INSERT INTO model_state (model, fingerprint, inputs, run_id, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(model) DO UPDATE SET fingerprint = excluded.fingerprint, inputs = excluded.inputs,
                run_id = excluded.run_id, updated_at = excluded.updated_at
                """, arguments: [model, state.fingerprint, inputs, state.runID, Date().timeIntervalSince1970])
        }
    }

    /// Forgets `model`'s state, so its next run rebuilds it whole.
    public func clearState(of model: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM model_state WHERE model = ?", arguments: [model]) }
    }
}
