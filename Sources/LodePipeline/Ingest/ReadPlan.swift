import LodeCore
import LodeEngine
import LodeFormats

/// How one source file is read: the schema it is read into and the contract checks after.
struct ReadPlan {
    var format: FileFormat
    var options: TableFileReadOptions
    /// Columns that must not be null.
    var notNull: [String]
    /// Columns to drop after reading (extra columns under `extra_columns: drop`).
    var dropped: Set<String>

    init(source: SourceConfig, path: String) throws {
        switch source.format {
        case .csv: format = .csv
        case .ndjson, .json: format = .ndjson
        case .parquet: format = .parquet
        }
        options = TableFileReadOptions()
        options.onBadRow = .collect
        if let delimiter = source.delimiter { options.csv.delimiter = delimiter }
        if let header = source.header { options.csv.hasHeader = header }
        if let null = source.nullText { options.csv.nullValues = [null] }
        notNull = []
        dropped = []
        guard format != .parquet || source.contract != nil else { return }
        let found = try openTableFile(path, format: format, options: options).schema
        var fields: [Field] = found.fields.map { field in
            // Text formats keep what they received: every column as text unless a contract types it.
            format == .parquet ? field : Field(field.name, format == .csv ? .string : field.type)
        }
        if let contract = source.contract {
            let names = Set(found.names.map { $0.lowercased() })
            let missing = contract.columns.filter { !names.contains($0.name.lowercased()) }.map(\.name)
            if !missing.isEmpty {
                throw FileRejection(reason: "missing contract column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
            }
            let listed = Set(contract.columns.map { $0.name.lowercased() })
            let extra = found.names.filter { !listed.contains($0.lowercased()) }
            if !extra.isEmpty, contract.extraColumns == .fail {
                throw FileRejection(reason: "column\(extra.count == 1 ? "" : "s") \(extra.joined(separator: ", ")) not in the contract")
            }
            if contract.extraColumns == .drop { dropped = Set(extra) }
            for (i, field) in fields.enumerated() {
                guard let column = contract.columns.first(where: { $0.name.lowercased() == field.name.lowercased() }) else { continue }
                let type: DataType
                do { type = try parseDataType(column.type) } catch {
                    throw PipelineError(.config, "source \(source.name): contract column \(column.name) has an unknown type \(column.type)")
                }
                fields[i] = Field(field.name, type)
                if !column.nullable { notNull.append(field.name) }
            }
        }
        if format != .parquet { options.schema = Schema(fields) }
    }

    /// Drops forbidden columns and moves rows with nulls in NOT NULL columns to quarantine entries.
    func enforce(_ batch: RecordBatch, file: String) throws -> (RecordBatch, [QuarantineColumns.Entry]) {
        var batch = batch
        if !dropped.isEmpty {
            batch = batch.project(batch.schema.names.indices.filter { !dropped.contains(batch.schema.names[$0]) })
        }
        guard !notNull.isEmpty else { return (batch, []) }
        var keep: [Int] = []
        var entries: [QuarantineColumns.Entry] = []
        let checked = notNull.compactMap { name in batch.schema.index(of: name).map { (name, batch.columns[$0]) } }
        for row in 0..<batch.count {
            if let (name, _) = checked.first(where: { $0.1.isNull(row) }) {
                entries.append(.init(file: file, line: nil, column: name, reason: "column \(name) is null but the contract says NOT NULL",
                                     raw: batch.row(row).map(\.description).joined(separator: ",")))
            } else {
                keep.append(row)
            }
        }
        return (keep.count == batch.count ? batch : batch.take(keep), entries)
    }
}
