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
/// Type mapping: see ``LeafDescriptor/resolveType(_:)`` — notably INT96 reads as
/// `timestamp(.microsecond, utc: true)`, unsigned integers widen to the next signed
/// type, and strings keep their bytes as stored (invalid UTF-8 is not checked).
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
