import LodeCore

/// Infers the type of each CSV column from sample values, as DuckDB's sniffer does:
/// a column takes the first of boolean, BIGINT, DOUBLE, DATE, TIMESTAMP that every
/// non-null sample value parses as, and VARCHAR otherwise.
///
/// Booleans are `true`/`false` in any case only (not `1`/`0`, which stay numbers). A
/// timestamp column is UTC (`TIMESTAMPTZ`) when a sample value carried a zone. A
/// column with no non-null sample value is VARCHAR.
struct CSVTypeInference {
    private static let boolean: UInt8 = 1
    private static let integer: UInt8 = 2
    private static let double: UInt8 = 4
    private static let date: UInt8 = 8
    private static let timestamp: UInt8 = 16
    private static let all: UInt8 = 31

    private var candidates: [UInt8]
    private var sawValue: [Bool]
    private var sawZone: [Bool]
    let dateFormat: DateTimeFormat?
    let timestampFormat: DateTimeFormat?

    init(columnCount: Int, dateFormat: DateTimeFormat?, timestampFormat: DateTimeFormat?) {
        candidates = Array(repeating: CSVTypeInference.all, count: columnCount)
        sawValue = Array(repeating: false, count: columnCount)
        sawZone = Array(repeating: false, count: columnCount)
        self.dateFormat = dateFormat
        self.timestampFormat = timestampFormat
    }

    /// Narrows column `column`'s candidates by one value (unescaped, not yet trimmed).
    mutating func observe(_ raw: ByteSpan, column: Int, cells: CSVCellReader) {
        let value = trimmingBlanks(raw)
        if cells.isNullValue(value) { return }
        sawValue[column] = true
        var set = candidates[column]
        guard set != 0 else { return }
        if set & CSVTypeInference.boolean != 0, parseStrictBoolean(value) == nil { set &= ~CSVTypeInference.boolean }
        if set & CSVTypeInference.integer != 0, parseInt64(value) == nil { set &= ~CSVTypeInference.integer }
        if set & CSVTypeInference.double != 0, parseDouble(value) == nil { set &= ~CSVTypeInference.double }
        if set & CSVTypeInference.date != 0 {
            let days = dateFormat.map { $0.parseDate(value) } ?? ISOTemporal.parseDate(value)
            if days == nil { set &= ~CSVTypeInference.date }
        }
        if set & CSVTypeInference.timestamp != 0 {
            if let format = timestampFormat {
                if format.parseTimestamp(value, unit: .microsecond) == nil { set &= ~CSVTypeInference.timestamp }
            } else if let parsed = ISOTemporal.parseTimestamp(value, unit: .microsecond) {
                if parsed.hasZone { sawZone[column] = true }
            } else {
                set &= ~CSVTypeInference.timestamp
            }
        }
        candidates[column] = set
    }

    /// The inferred type of each column.
    func types(timestampUnit: TimeUnit) -> [DataType] {
        candidates.indices.map { column in
            let set = candidates[column]
            guard sawValue[column] else { return .string }
            if set & CSVTypeInference.boolean != 0 { return .boolean }
            if set & CSVTypeInference.integer != 0 { return .int64 }
            if set & CSVTypeInference.double != 0 { return .float64 }
            if set & CSVTypeInference.date != 0 { return .date }
            if set & CSVTypeInference.timestamp != 0 {
                let utc = timestampFormat?.hasZone ?? sawZone[column]
                return .timestamp(timestampUnit, utc: utc)
            }
            return .string
        }
    }
}
