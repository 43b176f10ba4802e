/// Folds actions, oldest first, into a table state (PROTOCOL.md §Action Reconciliation).
///
/// The newest `protocol` and `metaData` win; a file is active from its `add` until
/// a `remove` of the same path (a later `add` of the same path replaces the earlier
/// one); removes are kept as tombstones until re-added; the newest `txn` per app
/// and the newest `domainMetadata` per domain win, a removed domain disappearing.
struct LogReplay {
    var `protocol`: ProtocolAction?
    var metadata: MetadataAction?
    /// Active files in order of first appearance; removed slots are `nil`.
    private(set) var slots: [AddFile?] = []
    private var slotByPath: [String: Int] = [:]
    private var tombstoneByPath: [String: RemoveFile] = [:]
    var transactions: [String: SetTransaction] = [:]
    var domains: [String: DomainMetadata] = [:]
    /// The `commitInfo` of the last commit applied, if it had one.
    var lastCommitInfo: CommitInfo?

    init() {}

    /// Continues from a snapshot's state.
    init(_ snapshot: Snapshot) {
        `protocol` = snapshot.protocol
        metadata = snapshot.metadata
        slots = snapshot.files
        slotByPath.reserveCapacity(slots.count)
        for (i, file) in snapshot.files.enumerated() { slotByPath[file.path] = i }
        for tombstone in snapshot.tombstones { tombstoneByPath[tombstone.path] = tombstone }
        transactions = snapshot.transactions
        domains = snapshot.domainMetadata
    }

    mutating func reserveFiles(_ count: Int) {
        slots.reserveCapacity(count)
        slotByPath.reserveCapacity(count)
    }

    @inline(__always)
    mutating func apply(_ action: DeltaAction) {
        switch action {
        case .add(let add): apply(add)
        case .remove(let remove): apply(remove)
        case .protocol(let p): `protocol` = p
        case .metadata(let m): metadata = m
        case .txn(let t): transactions[t.appId] = t
        case .domainMetadata(let d):
            if d.removed { domains[d.domain] = nil } else { domains[d.domain] = d }
        case .commitInfo(let info): lastCommitInfo = info
        case .cdc, .unknown: break
        }
    }

    mutating func apply(_ add: AddFile) {
        if let slot = slotByPath[add.path] {
            slots[slot] = add
        } else {
            slotByPath[add.path] = slots.count
            slots.append(add)
        }
        if !tombstoneByPath.isEmpty { tombstoneByPath[add.path] = nil }
    }

    mutating func apply(_ remove: RemoveFile) {
        if let slot = slotByPath.removeValue(forKey: remove.path) { slots[slot] = nil }
        tombstoneByPath[remove.path] = remove
    }

    /// Active files, in order of first appearance.
    var files: [AddFile] { slots.compactMap { $0 } }

    /// Tombstones sorted by path.
    var tombstones: [RemoveFile] { tombstoneByPath.values.sorted { $0.path < $1.path } }
}
