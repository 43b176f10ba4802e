/// Work after a successful commit: a checkpoint every `delta.checkpointInterval`
/// versions. A failure here never undoes the commit; the next due checkpoint
/// tries again.
struct PostCommit {
    let table: DeltaTable
    let clock: DeltaClock

    /// Writes a checkpoint when `version` is due; returns whether one was written.
    @discardableResult
    func run(version: Int64, configuration: [String: String]) -> Bool {
        let properties = TableProperties(configuration)
        guard version > 0, version % properties.checkpointInterval == 0 else { return false }
        return (try? checkpoint(version: version)) != nil
    }

    /// Writes the checkpoint of `version`.
    func checkpoint(version: Int64) throws -> CheckpointWriter.Summary {
        let snapshot = try table.snapshot(version: version)
        let cutoff = clock.milliseconds() - TableProperties(snapshot.properties).deletedFileRetention
        let state = CheckpointWriter.State(
            version: version, protocol: snapshot.protocol, metadata: snapshot.metadata,
            transactions: Array(snapshot.transactions.values), files: snapshot.files,
            tombstones: snapshot.tombstones.filter { ($0.deletionTimestamp ?? 0) > cutoff })
        return try CheckpointWriter(store: table.store, paths: table.paths).write(state)
    }
}
