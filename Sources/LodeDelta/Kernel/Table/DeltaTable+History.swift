import LodeCore
import LodeStorage

/// One entry of a table's history: a version, when it was committed and its `commitInfo`.
public struct CommitRecord: Hashable, Sendable {
    public var version: Int64
    /// Milliseconds since the epoch: the `inCommitTimestamp` when the commit has one,
    /// else the commit file's modification time.
    public var timestamp: Int64
    /// The commit's provenance (empty when the commit has no `commitInfo`).
    public var info: CommitInfo

    public init(version: Int64, timestamp: Int64, info: CommitInfo) {
        self.version = version
        self.timestamp = timestamp
        self.info = info
    }
}

extension DeltaTable {
    /// The commits still in the log, newest first, at most `limit` of them.
    public func history(limit: Int? = nil) throws -> [CommitRecord] {
        let listing = try self.listing()
        guard let latest = listing.latestVersion else { throw notATable() }
        var versions: [Int64] = []
        var v = latest
        while v >= 0, listing.commits[v] != nil, limit.map({ versions.count < $0 }) ?? true {
            versions.append(v)
            v -= 1
        }
        let files = versions.compactMap { listing.commits[$0] }
        var records: [CommitRecord] = []
        records.reserveCapacity(files.count)
        for (version, file) in zip(versions, files) {
            let bytes = try paths.read(file.path, from: store, version: version)
            let info = try withContext(version) { try CommitFileReader.commitInfo(bytes, file: file.path) } ?? CommitInfo()
            records.append(CommitRecord(version: version, timestamp: info.inCommitTimestamp ?? file.lastModified, info: info))
        }
        return records
    }

    /// The snapshot of the newest version committed at or before `timestampMillis`.
    ///
    /// A version's commit time is its `inCommitTimestamp` when In-Commit Timestamps
    /// are on, else the commit file's modification time, made increasing as Spark
    /// does (a commit no later than its predecessor counts as 1 ms after it). A time
    /// after the newest commit gives the latest snapshot; a time before the oldest
    /// commit still in the log throws `versionNotFound`.
    public func snapshot(asOf timestampMillis: Int64) throws -> Snapshot {
        let listing = try self.listing()
        guard let latest = listing.latestVersion, let earliest = listing.earliestVersion else { throw notATable() }
        let times = try commitTimes(listing: listing, from: earliest, to: latest)
        guard let first = times.first, timestampMillis >= first else {
            throw DeltaError(.versionNotFound,
                             "no version was committed at or before \(Self.utcText(timestampMillis)); the earliest available is version \(earliest), committed at \(Self.utcText(times.first ?? 0))",
                             table: paths.displayName)
        }
        // Times increase, so the answer is the last index whose time is <= the target.
        var low = 0, high = times.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if times[mid] <= timestampMillis { low = mid } else { high = mid - 1 }
        }
        return try snapshot(version: earliest + Int64(low), listing: listing)
    }

    /// Increasing commit times of versions `from ... to`.
    func commitTimes(listing: LogListing, from: Int64, to: Int64) throws -> [Int64] {
        var times: [Int64] = []
        times.reserveCapacity(Int(to - from + 1))
        let ictStart = try inCommitTimestampStart(listing: listing, from: from, to: to)
        var v = from
        while v <= to {
            var time: Int64
            if let ictStart, v >= ictStart, let ict = try inCommitTimestamp(of: v, listing: listing) {
                time = ict
            } else {
                time = listing.fileTimestamp(v) ?? 0
            }
            if let previous = times.last, time <= previous { time = previous + 1 }
            times.append(time)
            v += 1
        }
        return times
    }

    /// The first version of the newest run of commits carrying an `inCommitTimestamp`,
    /// or `nil` when the latest commit carries none.
    private func inCommitTimestampStart(listing: LogListing, from: Int64, to: Int64) throws -> Int64? {
        guard try inCommitTimestamp(of: to, listing: listing) != nil else { return nil }
        var low = from, high = to
        while low < high {
            let mid = (low + high) / 2
            if try inCommitTimestamp(of: mid, listing: listing) != nil { high = mid } else { low = mid + 1 }
        }
        return low
    }

    private func inCommitTimestamp(of version: Int64, listing: LogListing) throws -> Int64? {
        guard let file = listing.commits[version] else { return nil }
        let bytes = try paths.read(file.path, from: store, version: version)
        return try withContext(version) { try CommitFileReader.commitInfo(bytes, file: file.path) }?.inCommitTimestamp
    }
}

extension DeltaTable {
    /// `YYYY-MM-DD HH:MM:SS.fff UTC` of milliseconds since the epoch, for messages.
    static func utcText(_ millis: Int64) -> String {
        Temporal.formatTimestamp(millis, unit: .millisecond) + " UTC"
    }
}
