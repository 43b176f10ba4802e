import Dispatch
import LodeCore

/// Writes a Parquet file from record batches.
///
/// Writing streams: rows are encoded into compressed pages as batches arrive, each
/// row group is written out as soon as it is full, and only the footer waits for
/// ``close()``. Memory stays at about one row group's compressed pages whatever the
/// file size. The leaf columns of a row group are encoded in parallel.
///
/// ```swift
/// let writer = try ParquetWriter(path: "part-0.parquet.tmp", schema: schema)
/// for batch in batches { try writer.write(batch) }
/// let footer = try writer.close()
/// // rename part-0.parquet.tmp to part-0.parquet: only now is the file complete
/// ```
///
/// The file is incomplete until ``close()`` returns; publishing it atomically (write
/// under a temporary name, rename afterwards) is the caller's concern. A batch that
/// does not match the schema is refused before any of it is written, and the writer
/// goes on; after an error during encoding or I/O the writer is unusable and the file
/// must be discarded. A writer is used from one thread at a time.
public final class ParquetWriter {
    public let schema: Schema
    public let options: ParquetWriteOptions

    private var sink: any ParquetSink
    private let fileSink: ParquetFileSink?
    private let fileName: String?
    private let writeSchema: WriteSchema
    private let columnWriters: [ColumnChunkWriter]
    private var rowGroups: [RowGroup] = []
    private var rowsInGroup = 0
    private var totalRows = 0
    private var state = State.open

    private enum State { case open, closed, failed }

    /// Most and fewest rows encoded between two checks of the row group's size.
    private static let rowsPerSlice = 65_536
    private static let minimumSliceRows = 16
    /// Uncompressed bytes per row of the last row group written.
    private var lastBytesPerRow: Int?

    /// Creates (or truncates) the file at `path` and writes its header.
    public convenience init(path: String, schema: Schema, options: ParquetWriteOptions = .init()) throws {
        let sink = try ParquetFileSink(path: path)
        try self.init(sink: sink, fileSink: sink, fileName: path, schema: schema, options: options)
    }

    /// Writes the file to `sink`, starting with its header. ``close()`` flushes the sink
    /// but leaves closing it (a ``ParquetFileSink``, say) to the caller.
    public convenience init(sink: any ParquetSink, schema: Schema, options: ParquetWriteOptions = .init()) throws {
        try self.init(sink: sink, fileSink: nil, fileName: nil, schema: schema, options: options)
    }

    private init(sink: any ParquetSink, fileSink: ParquetFileSink?, fileName: String?, schema: Schema,
                 options: ParquetWriteOptions) throws {
        self.sink = sink
        self.fileSink = fileSink
        self.fileName = fileName
        self.schema = schema
        self.options = options
        do {
            try options.validate()
            // Fails early, before any data, on a codec or level that is not available.
            _ = try Codec.compress(options.compression, UnsafeRawBufferPointer(start: nil, count: 0),
                                   level: options.compressionLevel)
            writeSchema = try WriteSchema(schema)
            columnWriters = try writeSchema.leaves.map { try ColumnChunkWriter(leaf: $0, options: options) }
            try ParquetWriter.magic.withUnsafeBytes { try self.sink.write($0) }
        } catch let error as ParquetError {
            throw error.with(file: fileName)
        }
    }

    private static let magic: [UInt8] = Array("PAR1".utf8)

    /// Rows accepted so far.
    public var rowCount: Int { totalRows }

    /// Bytes written to the sink so far; after ``close()``, the file's size.
    public var bytesWritten: Int { sink.position }

    /// Appends the rows of `batch`, whose columns must match the writer's schema in
    /// name, type and nullability.
    public func write(_ batch: RecordBatch) throws {
        try requireOpen()
        do {
            try check(batch)
        } catch let error as ParquetError {
            throw error.with(file: fileName)
        }
        do {
            var start = 0
            while start < batch.count {
                let rows = min(batch.count - start, options.maxRowGroupRows - rowsInGroup, sliceRows())
                try encode(batch, rows: start..<(start + rows))
                rowsInGroup += rows
                totalRows += rows
                start += rows
                if rowsInGroup >= options.maxRowGroupRows || bufferedBytes >= options.maxRowGroupBytes {
                    try flushRowGroup()
                }
            }
        } catch {
            state = .failed
            throw (error as? ParquetError)?.with(file: fileName, rowGroup: rowGroups.count) ?? error
        }
    }

    /// Writes the last row group and the footer, flushes and closes the file, and
    /// returns the footer.
    @discardableResult
    public func close() throws -> FileMetaData {
        try requireOpen()
        do {
            try flushRowGroup()
            var metaData = FileMetaData(version: 2, schema: writeSchema.elements, numRows: Int64(totalRows),
                                        rowGroups: rowGroups)
            metaData.createdBy = options.createdBy
            if !options.keyValueMetadata.isEmpty {
                metaData.keyValueMetadata = options.keyValueMetadata.sorted { $0.key < $1.key }
                    .map { KeyValue(key: $0.key, value: $0.value) }
            }
            metaData.columnOrders = Array(repeating: .typeDefinedOrder, count: writeSchema.leaves.count)
            var footer = metaData.thriftEncoded()
            let length = UInt32(truncatingIfNeeded: footer.count)
            footer.append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: length >> UInt32(8 * $0)) })
            footer.append(contentsOf: ParquetWriter.magic)
            try footer.withUnsafeBytes { try sink.write($0) }
            try sink.flush()
            try fileSink?.close()
            state = .closed
            return metaData
        } catch {
            state = .failed
            throw (error as? ParquetError)?.with(file: fileName) ?? error
        }
    }

    private func requireOpen() throws {
        switch state {
        case .open: return
        case .closed: throw ParquetError(.invalidArgument, "the writer is already closed", file: fileName)
        case .failed: throw ParquetError(.invalidArgument, "the writer failed earlier; the file is incomplete", file: fileName)
        }
    }

    private var bufferedBytes: Int { columnWriters.reduce(0) { $0 + $1.bufferedBytes } }

    /// Rows to encode before the row group's size is checked again: fewer as it nears
    /// its byte limit, judged by the bytes per row seen so far in this or the last group.
    private func sliceRows() -> Int {
        let buffered = bufferedBytes
        let perRow: Int
        if rowsInGroup > 0 {
            perRow = max(1, buffered / rowsInGroup)
        } else if let last = lastBytesPerRow {
            perRow = last
        } else {
            return ParquetWriter.minimumSliceRows
        }
        let remaining = max(0, options.maxRowGroupBytes - buffered)
        return max(ParquetWriter.minimumSliceRows, min(ParquetWriter.rowsPerSlice, remaining / perRow + 1))
    }

    /// Checks that `batch` matches the schema, before any of it is encoded.
    private func check(_ batch: RecordBatch) throws {
        guard batch.columns.count == schema.fields.count else {
            throw ParquetError(.invalidArgument,
                               "the batch has \(batch.columns.count) columns, the file \(schema.fields.count)")
        }
        for (index, field) in schema.fields.enumerated() {
            let given = batch.schema.fields[index]
            let column = batch.columns[index]
            guard given.name == field.name else {
                throw ParquetError(.invalidArgument, "batch column \(index) is named '\(given.name)'", column: field.name)
            }
            guard sameShape(column.dataType, field.type) else {
                throw ParquetError(.invalidArgument, "the batch's column holds \(column.dataType), the file's \(field.type)",
                                   column: field.name)
            }
            if !field.nullable && column.nullCount > 0 {
                throw ParquetError(.invalidArgument, "the column is not nullable but the batch holds \(column.nullCount) nulls",
                                   column: field.name)
            }
        }
    }

    /// Encodes `rows` of every leaf column, the leaves in parallel.
    private func encode(_ batch: RecordBatch, rows: Range<Int>) throws {
        let columns = batch.columns
        let writers = columnWriters
        if writers.count == 1 || rows.count < 4 * ColumnChunkWriter.rowsPerStep {
            for writer in writers { try writer.write(columns[writer.leaf.fieldIndex], rows: rows) }
            return
        }
        try forEachInParallel(writers) { writer in try writer.write(columns[writer.leaf.fieldIndex], rows: rows) }
    }

    /// Finishes the row group's column chunks (in parallel) and writes them in order.
    private func flushRowGroup() throws {
        guard rowsInGroup > 0 else { return }
        lastBytesPerRow = max(1, bufferedBytes / rowsInGroup)
        try forEachInParallel(columnWriters) { try $0.finish() }
        let start = sink.position
        var chunks: [ColumnChunk] = []
        var uncompressed: Int64 = 0, compressed: Int64 = 0
        for writer in columnWriters {
            let chunk = try writer.writeChunk(to: &sink)
            uncompressed += chunk.metaData?.totalUncompressedSize ?? 0
            compressed += chunk.metaData?.totalCompressedSize ?? 0
            chunks.append(chunk)
        }
        var group = RowGroup(columns: chunks, totalByteSize: uncompressed, numRows: Int64(rowsInGroup))
        group.fileOffset = Int64(start)
        group.totalCompressedSize = compressed
        group.ordinal = Int16(exactly: rowGroups.count)
        rowGroups.append(group)
        rowsInGroup = 0
    }

    private func forEachInParallel(_ writers: [ColumnChunkWriter], _ body: (ColumnChunkWriter) throws -> Void) throws {
        var errors = [(any Error)?](repeating: nil, count: writers.count)
        errors.withUnsafeMutableBufferPointer { errors in
            DispatchQueue.concurrentPerform(iterations: writers.count) { i in
                do { try body(writers[i]) } catch { errors[i] = error }
            }
        }
        if let error = errors.lazy.compactMap({ $0 }).first { throw error }
    }
}

/// Whether two types have the same structure, field names and nullability, ignoring
/// field metadata.
private func sameShape(_ a: DataType, _ b: DataType) -> Bool {
    func sameField(_ x: Field, _ y: Field) -> Bool {
        x.name == y.name && x.nullable == y.nullable && sameShape(x.type, y.type)
    }
    switch (a, b) {
    case (.struct(let x), .struct(let y)): return x.count == y.count && zip(x, y).allSatisfy(sameField)
    case (.list(let x), .list(let y)): return sameField(x, y)
    case (.map(let k1, let v1), .map(let k2, let v2)): return sameField(k1, k2) && sameField(v1, v2)
    default: return a == b
    }
}
