import LodeCore

/// A column resolved once to its concrete array type, so writers read values
/// without casting each one.
indirect enum ColumnView {
    case boolean(BooleanArray)
    case int8(PrimitiveArray<Int8>)
    case int16(PrimitiveArray<Int16>)
    case int32(PrimitiveArray<Int32>)
    case int64(PrimitiveArray<Int64>)
    case float32(PrimitiveArray<Float>)
    case float64(PrimitiveArray<Double>)
    case decimal(PrimitiveArray<Int128>, scale: Int)
    case string(BinaryArray)
    case binary(BinaryArray)
    case date(PrimitiveArray<Int32>)
    case timestamp(PrimitiveArray<Int64>, TimeUnit, utc: Bool)
    /// A struct with its field names already encoded as `"name":`.
    case structure(StructArray, keys: [[UInt8]], children: [ColumnView])
    case list(ListArray, item: ColumnView)
    case map(ListArray, keys: ColumnView, values: ColumnView)

    /// Resolves `array`; throws if its storage does not match its data type.
    init(_ array: any ColumnArray) throws {
        func cast<A>(_: A.Type) throws -> A {
            guard let a = array as? A else {
                throw FormatError(.unsupported, "a \(array.dataType) column stored as \(type(of: array)) cannot be written")
            }
            return a
        }
        switch array.dataType {
        case .boolean: self = .boolean(try cast(BooleanArray.self))
        case .int8: self = .int8(try cast(PrimitiveArray<Int8>.self))
        case .int16: self = .int16(try cast(PrimitiveArray<Int16>.self))
        case .int32: self = .int32(try cast(PrimitiveArray<Int32>.self))
        case .int64: self = .int64(try cast(PrimitiveArray<Int64>.self))
        case .float32: self = .float32(try cast(PrimitiveArray<Float>.self))
        case .float64: self = .float64(try cast(PrimitiveArray<Double>.self))
        case .decimal(_, let scale): self = .decimal(try cast(PrimitiveArray<Int128>.self), scale: scale)
        case .string: self = .string(try cast(BinaryArray.self))
        case .binary: self = .binary(try cast(BinaryArray.self))
        case .date: self = .date(try cast(PrimitiveArray<Int32>.self))
        case .timestamp(let unit, let utc): self = .timestamp(try cast(PrimitiveArray<Int64>.self), unit, utc: utc)
        case .struct(let fields):
            let a = try cast(StructArray.self)
            let keys = fields.map { field -> [UInt8] in
                var key: [UInt8] = []
                key.appendJSONString(field.name)
                key.append(UInt8(ascii: ":"))
                return key
            }
            self = .structure(a, keys: keys, children: try a.children.map { try ColumnView($0) })
        case .list:
            let a = try cast(ListArray.self)
            self = .list(a, item: try ColumnView(a.child))
        case .map:
            let a = try cast(ListArray.self)
            guard let entries = a.child as? StructArray, entries.children.count == 2 else {
                throw FormatError(.unsupported, "a map column without key/value entries cannot be written")
            }
            self = .map(a, keys: try ColumnView(entries.children[0]), values: try ColumnView(entries.children[1]))
        }
    }
}

extension Array where Element == UInt8 {
    /// Value `i` of `view` in Lode's canonical JSON form (see ``NDJSONWriter``).
    mutating func appendJSONValue(_ view: ColumnView, _ i: Int) {
        switch view {
        case .boolean(let a):
            if a.isNull(i) { return appendASCII("null") }
            a.storage[i] ? appendASCII("true") : appendASCII("false")
        case .int8(let a): a.isNull(i) ? appendASCII("null") : appendInteger(Int64(a.storage[i]))
        case .int16(let a): a.isNull(i) ? appendASCII("null") : appendInteger(Int64(a.storage[i]))
        case .int32(let a): a.isNull(i) ? appendASCII("null") : appendInteger(Int64(a.storage[i]))
        case .int64(let a): a.isNull(i) ? appendASCII("null") : appendInteger(a.storage[i])
        case .float32(let a):
            if a.isNull(i) { return appendASCII("null") }
            let v = a.storage[i]
            if v.isFinite { appendShortest(v) } else { appendNonFiniteJSON(Double(v)) }
        case .float64(let a):
            if a.isNull(i) { return appendASCII("null") }
            let v = a.storage[i]
            if v.isFinite { appendShortest(v) } else { appendNonFiniteJSON(v) }
        case .decimal(let a, let scale):
            if a.isNull(i) { return appendASCII("null") }
            append(ASCII.quote)
            appendDecimal(a.storage[i], scale: scale)
            append(ASCII.quote)
        case .string(let a):
            if a.isNull(i) { return appendASCII("null") }
            a.bytes.withUnsafeBufferPointer { bytes in
                appendJSONString(ByteSpan(rebasing: bytes[Int(a.offsets[i])..<Int(a.offsets[i + 1])]))
            }
        case .binary(let a):
            if a.isNull(i) { return appendASCII("null") }
            append(ASCII.quote)
            a.bytes.withUnsafeBufferPointer { bytes in
                appendBase64(ByteSpan(rebasing: bytes[Int(a.offsets[i])..<Int(a.offsets[i + 1])]), to: &self)
            }
            append(ASCII.quote)
        case .date(let a):
            if a.isNull(i) { return appendASCII("null") }
            append(ASCII.quote)
            appendDate(a.storage[i])
            append(ASCII.quote)
        case .timestamp(let a, let unit, let utc):
            if a.isNull(i) { return appendASCII("null") }
            append(ASCII.quote)
            appendTimestamp(a.storage[i], unit: unit, utc: utc)
            append(ASCII.quote)
        case .structure(let a, let keys, let children):
            if a.isNull(i) { return appendASCII("null") }
            append(UInt8(ascii: "{"))
            for (k, child) in children.enumerated() {
                if k > 0 { append(UInt8(ascii: ",")) }
                append(contentsOf: keys[k])
                appendJSONValue(child, i)
            }
            append(UInt8(ascii: "}"))
        case .list(let a, let item):
            if a.isNull(i) { return appendASCII("null") }
            append(UInt8(ascii: "["))
            for j in Int(a.offsets[i])..<Int(a.offsets[i + 1]) {
                if j > Int(a.offsets[i]) { append(UInt8(ascii: ",")) }
                appendJSONValue(item, j)
            }
            append(UInt8(ascii: "]"))
        case .map(let a, let keys, let values):
            if a.isNull(i) { return appendASCII("null") }
            append(UInt8(ascii: "["))
            for j in Int(a.offsets[i])..<Int(a.offsets[i + 1]) {
                if j > Int(a.offsets[i]) { append(UInt8(ascii: ",")) }
                appendASCII("{\"key\":")
                appendJSONValue(keys, j)
                appendASCII(",\"value\":")
                appendJSONValue(values, j)
                append(UInt8(ascii: "}"))
            }
            append(UInt8(ascii: "]"))
        }
    }

    /// `"NaN"`, `"Infinity"` or `"-Infinity"`.
    mutating func appendNonFiniteJSON(_ v: Double) {
        if v.isNaN { appendASCII("\"NaN\"") } else if v < 0 { appendASCII("\"-Infinity\"") } else { appendASCII("\"Infinity\"") }
    }
}

/// Checks that `batch` has the writer's column types.
func checkBatch(_ batch: RecordBatch, matches schema: Schema, file: String?) throws {
    guard batch.schema.count == schema.count,
          zip(batch.schema.fields, schema.fields).allSatisfy({ $0.type == $1.type }) else {
        throw FormatError(.schemaMismatch, "batch columns (\(batch.schema.fields.map { "\($0.type)" }.joined(separator: ", "))) do not match the writer's (\(schema.fields.map { "\($0.type)" }.joined(separator: ", ")))", file: file)
    }
}
