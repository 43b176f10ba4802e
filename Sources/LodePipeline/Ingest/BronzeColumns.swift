import LodeCore

/// The metadata columns every bronze row carries next to the row as received.
enum BronzeColumns {
    static let source = "_source"
    static let ingestedAt = "_ingested_at"
    static let runID = "_run_id"
    static let file = "_file"
    /// The ingestion day, the first partition column.
    static let ingestDate = "_ingest_date"

    /// Bronze tables are partitioned by ingestion day, then source.
    static let partitionColumns = [ingestDate, source]

    static let fields = [
        Field(source, .string, nullable: false), Field(ingestedAt, .timestampUTC, nullable: false),
        Field(runID, .string, nullable: false), Field(file, .string, nullable: false), Field(ingestDate, .date, nullable: false),
    ]

    /// `batch` with the metadata columns appended.
    static func append(to batch: RecordBatch, source: String, file: String, runID: String, ingestedAt: Int64) throws -> RecordBatch {
        let n = batch.count
        func text(_ value: String) -> BinaryArray {
            var builder = BinaryBuilder(.string, capacity: n)
            for _ in 0..<n { builder.append(value) }
            return builder.finish()
        }
        let day = Int32(ingestedAt / 86_400_000_000)
        let columns: [any ColumnArray] = [
            text(source), PrimitiveArray<Int64>(.timestampUTC, storage: Array(repeating: ingestedAt, count: n)),
            text(runID), text(file), PrimitiveArray<Int32>(.date, storage: Array(repeating: day, count: n)),
        ]
        return try RecordBatch(schema: Schema(batch.schema.fields + fields), columns: batch.columns + columns, count: n)
    }
}

/// The columns of `<table>__quarantine`: rows or files that broke a source's contract.
enum QuarantineColumns {
    static let schema = Schema([
        Field("_source", .string, nullable: false), Field("_file", .string, nullable: false), Field("_line", .int64),
        Field("_column", .string), Field("_reason", .string, nullable: false), Field("_raw", .string),
        Field("_run_id", .string, nullable: false), Field("_ingested_at", .timestampUTC, nullable: false),
    ])

    struct Entry {
        var file: String
        var line: Int?
        var column: String?
        var reason: String
        var raw: String?
    }

    static func batch(_ entries: [Entry], source: String, runID: String, ingestedAt: Int64) throws -> RecordBatch {
        var sources = BinaryBuilder(.string), files = BinaryBuilder(.string), columns = BinaryBuilder(.string)
        var reasons = BinaryBuilder(.string), raws = BinaryBuilder(.string), runs = BinaryBuilder(.string)
        var lines = PrimitiveBuilder<Int64>(.int64)
        for entry in entries {
            sources.append(source)
            files.append(entry.file)
            if let line = entry.line { lines.append(Int64(line)) } else { lines.appendNull() }
            if let column = entry.column { columns.append(column) } else { columns.appendNull() }
            reasons.append(entry.reason)
            if let raw = entry.raw { raws.append(raw) } else { raws.appendNull() }
            runs.append(runID)
        }
        return try RecordBatch(schema: schema, columns: [
            sources.finish(), files.finish(), lines.finish(), columns.finish(), reasons.finish(), raws.finish(), runs.finish(),
            PrimitiveArray<Int64>(.timestampUTC, storage: Array(repeating: ingestedAt, count: entries.count)),
        ])
    }
}
