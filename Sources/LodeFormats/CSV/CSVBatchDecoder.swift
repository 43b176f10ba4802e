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
        rows.fieldStarts.withUnsafeBufferPointer { starts in
            rows.fieldEnds.withUnsafeBufferPointer { ends in
                rows.fieldFlags.withUnsafeBufferPointer { flags in
                    let fields = FieldTable(starts: starts, ends: ends, flags: flags, base: p,
                                            rowCount: rows.count, columnCount: schema.count)
                    for (index, field) in schema.fields.enumerated() {
                        columns.append(decodeColumn(index, field, fields, knownValidUTF8, &failures))
                    }
                }
            }
        }
        return columns
    }

    struct FieldTable {
        let starts: UnsafeBufferPointer<Int>
        let ends: UnsafeBufferPointer<Int>
        let flags: UnsafeBufferPointer<UInt8>
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
            return BooleanArray(storage: storage, validity: validity.bitmap)
        case .int8: return integers(column, field, fields, &failures, Int8.self)
        case .int16: return integers(column, field, fields, &failures, Int16.self)
        case .int32: return integers(column, field, fields, &failures, Int32.self)
        case .int64: return integers(column, field, fields, &failures, Int64.self)
        case .float32:
            let (storage, validity) = decodeValues(column, field, fields, &failures, Float.self) { parseDouble($0).map(Float.init) }
            return PrimitiveArray(type, storage: storage, validity: validity.bitmap)
        case .float64:
            let (storage, validity) = decodeValues(column, field, fields, &failures, Double.self) { parseDouble($0) }
            return PrimitiveArray(type, storage: storage, validity: validity.bitmap)
        case .decimal(let precision, let scale):
            let (storage, validity) = decodeValues(column, field, fields, &failures, Int128.self) {
                parseDecimal($0, precision: precision, scale: scale)
            }
            return PrimitiveArray(type, storage: storage, validity: validity.bitmap)
        case .date:
            let format = dateFormat
            let (storage, validity) = decodeValues(column, field, fields, &failures, Int32.self) {
                if let format { return format.parseDate($0) }
                return ISOTemporal.parseDate($0)
            }
            return PrimitiveArray(type, storage: storage, validity: validity.bitmap)
        case .timestamp(let unit, _):
            let format = timestampFormat
            let (storage, validity) = decodeValues(column, field, fields, &failures, Int64.self) {
                if let format { return format.parseTimestamp($0, unit: unit) }
                return ISOTemporal.parseTimestamp($0, unit: unit)?.value
            }
            return PrimitiveArray(type, storage: storage, validity: validity.bitmap)
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
        return PrimitiveArray(field.type, storage: storage, validity: validity.bitmap)
    }

    /// Decodes a fixed-width column: blanks trimmed, empty and null texts null.
    @inline(__always)
    private func decodeValues<T>(_ column: Int, _ field: Field, _ fields: FieldTable,
                                 _ failures: inout [CellFailure], _: T.Type,
                                 _ parse: (ByteSpan) -> T?) -> ([T], ValidityBits) where T: FixedWidthValueOrBool {
        let n = fields.rowCount
        var storage: [T] = []
        storage.reserveCapacity(n)
        var validity = ValidityBits(capacity: n)
        var k = column
        for row in 0..<n {
            let value = trimmingBlanks(cells.content(fields.base, fields.starts[k], fields.ends[k], fields.flags[k]))
            k += fields.columnCount
            if cells.isNullValue(value) {
                if !field.nullable {
                    failures.append(CellFailure(row: row, column: column, reason: "null in NOT NULL column"))
                }
                storage.append(T.zeroValue)
                validity.append(false)
            } else if let parsed = parse(value) {
                storage.append(parsed)
                validity.append(true)
            } else {
                failures.append(CellFailure(row: row, column: column,
                                            reason: "\(quotedForMessage(value)) is not a valid \(field.type)"))
                storage.append(T.zeroValue)
                validity.append(false)
            }
        }
        return (storage, validity)
    }

    private func byteStrings(_ column: Int, _ field: Field, _ fields: FieldTable, _ knownValidUTF8: Bool,
                             _ failures: inout [CellFailure]) -> BinaryArray {
        let n = fields.rowCount
        let isString = field.type == .string
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(n + 1)
        var bytes: [UInt8] = []
        var validity = ValidityBits(capacity: n)
        var k = column
        for row in 0..<n {
            let flags = fields.flags[k]
            let value = cells.content(fields.base, fields.starts[k], fields.ends[k], flags)
            k += fields.columnCount
            var failure: String? = nil
            let isNull = cells.isNullString(value, flags)
            if isNull {
                if !field.nullable { failure = "null in NOT NULL column" }
            } else if isString {
                if knownValidUTF8 || isValidUTF8(value) {
                    bytes.append(contentsOf: value)
                } else {
                    failure = "invalid UTF-8"
                }
            } else if !appendDecodedBinary(value, binaryEncoding, to: &bytes) {
                failure = "\(quotedForMessage(value)) is not valid \(binaryEncoding.rawValue)"
            }
            if bytes.count > Int(Int32.max) {
                failure = "column holds more than 2 GiB in one batch; lower batchSize"
                bytes.removeLast(bytes.count - Int(offsets[offsets.count - 1]))
            }
            if let failure {
                failures.append(CellFailure(row: row, column: column, reason: failure))
                validity.append(false)
            } else {
                validity.append(!isNull)
            }
            offsets.append(Int32(truncatingIfNeeded: bytes.count))
        }
        return BinaryArray(field.type, offsets: offsets, bytes: bytes, validity: validity.bitmap)
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
