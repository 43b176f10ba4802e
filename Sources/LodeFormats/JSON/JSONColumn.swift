import LodeCore

/// Builds one column from JSON values, parsing each value straight into typed storage.
///
/// A row is read field by field into several columns; when it turns out bad, every
/// column is cut back with ``truncate(to:)`` so no half row remains. Builders are
/// owned by one reader and touched for every value, so their storage skips the
/// runtime exclusivity check.
class JSONColumn {
    let field: Field
    @exclusivity(unchecked) private(set) var validity = ValidityBits()

    init(_ field: Field) { self.field = field }

    var count: Int { validity.count }

    /// Parses the value at the scanner (whitespace skipped) and appends it.
    func parse(_ s: inout JSONScanner) throws { preconditionFailure("abstract") }

    /// Appends a null slot, failing for a NOT NULL field.
    final func appendNull() throws {
        guard field.nullable else { throw RowFailure("null in NOT NULL column") }
        appendNullUnchecked()
    }

    /// Appends a null slot whether or not the field allows it: for a field whose
    /// parent is null, and after checking.
    final func appendNullUnchecked() {
        appendEmptyValue()
        validity.append(false)
    }

    /// Records a present value after the subclass stored it.
    @inline(__always)
    final func markValid() { validity.append(true) }

    /// Stores the placeholder of a null slot.
    func appendEmptyValue() { preconditionFailure("abstract") }

    /// Keeps only the first `n` values.
    func truncate(to n: Int) { validity.truncate(to: n) }

    /// The column built so far; the builder starts over empty.
    func finish() -> any ColumnArray { preconditionFailure("abstract") }

    /// Takes the validity bits, leaving the builder's empty.
    final func takeValidity() -> Bitmap? {
        defer { validity = ValidityBits() }
        return validity.bitmap
    }

    /// The failure for a value of the wrong kind.
    final func mismatch(_ s: JSONScanner, expected: String) -> RowFailure {
        RowFailure("expected \(expected) \(s.foundDescription)")
    }

    /// The column builder for `field`.
    static func make(_ field: Field, _ options: JSONColumnOptions) -> JSONColumn {
        switch field.type {
        case .boolean: return JSONBooleanColumn(field)
        case .int8: return JSONIntegerColumn(field, range: Int64(Int8.min)...Int64(Int8.max))
        case .int16: return JSONIntegerColumn(field, range: Int64(Int16.min)...Int64(Int16.max))
        case .int32: return JSONIntegerColumn(field, range: Int64(Int32.min)...Int64(Int32.max))
        case .int64: return JSONIntegerColumn(field, range: Int64.min...Int64.max)
        case .float32, .float64: return JSONFloatColumn(field)
        case .decimal(let precision, let scale): return JSONDecimalColumn(field, precision: precision, scale: scale)
        case .string: return JSONStringColumn(field)
        case .binary: return JSONBinaryColumn(field, encoding: options.binaryEncoding)
        case .date: return JSONDateColumn(field, format: options.dateFormat)
        case .timestamp(let unit, _): return JSONTimestampColumn(field, unit: unit, format: options.timestampFormat)
        case .struct(let fields): return JSONStructColumn(field, fields: fields, options)
        case .list(let item): return JSONListColumn(field, item: JSONColumn.make(item, options))
        case .map(let key, let value): return JSONMapColumn(field, key: key, value: value, options)
        }
    }
}

/// Settings every column builder of a reader shares.
struct JSONColumnOptions {
    var binaryEncoding: BinaryTextEncoding = .base64
    var dateFormat: DateTimeFormat? = nil
    var timestampFormat: DateTimeFormat? = nil
    /// Whether a key the schema does not have makes the row bad (else it is ignored).
    var rejectUnknownKeys = false
}

final class JSONBooleanColumn: JSONColumn {
    @exclusivity(unchecked) private var storage: [Bool] = []

    override func parse(_ s: inout JSONScanner) throws {
        if try s.consumeNull() { return try appendNull() }
        guard let value = try s.boolean() else { throw mismatch(s, expected: "true or false") }
        storage.append(value)
        markValid()
    }

    override func appendEmptyValue() { storage.append(false) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        storage.removeLast(storage.count - n)
    }

    override func finish() -> any ColumnArray {
        defer { storage = [] }
        return BooleanArray(storage: storage, validity: takeValidity())
    }
}

/// Integers of any width, stored as `Int64` and narrowed at the end. Accepts JSON
/// integers and strings holding one (`"9007199254740993"`).
final class JSONIntegerColumn: JSONColumn {
    @exclusivity(unchecked) private var storage: [Int64] = []
    private let range: ClosedRange<Int64>

    init(_ field: Field, range: ClosedRange<Int64>) {
        self.range = range
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        let c = s.current
        let bytes: ByteSpan
        if c == ASCII.minus || ASCII.isDigit(c) {
            let token = try s.number()
            guard token.isInteger else { throw RowFailure("\(quotedForMessage(token.bytes)) is not an integer") }
            bytes = token.bytes
        } else if c == ASCII.quote {
            bytes = try s.stringValue()
        } else if try s.consumeNull() {
            return try appendNull()
        } else {
            throw mismatch(s, expected: "an integer")
        }
        guard let value = parseInt64(bytes), range.contains(value) else {
            throw RowFailure("\(quotedForMessage(bytes)) is not a valid \(field.type)")
        }
        storage.append(value)
        markValid()
    }

    override func appendEmptyValue() { storage.append(0) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        storage.removeLast(storage.count - n)
    }

    override func finish() -> any ColumnArray {
        defer { storage = [] }
        let validity = takeValidity()
        switch field.type {
        case .int8: return PrimitiveArray(field.type, storage: storage.map { Int8(truncatingIfNeeded: $0) }, validity: validity)
        case .int16: return PrimitiveArray(field.type, storage: storage.map { Int16(truncatingIfNeeded: $0) }, validity: validity)
        case .int32: return PrimitiveArray(field.type, storage: storage.map { Int32(truncatingIfNeeded: $0) }, validity: validity)
        default: return PrimitiveArray(field.type, storage: storage, validity: validity)
        }
    }
}

/// `float32` or `float64` from JSON numbers or the strings `"NaN"`, `"Infinity"`,
/// `"-Infinity"` (or any number in a string).
final class JSONFloatColumn: JSONColumn {
    @exclusivity(unchecked) private var storage: [Double] = []

    override func parse(_ s: inout JSONScanner) throws {
        let c = s.current
        let bytes: ByteSpan
        if c == ASCII.minus || ASCII.isDigit(c) {
            bytes = try s.number().bytes
        } else if c == ASCII.quote {
            bytes = try s.stringValue()
        } else if try s.consumeNull() {
            return try appendNull()
        } else {
            throw mismatch(s, expected: "a number")
        }
        guard let value = parseDouble(bytes) else { throw RowFailure("\(quotedForMessage(bytes)) is not a number") }
        storage.append(value)
        markValid()
    }

    override func appendEmptyValue() { storage.append(0) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        storage.removeLast(storage.count - n)
    }

    override func finish() -> any ColumnArray {
        defer { storage = [] }
        if field.type == .float32 {
            return PrimitiveArray(field.type, storage: storage.map { Float($0) }, validity: takeValidity())
        }
        return PrimitiveArray(field.type, storage: storage, validity: takeValidity())
    }
}

/// Decimals from JSON numbers or strings, read exactly (rounded half away from zero
/// past the scale).
final class JSONDecimalColumn: JSONColumn {
    @exclusivity(unchecked) private var storage: [Int128] = []
    private let precision: Int
    private let scale: Int

    init(_ field: Field, precision: Int, scale: Int) {
        self.precision = precision
        self.scale = scale
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        let c = s.current
        let bytes: ByteSpan
        if c == ASCII.minus || ASCII.isDigit(c) {
            bytes = try s.number().bytes
        } else if c == ASCII.quote {
            bytes = try s.stringValue()
        } else if try s.consumeNull() {
            return try appendNull()
        } else {
            throw mismatch(s, expected: "a decimal number")
        }
        guard let value = parseDecimal(bytes, precision: precision, scale: scale) else {
            throw RowFailure("\(quotedForMessage(bytes)) is not a valid \(field.type)")
        }
        storage.append(value)
        markValid()
    }

    override func appendEmptyValue() { storage.append(0) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        storage.removeLast(storage.count - n)
    }

    override func finish() -> any ColumnArray {
        defer { storage = [] }
        return PrimitiveArray(field.type, storage: storage, validity: takeValidity())
    }
}
