import LodeCore
import LodeDelta
import LodeParquet

/// A unit of Delta scan work: a data file not yet opened, or a row group of an open one.
enum DeltaScanTask {
    case file(AddFile)
    case rowGroup(DeltaDataFile, Int)
}

/// What every stream of one Delta scan reads: the requested columns and the
/// predicate for row group pruning.
struct DeltaReadPlan {
    let source: DeltaSource
    /// Requested indices into the table schema.
    let columns: [Int]
    let output: Schema
    let predicate: ParquetPredicate?

    /// Opens a data file and works out where each requested column comes from.
    func open(_ file: AddFile) throws -> DeltaDataFile {
        let snapshot = source.snapshot
        guard let relative = snapshot.paths.dataFile(file.path) else {
            throw EngineError(.badData, "\(source.displayName): data file \(file.path) lies outside the table")
        }
        let path = source.root + "/" + relative
        let reader = try naming(path) { try ParquetReader(path: path) }
        source.metrics.fileOpened()
        let partitions = snapshot.partitionColumns
        var read: [Int] = []
        var origins: [DeltaDataFile.Origin] = []
        for column in columns {
            let field = source.schema.fields[column]
            if let name = partitions.first(where: { $0 == field.name }) ?? partitions.first(where: { $0.lowercased() == field.name.lowercased() }) {
                let text = file.partitionValues[name] ?? file.partitionValues.first { $0.key.lowercased() == name.lowercased() }?.value ?? nil
                let value = try naming(source.displayName) { try PartitionValue.parse(text, as: field.type, column: name) }
                origins.append(.constant(value))
            } else if let index = reader.schema.fields.firstIndex(where: { $0.name == field.name })
                        ?? reader.schema.fields.firstIndex(where: { $0.name.lowercased() == field.name.lowercased() }) {
                origins.append(.data(read.count, conform: reader.schema.fields[index].type != field.type))
                read.append(index)
            } else {
                origins.append(.constant(.null))
            }
        }
        return DeltaDataFile(reader: reader, read: read, origins: origins)
    }
}

/// An open data file of a Delta scan.
final class DeltaDataFile: Sendable {
    enum Origin: Sendable {
        /// Column `index` of the file columns read, conformed to the table type when `conform`.
        case data(Int, conform: Bool)
        /// A partition value, or null for a column the file lacks.
        case constant(Value)
    }

    let reader: ParquetReader
    /// Top-level file columns to read.
    let read: [Int]
    /// Where each requested column comes from.
    let origins: [Origin]

    init(reader: ParquetReader, read: [Int], origins: [Origin]) {
        self.reader = reader
        self.read = read
        self.origins = origins
    }
}

/// One stream of a ``DeltaSource`` scan.
final class DeltaScanStream: BatchStream {
    private let plan: DeltaReadPlan
    private let work: ScanWork<DeltaScanTask>

    init(plan: DeltaReadPlan, work: ScanWork<DeltaScanTask>) {
        self.plan = plan
        self.work = work
    }

    var schema: Schema { plan.output }

    func next() throws -> RecordBatch? {
        while let task = work.next() {
            let file: DeltaDataFile, group: Int
            switch task {
            case .file(let add):
                file = try plan.open(add)
                let groups = plan.predicate.map { file.reader.rowGroupsMatching($0) } ?? Array(0..<file.reader.rowGroupCount)
                guard let first = groups.first else { continue }
                work.pushFront(groups.dropFirst().map { DeltaScanTask.rowGroup(file, $0) })
                group = first
            case .rowGroup(let open, let index):
                file = open
                group = index
            }
            let rows = file.reader.rowCount(ofRowGroup: group)
            guard rows > 0 else { continue }
            let granted = work.claim(rows)
            guard granted > 0 else { return nil }
            let batch = try read(file, group: group, rows: rows)
            return granted < rows ? batch.slice(0..<granted) : batch
        }
        return nil
    }

    private func read(_ file: DeltaDataFile, group: Int, rows: Int) throws -> RecordBatch {
        let reader = file.reader
        let data = file.read.isEmpty ? nil : try naming(reader.name) { try reader.readRowGroup(group, columns: file.read) }
        plan.source.metrics.rowGroupRead()
        var columns: [any ColumnArray] = []
        columns.reserveCapacity(file.origins.count)
        for (origin, field) in zip(file.origins, plan.output.fields) {
            switch origin {
            case .constant(let value):
                columns.append(try ColumnConformance.constant(value, type: field.type, count: rows))
            case .data(let index, let conform):
                guard let data else { continue }
                let column = data.columns[index]
                columns.append(conform ? try naming(reader.name) {
                    try ColumnConformance.conform(column, to: field.type, column: field.name)
                } : column)
            }
        }
        return try naming(reader.name) { try RecordBatch(schema: plan.output, columns: columns) }
    }
}
