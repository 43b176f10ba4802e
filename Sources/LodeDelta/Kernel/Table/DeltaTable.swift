import Dispatch
import LodeCore
import LodeStorage

/// A Delta Lake table in an object store: the entry point to its versions.
///
/// ```swift
/// let table = DeltaTable(path: "/lake/gold/revenue")
/// let latest = try table.snapshot()
/// let yesterday = try table.snapshot(asOf: nowMillis - 86_400_000)
/// for commit in try table.history(limit: 10) { print(commit.version, commit.info.operation ?? "") }
/// ```
///
/// Every call lists `_delta_log/` again, so it sees commits made since; a
/// ``Snapshot`` is immutable. Errors are ``DeltaError``s naming the table and, where
/// one is concerned, the version.
public final class DeltaTable: Sendable {
    public let store: any ObjectStore
    public let paths: DeltaLogPaths

    /// The table whose root is `root` inside `store` (`""` for the store's root).
    /// `location` (an absolute path or URI of that root) names the table in errors
    /// and resolves data files that the log names by absolute URI.
    public init(store: any ObjectStore, root: String = "", location: String? = nil) {
        self.store = store
        self.paths = DeltaLogPaths(tableRoot: root, tableLocation: location)
    }

    /// The table in the local folder `path`.
    public convenience init(path: String) {
        self.init(store: LocalFileSystemStore(root: path), location: path)
    }

    /// Whether the location holds a Delta log (any commit or checkpoint).
    public func exists() throws -> Bool { try !LogListing(store: store, paths: paths).isEmpty }

    /// The newest version in the log.
    public func latestVersion() throws -> Int64 {
        let listing = try self.listing()
        guard let latest = listing.latestVersion else { throw notATable() }
        return latest
    }

    /// The latest snapshot.
    public func snapshot() throws -> Snapshot {
        let listing = try self.listing()
        guard let latest = listing.latestVersion else { throw notATable() }
        return try snapshot(version: latest, listing: listing)
    }

    /// The snapshot at `version`; throws `versionNotFound` naming the versions the log
    /// holds when it is out of range or cleaned up.
    public func snapshot(version: Int64) throws -> Snapshot {
        try snapshot(version: version, listing: try listing())
    }

    /// The actions of the commit at `version`, e.g. to check a concurrent commit for conflicts.
    public func actions(version: Int64) throws -> [DeltaAction] {
        let path = paths.commit(version)
        let bytes: [UInt8]
        do {
            bytes = try store.get(path)
        } catch let error as StorageError where error.kind == .notFound {
            throw DeltaError(.versionNotFound, "commit \(version) does not exist", table: paths.displayName, version: version)
        } catch {
            throw DeltaError(.io, "cannot read \(path): \(error)", table: paths.displayName, version: version)
        }
        return try withContext(version) { try CommitFileReader.actions(bytes, file: path) }
    }

    func listing() throws -> LogListing { try LogListing(store: store, paths: paths) }

    func notATable() -> DeltaError {
        DeltaError(.notATable, "no Delta log at \(paths.logPrefix)", table: paths.displayName)
    }

    func snapshot(version: Int64, listing: LogListing) throws -> Snapshot {
        if listing.isEmpty { throw notATable() }
        let segment = try listing.segment(for: version, paths: paths)
        var replay = LogReplay()
        if let checkpoint = segment.checkpointVersion {
            try CheckpointReader.read(segment.checkpointFiles, version: checkpoint, store: store, paths: paths, into: &replay)
        }
        let commits = try readCommits(segment.commits, firstVersion: segment.startVersion)
        for actions in commits {
            replay.lastCommitInfo = nil
            for action in actions { replay.apply(action) }
        }
        var info = commits.isEmpty ? nil : replay.lastCommitInfo
        if commits.isEmpty, Self.inCommitTimestampsEnabled(replay.metadata, at: version), let file = listing.commits[version] {
            // The snapshot is the checkpoint's version: its commit still holds the in-commit timestamp.
            let bytes = try paths.read(file.path, from: store, version: version)
            info = try withContext(version) { try CommitFileReader.commitInfo(bytes, file: file.path) }
        }
        let timestamp = commitTimestamp(version: version, info: info, metadata: replay.metadata, listing: listing)
        return try Snapshot(replay: replay, version: version, timestamp: timestamp, paths: paths, store: store)
    }

    /// Reads and parses commit files, several at once when there are many.
    func readCommits(_ files: [ObjectMeta], firstVersion: Int64) throws -> [[DeltaAction]] {
        let read = { (i: Int) throws -> [DeltaAction] in
            let version = firstVersion + Int64(i)
            let bytes = try self.paths.read(files[i].path, from: self.store, version: version)
            return try self.withContext(version) { try CommitFileReader.actions(bytes, file: files[i].path) }
        }
        if files.count < 8 { return try files.indices.map(read) }
        var results = [Result<[DeltaAction], any Error>?](repeating: nil, count: files.count)
        results.withUnsafeMutableBufferPointer { slots in
            let buffer = slots
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                buffer[i] = Result { try read(i) }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// Runs `body`, giving a ``DeltaError`` it throws this table and `version`.
    func withContext<T>(_ version: Int64?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as DeltaError {
            if error.table == nil { error.table = paths.displayName }
            if error.version == nil { error.version = version }
            throw error
        }
    }

    /// `version`'s commit time: its `inCommitTimestamp` when In-Commit Timestamps are
    /// on and the commit has one, else its file's modification time.
    func commitTimestamp(version: Int64, info: CommitInfo?, metadata: MetadataAction?, listing: LogListing) -> Int64 {
        if let info, let ict = info.inCommitTimestamp, Self.inCommitTimestampsEnabled(metadata, at: version) { return ict }
        return listing.fileTimestamp(version) ?? info?.timestamp ?? 0
    }

    static func inCommitTimestampsEnabled(_ metadata: MetadataAction?, at version: Int64) -> Bool {
        guard let configuration = metadata?.configuration,
              configuration["delta.enableInCommitTimestamps"]?.lowercased() == "true" else { return false }
        if let since = configuration["delta.inCommitTimestampEnablementVersion"].flatMap(Int64.init) { return version >= since }
        return true
    }
}
