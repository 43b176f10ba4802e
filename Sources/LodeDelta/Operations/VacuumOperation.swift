#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LodeCore
import LodeStorage

/// Deletes data files the table no longer needs: files removed longer ago than the
/// retention period, and files no version within it references (left by failed
/// writers), once they are older than the retention period too.
///
/// ```swift
/// let plan = try VacuumOperation(table: table).withDryRun(true).execute()
/// print(plan.files)                                  // what would go
/// try VacuumOperation(table: table).withRetentionHours(240).execute()
/// ```
///
/// The retention defaults to `delta.deletedFileRetentionDuration` (7 days); a shorter
/// one is refused unless ``withEnforceRetention(_:)`` is `false`, since readers of
/// recent versions and writers still running may need the files. `_delta_log/` and
/// hidden files (names starting with `.` or `_`, except partition folders) are never
/// touched. A real run records `VACUUM START` and `VACUUM END` commits.
public struct VacuumOperation: Sendable {
    public let table: DeltaTable
    var retentionHours: Double?
    var enforceRetention = true
    var dryRun = false
    var clock = DeltaClock.system

    public init(table: DeltaTable) { self.table = table }

    /// Files younger than this are kept (default: the table's retention).
    public func withRetentionHours(_ hours: Double?) -> Self { var c = self; c.retentionHours = hours; return c }
    /// When `false`, a retention shorter than the table's is accepted (`--force`).
    public func withEnforceRetention(_ enforce: Bool) -> Self { var c = self; c.enforceRetention = enforce; return c }
    /// Lists the files that would be deleted without deleting or committing anything.
    public func withDryRun(_ dryRun: Bool) -> Self { var c = self; c.dryRun = dryRun; return c }
    public func withClock(_ clock: DeltaClock) -> Self { var c = self; c.clock = clock; return c }

    @discardableResult
    public func execute() throws -> VacuumResult {
        let snapshot = try table.snapshot()
        let name = table.paths.displayName
        try checkWritable(snapshot, operation: "VACUUM", removesData: false)
        let tableRetention = TableProperties(snapshot.properties).deletedFileRetention
        let retention: Int64
        if let hours = retentionHours {
            guard hours >= 0, hours.isFinite else {
                throw DeltaError(.invalidArgument, "the retention period must be zero or more hours", table: name)
            }
            retention = Int64(hours * 3_600_000)
        } else {
            retention = tableRetention
        }
        if enforceRetention && retention < tableRetention {
            throw DeltaError(.invalidArgument, "a retention of \(Self.hours(retention)) hours is below the table's safe "
                             + "minimum of \(Self.hours(tableRetention)) hours (delta.deletedFileRetentionDuration): "
                             + "readers of recent versions and running writers may still need those files; "
                             + "force it only if nothing reads or writes the table", table: name, version: snapshot.version)
        }
        let now = clock.milliseconds()
        let cutoff = now - retention
        var keep = Set(snapshot.files.compactMap { table.paths.dataFile($0.path) })
        for tombstone in snapshot.tombstones where (tombstone.deletionTimestamp ?? 0) > cutoff {
            if let path = table.paths.dataFile(tombstone.path) { keep.insert(path) }
        }
        let prefix = table.paths.tableRoot.isEmpty ? "" : table.paths.tableRoot + "/"
        let objects: [ObjectMeta]
        do {
            objects = try table.store.list(prefix: prefix)
        } catch {
            throw DeltaError(.io, "cannot list the table's files: \(error)", table: name)
        }
        var doomed: [ObjectMeta] = []
        for object in objects {
            let relative = String(object.path.dropFirst(prefix.count))
            guard !Self.isHidden(relative), !keep.contains(object.path), object.lastModified < cutoff else { continue }
            doomed.append(object)
        }
        let bytes = doomed.reduce(Int64(0)) { $0 + Int64($1.size) }
        var result = VacuumResult(files: doomed.map { String($0.path.dropFirst(prefix.count)) }, bytes: bytes,
                                  dryRun: dryRun, startVersion: nil, endVersion: nil)
        guard !dryRun else { return result }
        var start = TableOperation(name: "VACUUM START", changesData: false)
        start.parameters = ["retentionCheckEnabled": enforceRetention ? "true" : "false",
                            "specifiedRetentionMillis": TableOperation.jsonString(String(retention)),
                            "defaultRetentionMillis": TableOperation.jsonString(String(tableRetention))]
        start.metrics = ["numFilesToDelete": String(doomed.count), "sizeOfDataToDelete": String(bytes)]
        result.startVersion = try commit(start, after: snapshot.version, configuration: snapshot.properties)
        var deleted = 0
        var failures: [String] = []
        for object in doomed {
            do {
                try table.store.delete(object.path)
                deleted += 1
            } catch let error as StorageError where error.kind == .notFound {
                continue
            } catch {
                failures.append("\(object.path): \(error)")
            }
        }
        let folders = removeEmptyFolders(of: doomed.map(\.path), prefix: prefix)
        var end = TableOperation(name: "VACUUM END", changesData: false)
        end.parameters = ["status": TableOperation.jsonString(failures.isEmpty ? "COMPLETED" : "FAILED")]
        end.metrics = ["numDeletedFiles": String(deleted), "numVacuumedDirectories": String(folders)]
        result.endVersion = try commit(end, after: result.startVersion ?? snapshot.version, configuration: snapshot.properties)
        if !failures.isEmpty {
            throw DeltaError(.io, "vacuum could not delete \(failures.count) file(s): "
                             + failures.prefix(5).joined(separator: "; "), table: name)
        }
        return result
    }

    private func commit(_ operation: TableOperation, after version: Int64, configuration: [String: String]) throws -> Int64 {
        var transaction = Transaction(store: table.store, paths: table.paths, readVersion: version,
                                      configuration: configuration, operation: operation)
        transaction.clock = clock
        let outcome = try transaction.commit()
        PostCommit(table: table, clock: clock).run(version: outcome.version, configuration: configuration)
        return outcome.version
    }

    /// Removes the folders (partition folders, deepest first) that deleting `paths`
    /// left empty; only a local store has folders. Returns how many went.
    private func removeEmptyFolders(of paths: [String], prefix: String) -> Int {
        guard let local = table.store as? LocalFileSystemStore else { return 0 }
        var folders = Set<String>()
        for path in paths {
            var parts = path.dropFirst(prefix.count).split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(prefix + parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        var removed = 0
        for folder in folders.sorted(by: { $0.count > $1.count }) where !Self.isHidden(String(folder.dropFirst(prefix.count)) + "/x") {
            if rmdir(local.root + "/" + folder) == 0 { removed += 1 }
        }
        return removed
    }

    /// Whether a path relative to the table root is the log's or hidden: a component
    /// starting with `_` or `.`, other than a partition folder such as `_year=2024`.
    static func isHidden(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            guard let first = part.first, first == "_" || first == "." else { continue }
            let isFolder = index < parts.count - 1
            if isFolder && first == "_" && part.contains("=") && part != "_delta_log" { continue }
            return true
        }
        return false
    }

    static func hours(_ milliseconds: Int64) -> String {
        let hours = Double(milliseconds) / 3_600_000
        return hours == hours.rounded() ? String(Int64(hours)) : String(format: "%.2f", hours)
    }
}

/// What a ``VacuumOperation`` deleted (or, in a dry run, would delete).
public struct VacuumResult: Sendable, Equatable {
    /// Paths relative to the table root.
    public var files: [String]
    public var bytes: Int64
    public var dryRun: Bool
    /// Versions of the `VACUUM START` and `VACUUM END` commits.
    public var startVersion: Int64?
    public var endVersion: Int64?
}
