import LodeCore
import LodeDelta
import LodeParquet

/// What one timed Delta workload measured.
struct DeltaMeasurement {
    /// Rows written or read by the timed part.
    var rows: Int
    /// The table's version and active file count, from a snapshot loaded after the
    /// timed part (or by it, for `delta-load`).
    var version: Int64
    var files: Int
    /// Commits made by the timed part (1 for a single write, 0 for reads).
    var commits: Int
    var timing: Timing
    var checksums: [ColumnChecksum]

    var json: String {
        let columns = checksums.map(\.json).joined(separator: ", ")
        return "{\"rows\": \(rows), \"version\": \(version), \"files\": \(files), \"commits\": \(commits), "
            + "\"seconds\": \(timing.seconds), \"cpu_seconds\": \(timing.cpuSeconds), "
            + "\"peak_kib_before_timing\": \(timing.peakKiBBefore), \"peak_kib\": \(timing.peakKiB), "
            + "\"checksums\": [\(columns)]}"
    }
}

/// The Delta workloads, each timed in-process so that start-up is not counted:
///
///     lode-bench delta-append <input.parquet> <table> <rows-per-append>
///     lode-bench delta-write <input.parquet> <table> <partition-column>
///     lode-bench delta-read <table>
///     lode-bench delta-load <table>
enum DeltaWorkload {
    static let usage = """
        lode-bench delta-append <input.parquet> <table> <rows-per-append>
               lode-bench delta-write <input.parquet> <table> <partition-column>
               lode-bench delta-read <table>
               lode-bench delta-load <table>
        """

    /// Runs the workload `arguments` names and returns its JSON line, or `nil` when
    /// the arguments name none.
    static func run(_ arguments: [String]) throws -> String? {
        switch arguments.first {
        case "delta-append" where arguments.count == 4:
            guard let rows = Int(arguments[3]), rows > 0 else { return nil }
            return try appends(input: arguments[1], table: arguments[2], rowsPerAppend: rows).json
        case "delta-write" where arguments.count == 4:
            return try write(input: arguments[1], table: arguments[2], partitionColumn: arguments[3]).json
        case "delta-read" where arguments.count == 2:
            return try read(table: arguments[1]).json
        case "delta-load" where arguments.count == 2:
            return try load(table: arguments[1]).json
        default:
            return nil
        }
    }

    /// Loads the input untimed and times appending it to `table`, `rowsPerAppend`
    /// rows per commit, each a separate `WriteOperation` with default options
    /// (so a checkpoint every 100 commits).
    static func appends(input: String, table path: String, rowsPerAppend: Int) throws -> DeltaMeasurement {
        let (schema, batches) = try readParquet(input)
        var slices: [RecordBatch] = []
        for batch in batches {
            for start in stride(from: 0, to: batch.count, by: rowsPerAppend) {
                slices.append(batch.slice(start..<min(batch.count, start + rowsPerAppend)))
            }
        }
        let table = DeltaTable(path: path)
        let (_, timing) = try Timing.of { try append(slices, to: table) }
        let snapshot = try table.snapshot()
        return DeltaMeasurement(rows: slices.reduce(0) { $0 + $1.count }, version: snapshot.version,
                                files: snapshot.files.count, commits: slices.count, timing: timing,
                                checksums: ColumnChecksum.of(batches, schema: schema))
    }

    /// The timed part of ``appends(input:table:rowsPerAppend:)``.
    @inline(never)
    static func append(_ slices: [RecordBatch], to table: DeltaTable) throws {
        for slice in slices { try WriteOperation(table: table).withMode(.append).execute([slice]) }
    }

    /// Loads the input untimed and times writing it as a new table partitioned by
    /// `partitionColumn`, in one commit, default options (snappy).
    static func write(input: String, table path: String, partitionColumn: String) throws -> DeltaMeasurement {
        let (schema, batches) = try readParquet(input)
        let table = DeltaTable(path: path)
        let (result, timing) = try Timing.of { try write(batches, to: table, partitionColumn: partitionColumn) }
        let snapshot = try table.snapshot()
        return DeltaMeasurement(rows: result.rows, version: snapshot.version, files: snapshot.files.count,
                                commits: 1, timing: timing, checksums: ColumnChecksum.of(batches, schema: schema))
    }

    /// The timed part of ``write(input:table:partitionColumn:)``.
    @inline(never)
    static func write(_ batches: [RecordBatch], to table: DeltaTable, partitionColumn: String) throws -> WriteResult {
        try WriteOperation(table: table).withMode(.append).withPartitionColumns([partitionColumn]).execute(batches)
    }

    /// Times loading the latest snapshot and reading every column of every row into memory.
    static func read(table path: String) throws -> DeltaMeasurement {
        let ((snapshot, schema, batches), timing) = try Timing.of { try read(DeltaTable(path: path)) }
        return DeltaMeasurement(rows: batches.reduce(0) { $0 + $1.count }, version: snapshot.version,
                                files: snapshot.files.count, commits: 0, timing: timing,
                                checksums: ColumnChecksum.of(batches, schema: schema))
    }

    /// The timed part of ``read(table:)``.
    @inline(never)
    static func read(_ table: DeltaTable) throws -> (Snapshot, Schema, [RecordBatch]) {
        let snapshot = try table.snapshot()
        var scan = try snapshot.scan()
        return (snapshot, scan.schema, try scan.collect())
    }

    /// Times loading the latest snapshot: listing the log, reading the last
    /// checkpoint and the commits after it, and replaying them into the file list.
    static func load(table path: String) throws -> DeltaMeasurement {
        let (snapshot, timing) = try Timing.of { try load(DeltaTable(path: path)) }
        return DeltaMeasurement(rows: 0, version: snapshot.version, files: snapshot.files.count, commits: 0,
                                timing: timing, checksums: [])
    }

    /// The timed part of ``load(table:)``.
    @inline(never)
    static func load(_ table: DeltaTable) throws -> Snapshot { try table.snapshot() }

    static func readParquet(_ path: String) throws -> (Schema, [RecordBatch]) {
        let reader = try ParquetReader(path: path)
        return (reader.schema, try (0..<reader.rowGroupCount).map { try reader.readRowGroup($0) })
    }
}
