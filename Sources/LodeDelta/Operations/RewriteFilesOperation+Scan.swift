import LodeCore

extension Snapshot {
    /// A scan of exactly `files` (live files of this snapshot), all columns, no skipping:
    /// what a rewrite reads to keep the rows it does not change.
    public func scan(files: [AddFile]) -> DeltaScan {
        DeltaScan(snapshot: self, schema: schema, files: files, predicate: nil)
    }
}
