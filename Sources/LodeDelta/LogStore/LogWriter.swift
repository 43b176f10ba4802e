import LodeStorage

/// The write side of a table's log: commit files created atomically.
///
/// A commit is `_delta_log/%020d.json`, one action a line, created with the store's
/// put-if-absent so that of two writers racing for the same version exactly one
/// wins; the loser learns it from ``writeCommit(version:actions:)`` returning `false`
/// and reads the winner's actions with ``readCommit(version:)``.
struct LogWriter {
    let store: any ObjectStore
    let paths: DeltaLogPaths

    /// Creates the commit file of `version`; `false` when another writer already
    /// created it.
    func writeCommit(version: Int64, actions: [DeltaAction]) throws -> Bool {
        let path = paths.commit(version)
        do {
            try store.putIfAbsent(path, data: DeltaAction.commitBytes(actions))
            return true
        } catch let error as StorageError where error.kind == .alreadyExists {
            return false
        } catch {
            throw DeltaError(.io, "cannot write \(path): \(error)", table: paths.displayName, version: version)
        }
    }

    /// The actions of the commit file of `version`.
    func readCommit(version: Int64) throws -> [DeltaAction] {
        let path = paths.commit(version)
        let bytes: [UInt8]
        do {
            bytes = try store.get(path)
        } catch {
            throw DeltaError(.io, "cannot read \(path): \(error)", table: paths.displayName, version: version)
        }
        return try CommitFileReader.actions(bytes, file: path)
    }
}
