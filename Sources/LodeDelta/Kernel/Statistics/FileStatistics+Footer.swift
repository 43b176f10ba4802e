import LodeCore
import LodeParquet

extension FileStatistics {
    /// Statistics of a data file from its Parquet footer (what ``ParquetWriter/close()``
    /// returns), without reading its data: row count, null counts and bounds merged
    /// over row groups, cut as ``FileStatisticsCollector`` cuts them. A column loses its
    /// bounds when a row group lacks them or holds NaN; columns inside lists and maps
    /// get no statistics.
    public init(footer: FileMetaData, schema: Schema, columns: StatisticsColumns) {
        self.init(numRecords: footer.numRows)
        var leafTypes: [[String]: (path: String, type: DataType)] = [:]
        func visit(_ fields: [Field], _ parts: [String]) {
            for field in fields {
                if case .struct(let children) = field.type {
                    visit(children, parts + [field.name])
                } else if !field.type.isNested {
                    leafTypes[parts + [field.name]] = ((parts + [field.name]).joined(separator: "."), field.type)
                }
            }
        }
        visit(schema.fields, [])
        var bounds: [String: FileStatisticsCollector.Bounds] = [:]
        var nullCounts: [String: Int64] = [:]
        var incomplete = Set<String>()
        for group in footer.rowGroups {
            for chunk in group.columns {
                guard let meta = chunk.metaData, let leaf = leafTypes[meta.pathInSchema], columns.contains(leaf.path) else { continue }
                guard let stats = meta.statistics else {
                    incomplete.insert(leaf.path)
                    bounds[leaf.path, default: .init()].unusable = true
                    continue
                }
                if let n = stats.nullCount, !incomplete.contains(leaf.path) {
                    nullCounts[leaf.path, default: 0] += n
                } else {
                    incomplete.insert(leaf.path)
                }
                guard FileStatisticsCollector.Bounds.kept(leaf.type) else { continue }
                let allNull = stats.nullCount.map { $0 == meta.numValues } ?? false
                if allNull { continue }
                let minBytes = stats.minValue ?? (Self.signedOrderIsSafe(leaf.type) ? stats.min : nil)
                let maxBytes = stats.maxValue ?? (Self.signedOrderIsSafe(leaf.type) ? stats.max : nil)
                guard let minBytes, let maxBytes,
                      let low = Self.decode(minBytes, physical: meta.type, type: leaf.type),
                      let high = Self.decode(maxBytes, physical: meta.type, type: leaf.type) else {
                    bounds[leaf.path, default: .init()].unusable = true
                    continue
                }
                bounds[leaf.path, default: .init()].merge(low, high)
            }
        }
        for (path, count) in nullCounts where !incomplete.contains(path) { nullCount[path] = count }
        for (path, bound) in bounds where !bound.unusable {
            if let min = bound.min { minValues[path] = Self.truncated(min, isMax: false) }
            if let max = bound.max { maxValues[path] = Self.truncated(max, isMax: true) }
        }
    }

    private static func signedOrderIsSafe(_ type: DataType) -> Bool {
        switch type {
        case .int8, .int16, .int32, .int64, .float32, .float64, .date, .timestamp: return true
        default: return false
        }
    }

    /// A PLAIN-encoded statistics bound as a value of `type`; `nil` when it does not fit or is NaN.
    static func decode(_ bytes: [UInt8], physical: PhysicalType, type: DataType) -> Value? {
        func le<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard bytes.count == MemoryLayout<T>.size else { return nil }
            return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
        }
        switch (type, physical) {
        case (.int8, .int32), (.int16, .int32), (.int32, .int32): return le(Int32.self).map { .int(Int64($0)) }
        case (.date, .int32): return le(Int32.self).map(Value.date)
        case (.int64, .int64): return le(Int64.self).map(Value.int)
        case (.timestamp(let unit, let utc), .int64): return le(Int64.self).map { .timestamp($0, unit, utc: utc) }
        case (.float32, .float):
            guard let bits = le(UInt32.self) else { return nil }
            let f = Float(bitPattern: bits)
            return f.isNaN ? nil : .double(Double(f))
        case (.float64, .double):
            guard let bits = le(UInt64.self) else { return nil }
            let d = Double(bitPattern: bits)
            return d.isNaN ? nil : .double(d)
        case (.decimal(let p, let s), .int32): return le(Int32.self).map { .decimal(Decimal128(Int128($0), precision: p, scale: s)) }
        case (.decimal(let p, let s), .int64): return le(Int64.self).map { .decimal(Decimal128(Int128($0), precision: p, scale: s)) }
        case (.decimal(let p, let s), .fixedLenByteArray), (.decimal(let p, let s), .byteArray):
            guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
            var value: Int128 = bytes[0] >= 0x80 ? -1 : 0
            for byte in bytes { value = value << 8 | Int128(byte) }
            return .decimal(Decimal128(value, precision: p, scale: s))
        case (.string, .byteArray):
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            return .string(text)
        default:
            return nil
        }
    }
}

extension FileStatisticsCollector.Bounds {
    /// Whether min/max are kept for columns of `type`.
    static func kept(_ type: DataType) -> Bool {
        switch type {
        case .int8, .int16, .int32, .int64, .float32, .float64, .decimal, .string, .date, .timestamp: return true
        default: return false
        }
    }
}
