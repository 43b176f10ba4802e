import LodeCore

/// `value IN (c1, c2, ...)` with SQL's NULL semantics: TRUE on a match, else NULL when
/// the value or any candidate is NULL, else FALSE. Constant candidates become a hash set.
struct InListExpression: PhysicalExpression {
    let value: any PhysicalExpression
    let candidates: [any PhysicalExpression]
    /// The set test when every candidate is a constant.
    private let lookup: (@Sendable (Operand, Int) throws -> BooleanArray)?

    var type: DataType { .boolean }

    init(value: any PhysicalExpression, candidates: [any PhysicalExpression]) throws {
        self.value = value
        self.candidates = candidates
        let constants = candidates.compactMap { $0 as? LiteralExpression }
        lookup = constants.count == candidates.count ? try InListExpression.setLookup(value.type, constants.map(\.single)) : nil
    }

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let operand = try value.operand(batch)
        if let lookup {
            let result = try lookup(operand, batch.count)
            return operand.isConstant ? broadcast(result, count: batch.count) : result
        }
        var result: BooleanArray? = nil
        let equal = try Comparison.kernel(.equal, value.type)
        for candidate in candidates {
            guard let test = try equal([operand, candidate.operand(batch)], batch.count) as? BooleanArray else {
                throw ExecutionError(.internal, "IN comparison is not boolean")
            }
            result = result.map { Logic.combine($0, test, isAnd: false) } ?? test
        }
        return result ?? BooleanArray(storage: Array(repeating: false, count: batch.count))
    }

    var description: String { "\(value) IN (\(candidates.map(\.description).joined(separator: ", ")))" }

    /// A set test over the non-null constants; a NULL constant makes misses NULL.
    static func setLookup(_ type: DataType, _ constants: [any ColumnArray]) throws -> @Sendable (Operand, Int) throws -> BooleanArray {
        let hasNull = constants.contains { $0.isNull(0) }
        let present = constants.filter { !$0.isNull(0) }
        @Sendable func finish(_ found: [Bool], _ validity: Bitmap?) -> BooleanArray {
            guard hasNull else { return BooleanArray(storage: found, validity: validity) }
            var bits = validity ?? Bitmap(count: found.count, value: true)
            for i in 0..<found.count where !found[i] { bits[i] = false }
            return BooleanArray(storage: found, validity: bits)
        }
        func fixed<T: FixedWidthValue>(_: T.Type) throws -> @Sendable (Operand, Int) throws -> BooleanArray {
            let values = try present.map { try Operand(array: $0, isConstant: true).primitive(T.self).storage[0] }
            if values.count <= 8 {
                return { operand, count in
                    let a = try operand.primitive(T.self)
                    let found = a.storage.withUnsafeBufferPointer { column in column.map { values.contains($0) } }
                    return finish(found, a.validity)
                }
            }
            let set = Set(values)
            return { operand, count in
                let a = try operand.primitive(T.self)
                let found = a.storage.withUnsafeBufferPointer { values in values.map { set.contains($0) } }
                return finish(found, a.validity)
            }
        }
        switch type {
        case .int8: return try fixed(Int8.self)
        case .int16: return try fixed(Int16.self)
        case .int32, .date: return try fixed(Int32.self)
        case .int64, .timestamp: return try fixed(Int64.self)
        case .float32: return try fixed(Float.self)
        case .float64: return try fixed(Double.self)
        case .decimal: return try fixed(Int128.self)
        case .boolean:
            let set = Set(try present.map { try Operand(array: $0, isConstant: true).booleans().storage[0] })
            return { operand, count in
                let a = try operand.booleans()
                return finish(a.storage.map { set.contains($0) }, a.validity)
            }
        case .string, .binary:
            let candidates = ByteStringSet(try present.map { Array(try Operand(array: $0, isConstant: true).binary().bytes(at: 0)) })
            return { operand, count in
                let a = try operand.binary()
                let found = a.bytes.withUnsafeBytes { bytes in
                    a.offsets.withUnsafeBufferPointer { offsets in
                        (0..<a.count).map { i in
                            candidates.contains(UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[i])..<Int(offsets[i + 1])]))
                        }
                    }
                }
                return finish(found, a.validity)
            }
        default: throw ExecutionError(.internal, "no IN for \(type)")
        }
    }
}

/// A set of byte strings probed with raw buffers: a few candidates are compared directly,
/// more are bucketed by an FNV-1a hash of their bytes.
struct ByteStringSet: Sendable {
    private let values: [[UInt8]]
    private let buckets: [UInt64: [Int]]

    init(_ values: [[UInt8]]) {
        self.values = values
        var buckets: [UInt64: [Int]] = [:]
        if values.count > 8 {
            for (i, v) in values.enumerated() { v.withUnsafeBytes { buckets[Self.hash($0), default: []].append(i) } }
        }
        self.buckets = buckets
    }

    @inline(__always)
    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if values.count <= 8 {
            for v in values where v.count == bytes.count {
                if v.withUnsafeBytes({ compareBytes($0, bytes) == 0 }) { return true }
            }
            return false
        }
        guard let candidates = buckets[Self.hash(bytes)] else { return false }
        return candidates.contains { i in values[i].withUnsafeBytes { compareBytes($0, bytes) == 0 } }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
