import LodeCore
import LodeDelta
import LodePlan

/// A Delta snapshot's rows with two extra columns that identify each row: the index
/// of its data file in ``files`` (`__lode_file`, INT) and its position in that file
/// (`__lode_row`, BIGINT). DML statements read their target through it to know which
/// rows of which files they change.
final class DeltaRowSource: TableSource, @unchecked Sendable {
    static let fileColumn = "__lode_file"
    static let rowColumn = "__lode_row"

    let snapshot: Snapshot
    let displayName: String
    let schema: Schema
    /// The files read, in the order ``fileColumn`` numbers them.
    let files: [AddFile]

    init(snapshot: Snapshot, name: String) {
        self.snapshot = snapshot
        self.displayName = name
        self.files = snapshot.files
        self.schema = Schema(snapshot.schema.fields + [Field(Self.fileColumn, .int32, nullable: false),
                                                       Field(Self.rowColumn, .int64, nullable: false)])
    }

    var estimatedRowCount: Int? {
        let counts = files.map { file in file.stats.flatMap { try? FileStatistics(json: $0, schema: snapshot.schema).numRecords } ?? nil }
        return counts.contains(nil) ? nil : counts.reduce(0) { $0 + Int($1 ?? 0) }
    }

    /// Reads the files that may hold rows passing the request's filters (judged from
    /// partition values and statistics), spread over the requested streams.
    func scan(_ request: ScanRequest) throws -> [any BatchStream] {
        let candidates = try candidateFiles(request)
        let streams = max(1, min(request.partitions, candidates.count))
        let output = schema.project(request.columns)
        return (0..<streams).map { stream in
            let mine = stride(from: stream, to: candidates.count, by: streams).map { candidates[$0] }
            return RowIDStream(source: self, fileIndices: mine, columns: request.columns, schema: output)
        }
    }

    /// Indices into ``files`` of the files a scan must read: all without usable filters.
    private func candidateFiles(_ request: ScanRequest) throws -> [Int] {
        let tableColumns = snapshot.schema.count
        let kept = zip(request.columns, request.columnIDs).filter { $0.0 < tableColumns }
        let narrowed = ScanRequest(columns: kept.map(\.0), columnIDs: kept.map(\.1), filters: request.filters)
        guard let predicate = FilterTranslation(request: narrowed, schema: snapshot.schema).predicate() else {
            return Array(files.indices)
        }
        let matching = Set(try snapshot.files(matching: predicate).map(\.path))
        return files.indices.filter { matching.contains(files[$0].path) }
    }
}

/// Reads some files of a ``DeltaRowSource`` one after another, adding the row ids.
final class RowIDStream: BatchStream {
    let schema: Schema
    private let source: DeltaRowSource
    private var pending: ArraySlice<Int>
    private let columns: [Int]
    private var current: (scan: DeltaScan, file: Int32, nextRow: Int64)?

    init(source: DeltaRowSource, fileIndices: [Int], columns: [Int], schema: Schema) {
        self.source = source
        self.pending = fileIndices[...]
        self.columns = columns
        self.schema = schema
    }

    func next() throws -> RecordBatch? {
        while true {
            if var open = current {
                if let batch = try open.scan.next() {
                    let rows = PrimitiveArray<Int64>(.int64, storage: (0..<Int64(batch.count)).map { open.nextRow + $0 })
                    let file = PrimitiveArray<Int32>(.int32, storage: Array(repeating: open.file, count: batch.count))
                    open.nextRow += Int64(batch.count)
                    current = open
                    let all = batch.columns + [file, rows]
                    return try RecordBatch(schema: schema, columns: columns.map { all[$0] })
                }
                current = nil
            }
            guard let index = pending.popFirst() else { return nil }
            current = (source.snapshot.scan(files: [source.files[index]]), Int32(index), 0)
        }
    }
}
