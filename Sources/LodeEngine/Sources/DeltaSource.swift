import Foundation
import LodeCore
import LodeDelta
import LodeParquet
import LodePlan

/// A Delta table in a local folder, at its latest version or a past one.
///
/// ```swift
/// let orders = try DeltaSource(path: "/lake/silver/orders", version: .version(12))
/// ```
///
/// The schema is the table's at that version. A scan skips data files by their
/// partition values and min/max statistics and row groups by their Parquet
/// statistics, hands files and row groups out to its streams one at a time, reads
/// only the requested columns, and fills partition columns from the log.
public final class DeltaSource: TableSource {
    public let displayName: String
    public let schema: Schema
    public let estimatedRowCount: Int?
    /// The version read.
    public var version: Int64 { snapshot.version }
    /// The table state read: its files, schema and partition columns at ``version``.
    public let snapshot: Snapshot
    /// The table folder, absolute.
    let root: String
    let metrics = ScanMetrics()

    /// Opens the table at `path` as of `version` (the latest when `nil`).
    public convenience init(path: String, version: TableVersion?) throws {
        try self.init(path: path, version: version, displayName: path)
    }

    init(path: String, version: TableVersion?, displayName: String) throws {
        let root = Self.absolute(path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
            throw EngineError(.io, "no Delta table at \(path): the folder does not exist")
        }
        guard isFolder.boolValue, FileManager.default.fileExists(atPath: root + "/_delta_log") else {
            throw EngineError(.invalidArgument, "\(path) is not a Delta table (it has no _delta_log folder)")
        }
        let table = DeltaTable(path: root)
        snapshot = try naming(displayName) {
            switch version {
            case nil: return try table.snapshot()
            case .version(let v): return try table.snapshot(version: v)
            case .timestamp(let micros):
                return try table.snapshot(asOf: micros >= 0 ? micros / 1000 : (micros - 999) / 1000)
            }
        }
        self.root = root
        self.displayName = displayName
        self.schema = snapshot.schema
        self.estimatedRowCount = Self.estimateRows(snapshot.files)
    }

    /// Reads `snapshot`, a state of the table in the folder `path` (a staged version, or
    /// only some of its files).
    public init(snapshot: Snapshot, path: String, displayName: String) {
        self.snapshot = snapshot
        self.root = Self.absolute(path)
        self.displayName = displayName
        self.schema = snapshot.schema
        self.estimatedRowCount = Self.estimateRows(snapshot.files)
    }

    public func scan(_ request: ScanRequest) throws -> [any BatchStream] {
        let output = try request.outputSchema(of: schema, source: displayName)
        let predicate = FilterTranslation(request: request, schema: schema).predicate()
        let files = try naming(displayName) { try predicate.map { try snapshot.files(matching: $0) } ?? snapshot.files }
        let plan = DeltaReadPlan(source: self, columns: request.columns, output: output, predicate: predicate)
        let work = ScanWork<DeltaScanTask>(files.map { .file($0) }, limit: request.limit)
        let count = files.isEmpty ? 1 : max(1, request.partitions)
        return (0..<count).map { _ in DeltaScanStream(plan: plan, work: work) }
    }

    private static func absolute(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Rows by the files' `numRecords` statistics; files without them count by their
    /// size at the bytes-per-row of the others. `nil` when no file has statistics.
    static func estimateRows(_ files: [AddFile]) -> Int? {
        if files.isEmpty { return 0 }
        var rows = 0, countedBytes: Int64 = 0, uncountedBytes: Int64 = 0
        for file in files {
            if let n = file.stats.flatMap(recordCount) {
                rows += n
                countedBytes += file.size
            } else {
                uncountedBytes += file.size
            }
        }
        if uncountedBytes == 0 { return rows }
        guard rows > 0, countedBytes > 0 else { return nil }
        return rows + Int(Double(uncountedBytes) * Double(rows) / Double(countedBytes))
    }

    /// `numRecords` of a stats JSON text, found without parsing the rest.
    static func recordCount(_ stats: String) -> Int? {
        guard let key = stats.range(of: "\"numRecords\"") else { return nil }
        var rest = stats[key.upperBound...].drop { $0 == " " || $0 == ":" }
        rest = rest.prefix { $0.isNumber }
        return Int(rest)
    }
}
