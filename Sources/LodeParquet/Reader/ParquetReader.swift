import LodeCore

/// Reads a Parquet file into ``RecordBatch``es, one per row group.
///
/// ```swift
/// let reader = try ParquetReader(path: "events.parquet")
/// for index in reader.rowGroupsMatching(.compare(column: "day", .greaterOrEqual, .date(19_700))) {
///     let batch = try reader.readRowGroup(index, columns: [0, 2])
/// }
/// ```
///
/// Opening reads and checks the footer and resolves the schema; reading a row
/// group reads only the selected columns' chunks (one read each) and decodes them
/// in parallel. Columns are selected by top-level field: a nested column is read
/// whole. Every problem with the file throws ``ParquetError`` naming the file and,
/// where known, the row group and column.
///
/// How Parquet types read (logical type first, else the legacy converted type):
/// - STRING/UTF8/ENUM/JSON → `string` (bytes kept as stored: invalid UTF-8 is not
///   checked or repaired); other BYTE_ARRAY, BSON, UUID, INTERVAL and plain
///   FIXED_LEN_BYTE_ARRAY → `binary`.
/// - INT(8/16/32/64, signed) → `int8`…`int64`; UINT8 → `int16`, UINT16 → `int32`,
///   UINT32 → `int64`, UINT64 → `int64` (a value above `Int64.max` throws).
/// - DECIMAL on INT32, INT64, FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY → `decimal(p, s)`;
///   precision above 38 throws `unsupported`.
/// - DATE → `date`; TIMESTAMP(unit, utc) and TIMESTAMP_MILLIS/MICROS →
///   `timestamp(unit, utc:)`; INT96 → `timestamp(.microsecond, utc: true)`, as Spark
///   and DuckDB read it (nanoseconds truncated), which also keeps dates far from 1970.
/// - TIME → `int64` microseconds since midnight; FLOAT16 → `float32`.
/// - UNKNOWN (always null) → the type of its physical type alone, every slot null.
/// - Groups → `struct`; LIST (3-level, and the legacy 2- and 1-level forms) →
///   `list` with an `element` field; MAP/MAP_KEY_VALUE → `map` with `key` and `value`.
public final class ParquetReader: Sendable {
    /// Name used in error messages (the path for files).
    public let name: String
    public let metadata: FileMetaData
    /// The Lode schema of the file's top-level columns.
    public let schema: Schema

    let input: any ParquetInput
    let shapes: [ColumnShape]
    let leaves: [LeafDescriptor]
    /// Where the footer starts: column chunks must end before it.
    let dataEnd: Int

    public convenience init(path: String) throws {
        try self.init(input: try ParquetFileInput(path: path), name: path)
    }

    public init(input: any ParquetInput, name: String) throws {
        self.name = name
        self.input = input
        do {
            let (metadata, footerStart) = try Self.readFooter(input)
            guard !metadata.isEncrypted else {
                throw ParquetError(.unsupported, "encrypted Parquet files are not supported")
            }
            let root = try SchemaNode.tree(metadata.schema)
            var shapes: [ColumnShape] = []
            var fields: [Field] = []
            for node in root.children {
                let (shape, field) = try ColumnShape.topLevel(node)
                shapes.append(shape)
                fields.append(field)
            }
            self.metadata = metadata
            self.schema = Schema(fields)
            self.shapes = shapes
            self.leaves = shapes.flatMap(\.leafDescriptors)
            self.dataEnd = footerStart
        } catch {
            throw ParquetReader.wrap(error).with(file: name)
        }
    }

    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// Number of rows in row group `index`.
    public func rowCount(ofRowGroup index: Int) -> Int { Int(metadata.rowGroups[index].numRows) }

    /// Largest footer Lode reads.
    static let maxFooterLength = 1 << 30

    private static func readFooter(_ input: any ParquetInput) throws -> (FileMetaData, Int) {
        let size = input.size
        guard size >= 12 else { throw ParquetError(.notParquet, "file of \(size) bytes is too short") }
        let tail = try input.read(offset: size - 8, length: 8)
        let magic = Array(tail[4..<8])
        if magic == Array("PARE".utf8) {
            throw ParquetError(.unsupported, "encrypted Parquet files (PARE footer) are not supported")
        }
        guard magic == Array("PAR1".utf8) else { throw ParquetError(.notParquet, "no PAR1 magic at the end of the file") }
        let length = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard length <= size - 12, length <= maxFooterLength else {
            throw ParquetError(.corruptMetadata, "footer length \(length) exceeds the \(size)-byte file")
        }
        guard try input.read(offset: 0, length: 4) == Array("PAR1".utf8) else {
            throw ParquetError(.notParquet, "no PAR1 magic at the start of the file")
        }
        let footerStart = size - 8 - length
        let footer = try input.read(offset: footerStart, length: length)
        let metadata = try footer.withUnsafeBytes { try FileMetaData(thrift: $0) }
        return (metadata, footerStart)
    }

    /// Any error as a ``ParquetError``.
    static func wrap(_ error: any Error) -> ParquetError {
        if let error = error as? ParquetError { return error }
        if let error = error as? CoreError { return ParquetError(.corruptData, error.description) }
        return ParquetError(.io, "\(error)")
    }
}
