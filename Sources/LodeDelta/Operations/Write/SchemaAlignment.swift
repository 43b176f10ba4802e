import LodeCore

/// Fits batches written to a table to the table's schema: columns matched by name
/// (case-insensitively, as Spark does), reordered, missing nullable columns filled
/// with nulls, integers and floats widened, timestamps brought to microseconds.
///
/// Columns the table lacks are an error naming them, unless schema merging is on:
/// then they are appended to the table schema as nullable columns.
struct SchemaAlignment {
    /// Where a table column's values come from.
    enum Source {
        case column(Int)
        case nulls
    }

    /// The schema batches come out in: the table's, with merged columns appended.
    let schema: Schema
    /// Whether ``schema`` differs from the table schema (columns were merged).
    let addsColumns: Bool
    private let sources: [Source]
    /// The schema batches must come in.
    private let input: Schema

    /// Plans how batches of `input` become batches of `table`; throws a
    /// ``DeltaError`` listing every mismatched column.
    init(table: Schema, input: Schema, mergeSchema: Bool, tableName: String, ignoreExtraColumns: Bool = false) throws {
        var problems: [String] = []
        var sources: [Source] = []
        var used = Set<Int>()
        for field in table.fields {
            let matches = input.fields.indices.filter { input.fields[$0].name.lowercased() == field.name.lowercased() }
            guard let index = matches.first else {
                if field.nullable {
                    sources.append(.nulls)
                } else {
                    problems.append("column '\(field.name)' is NOT NULL in the table but missing from the data")
                }
                continue
            }
            if matches.count > 1 { problems.append("the data has \(matches.count) columns named '\(field.name)'") }
            used.insert(index)
            let given = input.fields[index].type
            if !SchemaAlignment.fits(given, into: field.type) {
                problems.append("column '\(field.name)' is \(field.type) in the table but \(given) in the data")
            }
            sources.append(.column(index))
        }
        var fields = table.fields
        let extra = ignoreExtraColumns ? [] : input.fields.indices.filter { !used.contains($0) }
        if !extra.isEmpty {
            if mergeSchema {
                for index in extra {
                    var field = input.fields[index]
                    field.type = SchemaAlignment.tableType(for: field.type)
                    field.nullable = true
                    fields.append(field)
                    sources.append(.column(index))
                }
            } else {
                let names = extra.map { "'\(input.fields[$0].name)'" }.joined(separator: ", ")
                problems.append("the data has column\(extra.count == 1 ? "" : "s") \(names) that the table does not "
                                + "(write with mergeSchema to add \(extra.count == 1 ? "it" : "them"))")
            }
        }
        guard problems.isEmpty else {
            throw DeltaError(.invalidArgument, "schema mismatch: " + problems.joined(separator: "; "), table: tableName)
        }
        self.schema = Schema(fields, metadata: table.metadata)
        self.addsColumns = fields.count > table.fields.count
        self.sources = sources
        self.input = input
    }

    /// `batch` (of the input schema) as a batch of ``schema``.
    func apply(_ batch: RecordBatch, tableName: String) throws -> RecordBatch {
        guard batch.schema.names == input.names, batch.columns.map(\.dataType) == input.fields.map(\.type) else {
            throw DeltaError(.invalidArgument, "a batch's columns (\(batch.schema.names.joined(separator: ", "))) "
                             + "differ from the write's schema (\(input.names.joined(separator: ", ")))", table: tableName)
        }
        var columns: [any ColumnArray] = []
        columns.reserveCapacity(schema.count)
        for (field, source) in zip(schema.fields, sources) {
            switch source {
            case .nulls:
                columns.append(try makeArray(field.type, Array(repeating: .null, count: batch.count)))
            case .column(let index):
                let column = batch.columns[index]
                if !field.nullable, column.nullCount > 0 {
                    throw DeltaError(.invalidArgument,
                                     "column '\(field.name)' is NOT NULL but the data holds \(column.nullCount) nulls",
                                     table: tableName)
                }
                columns.append(try SchemaAlignment.convert(column, to: field.type))
            }
        }
        return try RecordBatch(schema: schema, columns: columns)
    }

    /// The type a table stores for data of `type`: timestamps in microseconds.
    static func tableType(for type: DataType) -> DataType {
        switch type {
        case .timestamp(_, let utc): return .timestamp(.microsecond, utc: utc)
        case .struct(let fields):
            return .struct(fields.map { var f = $0; f.type = tableType(for: f.type); return f })
        case .list(let item):
            var item = item
            item.type = tableType(for: item.type)
            return .list(item)
        case .map(let key, let value):
            var key = key, value = value
            key.type = tableType(for: key.type)
            value.type = tableType(for: value.type)
            return .map(key: key, value: value)
        default: return type
        }
    }

    /// A table schema for data of `schema`.
    static func tableSchema(for schema: Schema) -> Schema {
        Schema(schema.fields.map { var f = $0; f.type = tableType(for: f.type); return f }, metadata: schema.metadata)
    }

    /// Whether data of type `given` can be stored in a column of type `target`
    /// without loss.
    static func fits(_ given: DataType, into target: DataType) -> Bool {
        switch (given, target) {
        case _ where given == target: return true
        case (.int8, .int16), (.int8, .int32), (.int8, .int64), (.int16, .int32), (.int16, .int64), (.int32, .int64),
             (.float32, .float64):
            return true
        case (.timestamp(_, let a), .timestamp(_, let b)): return a == b
        case (.struct(let x), .struct(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.name == $1.name && fits($0.type, into: $1.type) }
        case (.list(let x), .list(let y)): return fits(x.type, into: y.type)
        case (.map(let k1, let v1), .map(let k2, let v2)): return fits(k1.type, into: k2.type) && fits(v1.type, into: v2.type)
        default: return false
        }
    }

    /// `array` as an array of `type` (which it ``fits(_:into:)``).
    static func convert(_ array: any ColumnArray, to type: DataType) throws -> any ColumnArray {
        if array.dataType == type { return array }
        func widen<T: FixedWidthValue & BinaryInteger>(_ a: PrimitiveArray<T>) -> any ColumnArray {
            switch type {
            case .int16: return PrimitiveArray<Int16>(type, storage: a.storage.map { Int16(truncatingIfNeeded: $0) }, validity: a.validity)
            case .int32: return PrimitiveArray<Int32>(type, storage: a.storage.map { Int32(truncatingIfNeeded: $0) }, validity: a.validity)
            default: return PrimitiveArray<Int64>(type, storage: a.storage.map { Int64(truncatingIfNeeded: $0) }, validity: a.validity)
            }
        }
        switch (array, type) {
        case (let a as PrimitiveArray<Int8>, _): return widen(a)
        case (let a as PrimitiveArray<Int16>, _): return widen(a)
        case (let a as PrimitiveArray<Int32>, _): return widen(a)
        case (let a as PrimitiveArray<Float>, .float64):
            return PrimitiveArray<Double>(type, storage: a.storage.map(Double.init), validity: a.validity)
        case (let a as PrimitiveArray<Int64>, .timestamp(let unit, _)):
            guard case .timestamp(let from, _) = a.dataType else { break }
            return PrimitiveArray<Int64>(type, storage: try rescale(a.storage, from: from, to: unit), validity: a.validity)
        case (let a as StructArray, .struct(let fields)):
            let children = try zip(a.children, fields).map { try convert($0, to: $1.type) }
            return StructArray(type, children: children, count: a.count, validity: a.validity)
        case (let a as ListArray, .list(let item)):
            return ListArray(type, offsets: a.offsets, child: try convert(a.child, to: item.type), validity: a.validity)
        case (let a as ListArray, .map(let key, let value)):
            guard let entries = a.child as? StructArray, entries.children.count == 2 else { break }
            let child = StructArray(.struct([key, value]),
                                    children: [try convert(entries.children[0], to: key.type),
                                               try convert(entries.children[1], to: value.type)],
                                    count: entries.count, validity: entries.validity)
            return ListArray(type, offsets: a.offsets, child: child, validity: a.validity)
        default: break
        }
        throw DeltaError(.invalidArgument, "cannot store \(array.dataType) values as \(type)")
    }

    private static func rescale(_ values: [Int64], from: TimeUnit, to: TimeUnit) throws -> [Int64] {
        if from == to { return values }
        if from.perSecond > to.perSecond {
            let factor = from.perSecond / to.perSecond
            return values.map { $0 >= 0 ? $0 / factor : ($0 - factor + 1) / factor }
        }
        let factor = to.perSecond / from.perSecond
        return try values.map { value in
            let (scaled, overflow) = value.multipliedReportingOverflow(by: factor)
            if overflow { throw DeltaError(.invalidArgument, "timestamp \(value) \(from.rawValue)s overflows as \(to.rawValue)s") }
            return scaled
        }
    }
}
