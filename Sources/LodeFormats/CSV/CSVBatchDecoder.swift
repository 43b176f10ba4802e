import LodeCore

/// A value of a tokenized batch that does not fit its column.
struct CellFailure {
    var row: Int
    var column: Int
    var reason: String
}

/// Turns the tokenized rows of a batch into typed columns, one column at a time.
final class CSVBatchDecoder {
    let schema: Schema
    let cells: CSVCellReader
    let dateFormat: DateTimeFormat?
    let timestampFormat: DateTimeFormat?
    let binaryEncoding: BinaryTextEncoding

    init(schema: Schema, cells: CSVCellReader, dateFormat: DateTimeFormat?, timestampFormat: DateTimeFormat?,
         binaryEncoding: BinaryTextEncoding) throws {
        for field in schema.fields where field.type.isNested {
            throw FormatError(.unsupported, "CSV cannot hold \(field.type) values", column: field.name)
        }
        self.schema = schema
        self.cells = cells
        self.dateFormat = dateFormat
        self.timestampFormat = timestampFormat
        self.binaryEncoding = binaryEncoding
    }

    /// The columns of `rows`, whose fields point into `p`. Values that do not parse
    /// become nulls and are reported in `failures`. `knownValidUTF8` skips the
    /// per-field UTF-8 check when the whole batch was found valid.
    func decode(_ rows: CSVRows, _ p: UnsafePointer<UInt8>, knownValidUTF8: Bool,
                failures: inout [CellFailure]) -> [any ColumnArray] {
        var columns: [any ColumnArray] = []
        columns.reserveCapacity(schema.count)
        let fields = FieldTable(starts: rows.starts, ends: rows.ends, flags: rows.flags, base: p,
                                rowCount: rows.count, columnCount: schema.count)
        for (index, field) in schema.fields.enumerated() {
            columns.append(decodeColumn(index, field, fields, knownValidUTF8, &failures))
        }
        return columns
    }

    struct FieldTable {
        let starts: UnsafePointer<Int>
        let ends: UnsafePointer<Int>
        let flags: UnsafePointer<UInt8>
        let base: UnsafePointer<UInt8>
        let rowCount: Int
        let columnCount: Int
    }

    private func decodeColumn(_ column: Int, _ field: Field, _ fields: FieldTable, _ knownValidUTF8: Bool,
                              _ failures: inout [CellFailure]) -> any ColumnArray {
        let type = field.type
        switch type {
        case .boolean:
            let (storage, validity) = decodeValues(column, field, fields, &failures, Bool.self) { parseBoolean($0) }
            return BooleanArray(storage: storage, validity: validity)
        case .int8: return integers(column, field, fields, &failures, Int8.self)
        case .int16: return integers(column, field, fields, &failures, Int16.self)
        case .int32: return integers(column, field, fields, &failures, Int32.self)
        case .int64: return integers(column, field, fields, &failures, Int64.self)
        case .float32:
            let (storage, validity) = decodeValues(column, field, fields, &failures, Float.self) { parseDouble($0).map(Float.init) }
            return PrimitiveArray(type, storage: storage, validity: validity)
        case .float64:
            let (storage, validity) = decodeValues(column, field, fields, &failures, Double.self) { parseDouble($0) }
            return PrimitiveArray(type, storage: storage, validity: validity)
        case .decimal(let precision, let scale):
            let (storage, validity) = decodeValues(column, field, fields, &failures, Int128.self) {
                parseDecimal($0, precision: precision, scale: scale)
            }
            return PrimitiveArray(type, storage: storage, validity: validity)
        case .date:
            let format = dateFormat
            let (storage, validity) = decodeValues(column, field, fields, &failures, Int32.self) {
                if let format { return format.parseDate($0) }
                return ISOTemporal.parseDate($0)
            }
            return PrimitiveArray(type, storage: storage, validity: validity)
        case .timestamp(let unit, _):
            let format = timestampFormat
            let (storage, validity) = decodeValues(column, field, fields, &failures, Int64.self) {
                if let format { return format.parseTimestamp($0, unit: unit) }
                return ISOTemporal.parseTimestamp($0, unit: unit)?.value
            }
            return PrimitiveArray(type, storage: storage, validity: validity)
        case .string, .binary:
            return byteStrings(column, field, fields, knownValidUTF8, &failures)
        case .struct, .list, .map:
            preconditionFailure("nested types are rejected in init")
        }
    }

    private func integers<T: FixedWidthInteger & FixedWidthValue & FixedWidthValueOrBool>(
        _ column: Int, _ field: Field, _ fields: FieldTable, _ failures: inout [CellFailure], _: T.Type
    ) -> PrimitiveArray<T> {
        let (storage, validity) = decodeValues(column, field, fields, &failures, T.self) { bytes in
            parseInt64(bytes).flatMap { T(exactly: $0) }
        }
        return PrimitiveArray(field.type, storage: storage, validity: validity)
    }

    /// Decodes a fixed-width column: blanks trimmed, empty and null texts null.
    @inline(__always)
    private func decodeValues<T>(_ column: Int, _ field: Field, _ fields: FieldTable,
                                 _ failures: inout [CellFailure], _: T.Type,
                                 _ parse: (ByteSpan) -> T?) -> ([T], Bitmap?) where T: FixedWidthValueOrBool {
        let n = fields.rowCount
        var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
        var nulls = 0
        let storage = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            words.withUnsafeMutableBufferPointer { words in
                var k = column
                for row in 0..<n {
                    let value = trimmingBlanks(cells.content(fields.base, fields.starts[k], fields.ends[k], fields.flags[k]))
                    k += fields.columnCount
                    if !cells.isNullValue(value), let parsed = parse(value) {
                        buffer.initializeElement(at: row, to: parsed)
                        words[row >> 6] |= 1 << UInt64(row & 63)
                        continue
                    }
                    buffer.initializeElement(at: row, to: T.zeroValue)
                    nulls += 1
                    if cells.isNullValue(value) {
                        if !field.nullable {
                            failures.append(CellFailure(row: row, column: column, reason: "null in NOT NULL column"))
                        }
                    } else {
                        failures.append(CellFailure(row: row, column: column,
                                                    reason: "\(quotedForMessage(value)) is not a valid \(field.type)"))
                    }
                }
            }
            initialized = n
        }
        return (storage, nulls == 0 ? nil : Bitmap(words: words, count: n))
    }

    private func byteStrings(_ column: Int, _ field: Field, _ fields: FieldTable, _ knownValidUTF8: Bool,
                             _ failures: inout [CellFailure]) -> BinaryArray {
        let n = fields.rowCount
        let isString = field.type == .string
        var total = 0
        var k = column
        for _ in 0..<n {
            total += fields.ends[k] - fields.starts[k]
            k += fields.columnCount
        }
        guard total <= Int(Int32.max) else {
            for row in 0..<n {
                failures.append(CellFailure(row: row, column: column,
                                            reason: "column holds more than 2 GiB in one batch; lower batchSize"))
            }
            return BinaryArray(field.type, offsets: Array(repeating: 0, count: n + 1), bytes: [],
                               validity: Bitmap(count: n, value: false))
        }
        var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
        var nulls = 0
        var used = 0
        var decoded: [UInt8] = []
        var decodedBytes: [UInt8] = []
        let offsets = [Int32](unsafeUninitializedCapacity: n + 1) { offsets, initializedOffsets in
            offsets[0] = 0
            let bytes = [UInt8](unsafeUninitializedCapacity: total) { bytes, initializedBytes in
                words.withUnsafeMutableBufferPointer { words in
                    var k = column
                    for row in 0..<n {
                        let flags = fields.flags[k]
                        let value = cells.content(fields.base, fields.starts[k], fields.ends[k], flags)
                        k += fields.columnCount
                        var failure: String? = nil
                        if cells.isNullString(value, flags) {
                            if !field.nullable { failure = "null in NOT NULL column" }
                        } else if isString {
                            if knownValidUTF8 || isValidUTF8(value) {
                                if let out = bytes.baseAddress, let source = value.baseAddress, value.count > 0 {
                                    (out + used).update(from: source, count: value.count)
                                }
                                used += value.count
                                words[row >> 6] |= 1 << UInt64(row & 63)
                            } else {
                                failure = "invalid UTF-8"
                            }
                        } else {
                            decoded.removeAll(keepingCapacity: true)
                            if appendDecodedBinary(value, binaryEncoding, to: &decoded) {
                                decoded.withUnsafeBufferPointer { d in
                                    if let out = bytes.baseAddress, let source = d.baseAddress, d.count > 0 {
                                        (out + used).update(from: source, count: d.count)
                                    }
                                }
                                used += decoded.count
                                words[row >> 6] |= 1 << UInt64(row & 63)
                            } else {
                                failure = "\(quotedForMessage(value)) is not valid \(binaryEncoding.rawValue)"
                            }
                        }
                        if words[row >> 6] & (1 << UInt64(row & 63)) == 0 { nulls += 1 }
                        if let failure { failures.append(CellFailure(row: row, column: column, reason: failure)) }
                        offsets[row + 1] = Int32(truncatingIfNeeded: used)
                    }
                }
                initializedBytes = used
            }
            decodedBytes = bytes
            initializedOffsets = n + 1
        }
        return BinaryArray(field.type, offsets: offsets, bytes: decodedBytes,
                           validity: nulls == 0 ? nil : Bitmap(words: words, count: n))
    }
}

/// Fixed-width values and `Bool`: what ``CSVBatchDecoder`` stores in flat arrays.
protocol FixedWidthValueOrBool {
    static var zeroValue: Self { get }
}

extension Bool: FixedWidthValueOrBool { static var zeroValue: Bool { false } }
extension Int8: FixedWidthValueOrBool { static var zeroValue: Int8 { 0 } }
extension Int16: FixedWidthValueOrBool { static var zeroValue: Int16 { 0 } }
extension Int32: FixedWidthValueOrBool { static var zeroValue: Int32 { 0 } }
extension Int64: FixedWidthValueOrBool { static var zeroValue: Int64 { 0 } }
extension Int128: FixedWidthValueOrBool { static var zeroValue: Int128 { 0 } }
extension Float: FixedWidthValueOrBool { static var zeroValue: Float { 0 } }
extension Double: FixedWidthValueOrBool { static var zeroValue: Double { 0 } }
