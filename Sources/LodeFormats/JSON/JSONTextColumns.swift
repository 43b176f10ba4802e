import LodeCore

/// Strings. A JSON string is stored decoded; any other value (a number, `true`, an
/// object) is stored as its JSON text, so nothing is lost when types conflict.
final class JSONStringColumn: JSONColumn {
    @exclusivity(unchecked) private var offsets: [Int32] = [0]
    @exclusivity(unchecked) private var bytes: [UInt8] = []

    override func parse(_ s: inout JSONScanner) throws {
        switch s.current {
        case ASCII.quote:
            try s.appendString(to: &bytes)
        case UInt8(ascii: "n"):
            _ = try s.consumeNull()
            return try appendNull()
        default:
            bytes.append(contentsOf: try s.valueText())
        }
        guard bytes.count <= Int(Int32.max) else {
            bytes.removeLast(bytes.count - Int(offsets[offsets.count - 1]))
            throw RowFailure("column holds more than 2 GiB in one batch; lower batchSize")
        }
        offsets.append(Int32(bytes.count))
        markValid()
    }

    override func appendEmptyValue() { offsets.append(offsets[offsets.count - 1]) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        offsets.removeLast(offsets.count - n - 1)
        bytes.removeLast(bytes.count - Int(offsets[n]))
    }

    override func finish() -> any ColumnArray {
        defer {
            offsets = [0]
            bytes = []
        }
        return BinaryArray(field.type, offsets: offsets, bytes: bytes, validity: takeValidity())
    }
}

/// Binary values from base64 (or hex) strings.
final class JSONBinaryColumn: JSONColumn {
    @exclusivity(unchecked) private var offsets: [Int32] = [0]
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    private let encoding: BinaryTextEncoding

    init(_ field: Field, encoding: BinaryTextEncoding) {
        self.encoding = encoding
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        if try s.consumeNull() { return try appendNull() }
        guard s.current == ASCII.quote else { throw mismatch(s, expected: "a \(encoding.rawValue) string") }
        let text = try s.stringValue()
        guard appendDecodedBinary(text, encoding, to: &bytes) else {
            throw RowFailure("\(quotedForMessage(text)) is not valid \(encoding.rawValue)")
        }
        guard bytes.count <= Int(Int32.max) else {
            bytes.removeLast(bytes.count - Int(offsets[offsets.count - 1]))
            throw RowFailure("column holds more than 2 GiB in one batch; lower batchSize")
        }
        offsets.append(Int32(bytes.count))
        markValid()
    }

    override func appendEmptyValue() { offsets.append(offsets[offsets.count - 1]) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        offsets.removeLast(offsets.count - n - 1)
        bytes.removeLast(bytes.count - Int(offsets[n]))
    }

    override func finish() -> any ColumnArray {
        defer {
            offsets = [0]
            bytes = []
        }
        return BinaryArray(field.type, offsets: offsets, bytes: bytes, validity: takeValidity())
    }
}

/// Dates from `"YYYY-MM-DD"` strings (or the reader's date format).
final class JSONDateColumn: JSONColumn {
    @exclusivity(unchecked) private var storage: [Int32] = []
    private let format: DateTimeFormat?

    init(_ field: Field, format: DateTimeFormat?) {
        self.format = format
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        if try s.consumeNull() { return try appendNull() }
        guard s.current == ASCII.quote else { throw mismatch(s, expected: "a date string") }
        let text = try s.stringValue()
        guard let days = format.map({ $0.parseDate(text) }) ?? ISOTemporal.parseDate(text) else {
            throw RowFailure("\(quotedForMessage(text)) is not a valid DATE")
        }
        storage.append(days)
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

/// Timestamps from ISO-8601 strings (`Z` and offsets converted to UTC), or the
/// reader's timestamp format.
final class JSONTimestampColumn: JSONColumn {
    @exclusivity(unchecked) private var storage: [Int64] = []
    private let unit: TimeUnit
    private let format: DateTimeFormat?

    init(_ field: Field, unit: TimeUnit, format: DateTimeFormat?) {
        self.unit = unit
        self.format = format
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        if try s.consumeNull() { return try appendNull() }
        guard s.current == ASCII.quote else { throw mismatch(s, expected: "a timestamp string") }
        let text = try s.stringValue()
        let value = format.map { $0.parseTimestamp(text, unit: unit) } ?? ISOTemporal.parseTimestamp(text, unit: unit)?.value
        guard let value else { throw RowFailure("\(quotedForMessage(text)) is not a valid \(field.type)") }
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
