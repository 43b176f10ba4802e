extension Snapshot {
    /// This state with only the data files `keep` accepts, same version: a reader of it
    /// sees just those files' rows (the rows added since an earlier version, say).
    public func keeping(files keep: (AddFile) -> Bool) throws -> Snapshot {
        let removals = files.filter { !keep($0) }.map { DeltaAction.remove($0.removal(at: timestamp, dataChange: false)) }
        return try applying(removals, version: version, timestamp: timestamp)
    }
}
