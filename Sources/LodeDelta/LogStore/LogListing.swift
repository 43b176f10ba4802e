import LodeStorage

/// The files of a table's `_delta_log/` that matter for reading: commits and
/// complete checkpoints, by version.
///
/// The listing is authoritative: every checkpoint it shows is considered, so the
/// `_last_checkpoint` hint is never needed and a stale, missing or unparsable one
/// cannot mislead the reader. (With a store that could list from a given name, the
/// hint would let the listing start at the checkpoint instead.)
struct LogListing: Sendable {
    /// Commit files by version.
    var commits: [Int64: ObjectMeta] = [:]
    /// Complete checkpoints by version: the part files in order (one for a classic checkpoint).
    var checkpoints: [Int64: [ObjectMeta]] = [:]
    /// Versions with a V2 checkpoint, which Lode does not read.
    var v2Checkpoints: Set<Int64> = []

    /// Lists `_delta_log/` (only its direct children: `_staged_commits/`, `_sidecars/`
    /// and other folders are skipped) and groups the files.
    init(store: any ObjectStore, paths: DeltaLogPaths) throws {
        let prefix = paths.logPrefix
        let objects: [ObjectMeta]
        do {
            objects = try store.list(prefix: prefix)
        } catch {
            throw DeltaError(.io, "cannot list \(prefix): \(error)", table: paths.displayName)
        }
        var parts: [Int64: [Int: [Int: ObjectMeta]]] = [:]
        for object in objects {
            let name = object.path.utf8.dropFirst(prefix.utf8.count)
            guard !name.contains(UInt8(ascii: "/")) else { continue }
            switch LogFileName(Substring(name)) {
            case .commit(let v): commits[v] = object
            case .checkpoint(let v): checkpoints[v] = [object]
            case .checkpointPart(let v, let part, let count): parts[v, default: [:]][count, default: [:]][part] = object
            case .checkpointV2(let v): v2Checkpoints.insert(v)
            case .lastCheckpoint, .ignored: break
            }
        }
        for (version, byCount) in parts where checkpoints[version] == nil {
            // The largest complete set of parts wins; incomplete sets are a writer that died midway.
            for (count, files) in byCount.sorted(by: { $0.key > $1.key }) where files.count == count {
                checkpoints[version] = (1...count).compactMap { files[$0] }
                break
            }
        }
    }

    var isEmpty: Bool { commits.isEmpty && checkpoints.isEmpty }

    /// The newest version the log holds.
    var latestVersion: Int64? {
        let commit = commits.keys.max()
        let checkpoint = checkpoints.keys.max()
        switch (commit, checkpoint) {
        case let (c?, k?): return max(c, k)
        case let (c?, nil): return c
        case let (nil, k?): return k
        default: return nil
        }
    }

    /// The oldest version that can be rebuilt: 0 while commit 0 is kept, else the
    /// oldest checkpoint (older commits having been cleaned up).
    var earliestVersion: Int64? {
        if commits[0] != nil || checkpoints[0] != nil { return 0 }
        return checkpoints.keys.min()
    }

    /// The checkpoint and commits that rebuild `version`.
    func segment(for version: Int64, paths: DeltaLogPaths) throws -> LogSegment {
        guard let latest = latestVersion else {
            throw DeltaError(.notATable, "no commits in \(paths.logPrefix)", table: paths.displayName)
        }
        let range = availableRange(latest: latest)
        guard version >= 0, version <= latest else {
            throw DeltaError(.versionNotFound, "version \(version) does not exist; \(range)", table: paths.displayName)
        }
        let checkpoint = checkpoints.keys.filter { $0 <= version }.max()
        let start = (checkpoint ?? -1) + 1
        if checkpoint == nil && commits[0] == nil {
            throw DeltaError(.versionNotFound, "version \(version) is no longer in the log; \(range)",
                             table: paths.displayName)
        }
        var files: [ObjectMeta] = []
        files.reserveCapacity(Int(version - start + 1))
        var v = start
        while v <= version {
            guard let file = commits[v] else {
                throw DeltaError(.corruptLog, "commit \(v) (\(paths.commit(v))) is missing from the log; \(range)",
                                 table: paths.displayName, version: v)
            }
            files.append(file)
            v += 1
        }
        return LogSegment(version: version, checkpointVersion: checkpoint,
                          checkpointFiles: checkpoint.flatMap { checkpoints[$0] } ?? [], commits: files,
                          startVersion: start)
    }

    func availableRange(latest: Int64) -> String {
        if let earliest = earliestVersion { return "the log holds versions \(earliest) to \(latest)" }
        return "the log's latest version is \(latest)"
    }

    /// The modification time of the file that stands for `version`'s commit.
    func fileTimestamp(_ version: Int64) -> Int64? {
        commits[version]?.lastModified ?? checkpoints[version]?.first?.lastModified
    }
}

/// The files that rebuild one version: a checkpoint (maybe none) and the commits after it.
struct LogSegment: Sendable {
    var version: Int64
    var checkpointVersion: Int64?
    var checkpointFiles: [ObjectMeta]
    /// Commit files `startVersion ... version`, in order.
    var commits: [ObjectMeta]
    var startVersion: Int64
}

extension DeltaLogPaths {
    /// The table as named in errors.
    var displayName: String { tableLocation ?? (tableRoot.isEmpty ? "." : tableRoot) }
}
