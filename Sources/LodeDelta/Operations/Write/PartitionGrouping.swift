import LodeCore

/// Groups the rows of a batch by the values of its partition columns.
///
/// Each partition column is dictionary-encoded on its storage (no boxing per row);
/// a value's log text is made once, from its first row. Groups come in the order
/// their first row appears.
enum PartitionGrouping {
    /// The partition values (log text, `nil` for null or empty) and the rows of each group.
    static func groups(_ columns: [any ColumnArray], rowCount: Int) -> [(values: [String?], rows: [Int])] {
        guard !columns.isEmpty else { return [([], Array(0..<rowCount))] }
        let encoded = columns.map(encode)
        var groupOfKey: [Int: Int] = [:]
        var groupOfCodes: [[Int32]: Int] = [:]
        var radix: [Int] = []
        var product = 1
        var packable = true
        for column in encoded {
            let (p, overflow) = product.multipliedReportingOverflow(by: max(1, column.texts.count))
            if overflow { packable = false; break }
            radix.append(product)
            product = p
        }
        var result: [(values: [String?], rows: [Int])] = []
        for row in 0..<rowCount {
            let index: Int
            if packable {
                var key = 0
                for (c, column) in encoded.enumerated() { key += Int(column.codes[row]) * radix[c] }
                if let found = groupOfKey[key] {
                    index = found
                } else {
                    index = result.count
                    groupOfKey[key] = index
                    result.append((encoded.map { $0.texts[Int($0.codes[row])] }, []))
                }
            } else {
                let codes = encoded.map { $0.codes[row] }
                if let found = groupOfCodes[codes] {
                    index = found
                } else {
                    index = result.count
                    groupOfCodes[codes] = index
                    result.append((encoded.map { $0.texts[Int($0.codes[row])] }, []))
                }
            }
            result[index].rows.append(row)
        }
        return result
    }

    /// A column as one code per row and the log text of each code.
    struct Encoded {
        var codes: [Int32]
        var texts: [String?]
    }

    static func encode(_ column: any ColumnArray) -> Encoded {
        var codes = [Int32](repeating: 0, count: column.count)
        var texts: [String?] = []
        var nullCode: Int32?
        func text(_ row: Int) -> String? {
            let t = PartitionValue.text(column.value(at: row))
            return t?.isEmpty == true ? nil : t
        }
        func code<K: Hashable>(_ key: K, row: Int, _ table: inout [K: Int32]) -> Int32 {
            if let c = table[key] { return c }
            let c = Int32(texts.count)
            table[key] = c
            texts.append(text(row))
            return c
        }
        func fixed<T: FixedWidthValue>(_ a: PrimitiveArray<T>) {
            var table: [T: Int32] = [:]
            a.storage.withUnsafeBufferPointer { values in
                for row in 0..<values.count {
                    if a.isNull(row) { continue }
                    codes[row] = code(values[row], row: row, &table)
                }
            }
        }
        switch column {
        case let a as PrimitiveArray<Int8>: fixed(a)
        case let a as PrimitiveArray<Int16>: fixed(a)
        case let a as PrimitiveArray<Int32>: fixed(a)
        case let a as PrimitiveArray<Int64>: fixed(a)
        case let a as PrimitiveArray<Float>: fixed(a)
        case let a as PrimitiveArray<Double>: fixed(a)
        case let a as PrimitiveArray<Int128>: fixed(a)
        case let a as BooleanArray:
            var table: [Bool: Int32] = [:]
            for row in 0..<a.count where !a.isNull(row) { codes[row] = code(a.storage[row], row: row, &table) }
        case let a as BinaryArray:
            var table: [ArraySlice<UInt8>: Int32] = [:]
            for row in 0..<a.count where !a.isNull(row) { codes[row] = code(a.bytes(at: row), row: row, &table) }
        default:
            var table: [String?: Int32] = [:]
            for row in 0..<column.count where !column.isNull(row) { codes[row] = code(text(row), row: row, &table) }
        }
        for row in 0..<column.count where column.isNull(row) {
            if nullCode == nil {
                nullCode = Int32(texts.count)
                texts.append(nil)
            }
            codes[row] = nullCode!
        }
        return Encoded(codes: codes, texts: texts)
    }
}
