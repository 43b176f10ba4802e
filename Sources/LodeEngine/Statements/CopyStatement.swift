import LodeCore
import LodeDelta
import LodeFormats
import LodeSQL

extension Session {
    /// `COPY (query) TO 'file' (FORMAT csv|json|parquet, HEADER, DELIMITER ',')`, also
    /// `COPY layer.t [(columns)] TO 'file'`, and `COPY layer.t FROM 'file'` (an append of
    /// the file's rows, matched to the table's columns by name). The format defaults to
    /// the file's extension; JSON is written one object per line. Returns the rows copied.
    func copy(_ copy: Copy) throws -> QueryResult {
        let options = try CopyOptions(copy.options)
        if !copy.isExport { return try copyFrom(copy, options: options) }
        let query: Query
        switch copy.source {
        case .query(let q): query = q
        case .table(let name, let columns):
            let items = columns.isEmpty ? [SelectItem(.star(qualifier: nil))] : columns.map { SelectItem(.column(QualifiedName([$0]))) }
            query = Query(body: .select(SelectCore(items: items, from: [.table(name, timeTravel: nil, alias: nil)])))
        }
        let prepared = try prepare(query)
        var write = TableFileWriter.Options()
        write.csv.writeHeader = options.header ?? true
        if let delimiter = options.delimiter { write.csv.delimiter = delimiter }
        let writer = try TableFileWriter(path: copy.path, schema: prepared.schema, format: options.format, options: write)
        do {
            for batch in try prepared.context.collect(prepared.physical) {
                try writer.write(try RecordBatch(schema: prepared.schema, columns: batch.columns))
            }
            try writer.close()
        } catch {
            writer.abort()
            throw error
        }
        return .count(writer.rowCount)
    }

    private func copyFrom(_ copy: Copy, options: CopyOptions) throws -> QueryResult {
        guard case .table(let name, let columns) = copy.source else {
            throw EngineError(.invalidArgument, "COPY … FROM needs a table")
        }
        let table = try lakeTable(name)
        let snapshot = try table.snapshot()
        var read = TableFileReadOptions()
        read.csv.hasHeader = options.header ?? true
        if let delimiter = options.delimiter { read.csv.delimiter = delimiter }
        if columns.isEmpty, options.format != .parquet { read.schema = snapshot.schema }
        let reader = try openTableFile(copy.path, format: options.format, options: read)
        var rows = 0
        let result = try WriteOperation(table: table.delta).withMode(.append).execute(schema: reader.schema) {
            let batch = try reader.next()
            rows += batch?.count ?? 0
            return batch
        }
        return .count(result.version == nil ? 0 : rows)
    }
}

/// The options of a COPY statement.
struct CopyOptions {
    var format: FileFormat?
    var header: Bool?
    var delimiter: Character?

    init(_ options: [CopyOption]) throws {
        for option in options {
            let text = try Self.text(option.value)
            switch option.name.name.lowercased() {
            case "format":
                guard let text else { throw EngineError(.invalidArgument, "COPY option FORMAT needs a value") }
                format = try FileFormat(name: text)
            case "header":
                switch text?.lowercased() {
                case nil, "true", "1", "on": header = true
                case "false", "0", "off": header = false
                default: throw EngineError(.invalidArgument, "COPY option HEADER must be true or false, not \(text ?? "")")
                }
            case "delimiter", "delim", "sep":
                guard let text, text.count == 1, let character = text.first else {
                    throw EngineError(.invalidArgument, "COPY option DELIMITER must be one character")
                }
                delimiter = character
            default:
                throw EngineError(.invalidArgument, "unknown COPY option \(option.name.spelling); Lode knows FORMAT, HEADER and DELIMITER")
            }
        }
    }

    private static func text(_ value: Expression?) throws -> String? {
        switch value {
        case nil: return nil
        case .column(let name)?: return name.parts.map(\.spelling).joined(separator: ".")
        case .literal(.string(let s))?: return s
        case .literal(.integer(let s))?, .literal(.decimal(let s))?: return s
        case .literal(.boolean(let b))?: return b ? "true" : "false"
        case let other?: throw EngineError(.invalidArgument, "COPY option value \(other.sql) must be a constant")
        }
    }
}
