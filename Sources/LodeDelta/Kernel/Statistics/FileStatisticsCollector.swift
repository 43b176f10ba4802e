import LodeCore

/// Computes a data file's statistics from the record batches written to it, as
/// Spark does: min/max for numbers, decimals, strings, dates and timestamps; null
/// counts for every column (a list or map counted as one); strings cut to
/// ``FileStatistics/stringPrefixLength`` characters (a cut maximum ends in U+10FFFF);
/// timestamps truncated to milliseconds. A floating column holding NaN gets no bounds.
///
/// ```swift
/// var collector = FileStatisticsCollector(schema: schema, columns: StatisticsColumns(schema: schema, properties: props))
/// for batch in batches { collector.add(batch) }
/// add.stats = collector.statistics.jsonString(schema: schema)
/// ```
public struct FileStatisticsCollector {
    public let schema: Schema
    public let columns: StatisticsColumns
    private var rows: Int64 = 0
    private var bounds: [String: Bounds] = [:]
    private var nulls: [String: Int64] = [:]

    public init(schema: Schema, columns: StatisticsColumns) {
        self.schema = schema
        self.columns = columns
    }

    /// Statistics of `batches` in one call.
    public static func statistics(of batches: [RecordBatch], schema: Schema, properties: [String: String] = [:]) -> FileStatistics {
        var collector = FileStatisticsCollector(schema: schema, columns: StatisticsColumns(schema: schema, properties: properties))
        for batch in batches { collector.add(batch) }
        return collector.statistics
    }

    /// Adds a batch whose columns follow ``schema`` (matched by name).
    public mutating func add(_ batch: RecordBatch) {
        rows += Int64(batch.count)
        for field in schema.fields {
            guard let column = batch.column(named: field.name) else { continue }
            visit(column, field: field, path: field.name, parentValid: nil)
        }
    }

    public var statistics: FileStatistics {
        var stats = FileStatistics(numRecords: rows)
        for (path, bound) in bounds where !bound.unusable {
            if let min = bound.min { stats.minValues[path] = FileStatistics.truncated(min, isMax: false) }
            if let max = bound.max { stats.maxValues[path] = FileStatistics.truncated(max, isMax: true) }
        }
        stats.nullCount = nulls
        return stats
    }

    private mutating func visit(_ column: any ColumnArray, field: Field, path: String, parentValid: Bitmap?) {
        let valid = combine(parentValid, column.validity, count: column.count)
        if case .struct(let children) = field.type, let structArray = column as? StructArray {
            for (child, array) in zip(children, structArray.children) {
                visit(array, field: child, path: path + "." + child.name, parentValid: valid)
            }
            return
        }
        guard columns.contains(path) else { return }
        let nullCount = valid.map { Int64($0.count - $0.setCount) } ?? 0
        nulls[path, default: 0] += nullCount
        if let (low, high, unusable) = Self.range(column, valid: valid) {
            var bound = bounds[path] ?? Bounds()
            bound.merge(low, high)
            bound.unusable = bound.unusable || unusable
            bounds[path] = bound
        }
    }

    private func combine(_ a: Bitmap?, _ b: Bitmap?, count: Int) -> Bitmap? {
        guard let a else { return b }
        guard let b else { return a }
        return Bitmap(words: zip(a.words, b.words).map { $0 & $1 }, count: count)
    }

    /// The smallest and largest valid value of a primitive column, and whether a NaN makes bounds unusable.
    static func range(_ column: any ColumnArray, valid: Bitmap?) -> (Value, Value, Bool)? {
        func extremes<T: Comparable>(_ storage: [T], _ box: (T) -> Value) -> (Value, Value, Bool)? {
            var low: T?, high: T?
            storage.withUnsafeBufferPointer { values in
                for i in values.indices where valid?[i] ?? true {
                    let v = values[i]
                    if let l = low { if v < l { low = v } } else { low = v }
                    if let h = high { if v > h { high = v } } else { high = v }
                }
            }
            guard let low, let high else { return nil }
            return (box(low), box(high), false)
        }
        let type = column.dataType
        switch column {
        case let a as PrimitiveArray<Int8>: return extremes(a.storage) { .int(Int64($0)) }
        case let a as PrimitiveArray<Int16>: return extremes(a.storage) { .int(Int64($0)) }
        case let a as PrimitiveArray<Int32>:
            if type == .date { return extremes(a.storage) { .date($0) } }
            return extremes(a.storage) { .int(Int64($0)) }
        case let a as PrimitiveArray<Int64>:
            if case .timestamp(let unit, let utc) = type { return extremes(a.storage) { .timestamp($0, unit, utc: utc) } }
            return extremes(a.storage) { .int($0) }
        case let a as PrimitiveArray<Float>:
            let hasNaN = a.storage.indices.contains { (valid?[$0] ?? true) && a.storage[$0].isNaN }
            return extremes(a.storage) { .double(Double($0)) }.map { ($0.0, $0.1, hasNaN) }
        case let a as PrimitiveArray<Double>:
            let hasNaN = a.storage.indices.contains { (valid?[$0] ?? true) && a.storage[$0].isNaN }
            return extremes(a.storage) { .double($0) }.map { ($0.0, $0.1, hasNaN) }
        case let a as PrimitiveArray<Int128>:
            guard case .decimal(let p, let s) = type else { return nil }
            return extremes(a.storage) { .decimal(Decimal128($0, precision: p, scale: s)) }
        case let a as BinaryArray where type == .string:
            var low: Range<Int>?, high: Range<Int>?
            a.bytes.withUnsafeBufferPointer { bytes in
                func less(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
                    UnsafeBufferPointer(rebasing: bytes[x]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[y]))
                }
                for i in 0..<a.count where valid?[i] ?? true {
                    let r = Int(a.offsets[i])..<Int(a.offsets[i + 1])
                    if let l = low { if less(r, l) { low = r } } else { low = r }
                    if let h = high { if less(h, r) { high = r } } else { high = r }
                }
            }
            guard let low, let high else { return nil }
            return (.string(String(decoding: a.bytes[low], as: UTF8.self)), .string(String(decoding: a.bytes[high], as: UTF8.self)), false)
        default:
            return nil
        }
    }

    struct Bounds {
        var min: Value?
        var max: Value?
        var unusable = false

        mutating func merge(_ low: Value, _ high: Value) {
            if let current = min { if let order = Value.compare(low, current), order < 0 { min = low } } else { min = low }
            if let current = max { if let order = Value.compare(high, current), order > 0 { max = high } } else { max = high }
        }
    }
}

extension FileStatistics {
    /// A bound as written to the log: strings cut to 32 characters (a cut maximum
    /// gets U+10FFFF appended), timestamps truncated to milliseconds.
    static func truncated(_ value: Value, isMax: Bool) -> Value {
        switch value {
        case .string(let s):
            guard s.unicodeScalars.count > stringPrefixLength else { return value }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: s.unicodeScalars.prefix(stringPrefixLength))
            return .string(String(scalars) + (isMax ? truncatedMaxSuffix : ""))
        case .timestamp(let v, let unit, let utc):
            let perMilli = unit.perSecond / 1000
            let floored = v >= 0 ? v / perMilli * perMilli : (v - perMilli + 1) / perMilli * perMilli
            return .timestamp(floored, unit, utc: utc)
        default:
            return value
        }
    }
}
