import LodeCore
import LodeParquet
import LodeStorage

/// Reads a snapshot's data as record batches: one batch per row group of every data
/// file that survives partition pruning and statistics skipping.
///
/// Batches have the table schema's columns (or the selected ones, in table order),
/// partition columns filled from the log's partition values. The predicate only
/// skips files and row groups; rows are not filtered, so a batch may hold rows that
/// fail it.
public struct DeltaScan {
    /// The schema of every batch.
    public let schema: Schema
    /// The data files to read, after skipping.
    public let files: [AddFile]
    let snapshot: Snapshot
    let predicate: ParquetPredicate?
    private var fileIndex = 0
    private var current: (reader: ParquetReader, file: AddFile, groups: ArraySlice<Int>)?

    init(snapshot: Snapshot, schema: Schema, files: [AddFile], predicate: ParquetPredicate?) {
        self.snapshot = snapshot
        self.schema = schema
        self.files = files
        self.predicate = predicate
    }

    /// The next batch, or `nil` after the last.
    public mutating func next() throws -> RecordBatch? {
        while true {
            if var open = current, let group = open.groups.popFirst() {
                current = open
                return try batch(open.reader, open.file, group: group)
            }
            current = nil
            guard fileIndex < files.count else { return nil }
            let file = files[fileIndex]
            fileIndex += 1
            let reader = try open(file)
            let groups = predicate.map { reader.rowGroupsMatching($0) } ?? Array(0..<reader.rowGroupCount)
            current = (reader, file, groups[...])
        }
    }

    /// Every remaining batch.
    public mutating func collect() throws -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while let batch = try next() { batches.append(batch) }
        return batches
    }

    private func open(_ file: AddFile) throws -> ParquetReader {
        let paths = snapshot.paths
        guard let path = paths.dataFile(file.path) else {
            throw DeltaError(.invalidArgument, "data file \(file.path) lies outside the table", table: paths.displayName,
                             version: snapshot.version)
        }
        do {
            let size = file.size > 0 ? Int(file.size) : try snapshot.store.head(path).size
            return try ParquetReader(input: StoreParquetInput(store: snapshot.store, path: path, size: size), name: path)
        } catch let error as ParquetError {
            throw DeltaError(.io, "cannot read data file \(path): \(error)", table: paths.displayName, version: snapshot.version)
        } catch {
            throw DeltaError(.io, "cannot read data file \(path): \(error)", table: paths.displayName, version: snapshot.version)
        }
    }

    private func batch(_ reader: ParquetReader, _ file: AddFile, group: Int) throws -> RecordBatch {
        let fileFields = reader.schema.fields
        var wanted: [Int] = []
        var sourceColumn: [Int?] = []
        for field in schema.fields where !snapshot.isPartitionColumn(field.name) {
            let index = fileFields.firstIndex { $0.name == field.name }
                ?? fileFields.firstIndex { $0.name.lowercased() == field.name.lowercased() }
            if let index {
                sourceColumn.append(wanted.count)
                wanted.append(index)
            } else {
                sourceColumn.append(nil)
            }
        }
        let read: RecordBatch
        do {
            read = try reader.readRowGroup(group, columns: wanted)
        } catch {
            throw DeltaError(.io, "cannot read data file \(reader.name): \(error)", table: snapshot.paths.displayName,
                             version: snapshot.version)
        }
        let rows = reader.rowCount(ofRowGroup: group)
        var columns: [any ColumnArray] = []
        columns.reserveCapacity(schema.count)
        var dataIndex = 0
        for field in schema.fields {
            if snapshot.isPartitionColumn(field.name) {
                let text = snapshot.partitionText(file, column: field.name)
                let value = try PartitionValue.parse(text, as: field.type, column: field.name)
                columns.append(try ColumnConformance.constant(value, type: field.type, count: rows))
                continue
            }
            if let source = sourceColumn[dataIndex] {
                columns.append(try ColumnConformance.conform(read.columns[source], to: field.type, column: field.name))
            } else {
                columns.append(try ColumnConformance.nulls(field.type, count: rows))
            }
            dataIndex += 1
        }
        do {
            return try RecordBatch(schema: schema, columns: columns)
        } catch {
            throw DeltaError(.invalidArgument, "data file \(reader.name): \(error)", table: snapshot.paths.displayName,
                             version: snapshot.version)
        }
    }
}

extension Snapshot {
    /// A scan of the table's data: the named columns (all when `nil`) in table order,
    /// reading only the files (and row groups) that `predicate` does not rule out.
    public func scan(columns: [String]? = nil, predicate: ParquetPredicate? = nil) throws -> DeltaScan {
        var fields = schema.fields
        if let columns {
            var keep = Set<Int>()
            for name in columns {
                guard let index = schema.index(of: name) else {
                    throw DeltaError(.invalidArgument, "the table has no column '\(name)'", table: paths.displayName, version: version)
                }
                keep.insert(index)
            }
            fields = schema.fields.indices.filter(keep.contains).map { schema.fields[$0] }
        }
        let files = try predicate.map { try self.files(matching: $0) } ?? self.files
        return DeltaScan(snapshot: self, schema: Schema(fields, metadata: schema.metadata), files: files, predicate: predicate)
    }

    /// Whether `name` is a partition column.
    func isPartitionColumn(_ name: String) -> Bool {
        metadata.partitionColumns.contains(name) || metadata.partitionColumns.contains { $0.lowercased() == name.lowercased() }
    }

    /// The log text of `file`'s value for partition column `column`.
    func partitionText(_ file: AddFile, column: String) -> String? {
        if let value = file.partitionValues[column] { return value }
        let lowered = column.lowercased()
        return file.partitionValues.first { $0.key.lowercased() == lowered }?.value ?? nil
    }
}
