/// Decides whether a transaction may still commit after another writer won the
/// version it wanted, as Delta's optimistic concurrency prescribes.
///
/// The checks run in this order, the first failure naming the conflict:
/// a new `protocol` or `metaData` in the winning commit; files it added that this
/// transaction would have read (`ConcurrentAppend`); files this transaction read
/// that it removed (`ConcurrentDeleteRead`); files both removed
/// (`ConcurrentDeleteDelete`); an application transaction id both wrote
/// (`ConcurrentTransaction`). When none applies the transaction retries at the
/// next version.
struct ConflictChecker {
    /// What the transaction read and is about to write.
    struct Reads {
        /// Partition predicate of the rows it read; files matching it are ones it
        /// would have read.
        var predicate: PartitionPredicate?
        /// The transaction depends on every file of the table (an overwrite).
        var wholeTable = false
        /// Paths of the files it read.
        var files: Set<String> = []
        /// Application ids whose `txn` version it checked.
        var appIds: Set<String> = []
    }

    var reads: Reads
    /// The transaction's own actions.
    var actions: [DeltaAction]
    var isolationLevel: IsolationLevel
    /// Whether the transaction's operation changes data (everything but OPTIMIZE).
    var changesData: Bool

    /// A conflict, named as Delta names it.
    enum Conflict: String, Equatable {
        case protocolChanged = "ProtocolChanged"
        case metadataChanged = "MetadataChanged"
        case concurrentAppend = "ConcurrentAppend"
        case concurrentDeleteRead = "ConcurrentDeleteRead"
        case concurrentDeleteDelete = "ConcurrentDeleteDelete"
        case concurrentTransaction = "ConcurrentTransaction"
    }

    /// The first conflict between the transaction and `winning` (the actions of one
    /// commit that landed after the transaction's read version), with a sentence
    /// explaining it; `nil` when the transaction may retry at the next version.
    func conflict(with winning: [DeltaAction]) -> (Conflict, String)? {
        var winningProtocol = false, winningMetadata = false, winningBlindAppend = false
        var added: [AddFile] = []
        var removed: [String] = []
        var appIds: Set<String> = []
        for action in winning {
            switch action {
            case .protocol: winningProtocol = true
            case .metadata: winningMetadata = true
            case .add(let add): added.append(add)
            case .remove(let remove): removed.append(remove.path)
            case .txn(let txn): appIds.insert(txn.appId)
            case .commitInfo(let info): winningBlindAppend = info.isBlindAppend ?? false
            default: break
            }
        }
        if winningProtocol {
            return (.protocolChanged, "another writer changed the table's protocol")
        }
        if winningMetadata {
            return (.metadataChanged, "another writer changed the table's metadata (schema, partitioning or properties)")
        }
        let ownMetadataChange = actions.contains { if case .metadata = $0 { return true } else { return false } }
        let level = effectiveIsolationLevel
        let candidates: [AddFile]
        switch level {
        case .snapshotIsolation: candidates = []
        case .writeSerializable where !ownMetadataChange: candidates = winningBlindAppend ? [] : added
        case .writeSerializable, .serializable: candidates = added
        }
        let conflictingAdd: AddFile?
        if reads.wholeTable {
            conflictingAdd = candidates.first
        } else if let predicate = reads.predicate {
            conflictingAdd = candidates.first { predicate.matches($0.partitionValues) }
        } else {
            conflictingAdd = nil
        }
        if let add = conflictingAdd {
            return (.concurrentAppend, "another writer added \(add.path), which this transaction would have read")
        }
        if let path = removed.first(where: { reads.files.contains($0) }) {
            return (.concurrentDeleteRead, "another writer removed \(path), which this transaction read")
        }
        if reads.wholeTable, let path = removed.first {
            return (.concurrentDeleteRead, "another writer removed \(path) from the table this transaction read")
        }
        let ownRemoves = Set(actions.compactMap { action -> String? in
            if case .remove(let remove) = action { return remove.path } else { return nil }
        })
        if let path = removed.first(where: { ownRemoves.contains($0) }) {
            return (.concurrentDeleteDelete, "another writer also removed \(path)")
        }
        if let appId = appIds.intersection(reads.appIds).sorted().first {
            return (.concurrentTransaction, "another writer committed a batch of application '\(appId)'")
        }
        return nil
    }

    /// The isolation level actually applied: transactions that change no data and
    /// hold only file actions are checked with snapshot isolation.
    var effectiveIsolationLevel: IsolationLevel {
        var dataChanged = false
        for action in actions {
            switch action {
            case .add(let add): if add.dataChange { dataChanged = true }
            case .remove(let remove): if remove.dataChange { dataChanged = true }
            case .commitInfo: continue
            default: return isolationLevel
            }
        }
        switch isolationLevel {
        case .serializable: return dataChanged ? .serializable : .snapshotIsolation
        case .writeSerializable: return dataChanged || changesData ? .writeSerializable : .snapshotIsolation
        case .snapshotIsolation: return .snapshotIsolation
        }
    }
}
