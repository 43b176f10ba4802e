import LodeCore

/// Typed per-row access to a function's arguments, for kernels that work a row at a time
/// (text, regular expressions, calendars). Constants are read at row 0.
struct RowArguments {
    let operands: [Operand]
    let texts: [BinaryArray?]
    let validities: [Bitmap?]
    /// Integer arguments widened once per batch.
    let integers: [[Int64]?]

    init(_ operands: [Operand], count: Int) {
        self.operands = operands
        texts = operands.map { $0.array as? BinaryArray }
        validities = operands.map { $0.validity(count: count) }
        integers = operands.map { operand -> [Int64]? in
            switch operand.array {
            case let a as PrimitiveArray<Int64>: return a.storage
            case let a as PrimitiveArray<Int32>: return a.storage.map(Int64.init)
            case let a as PrimitiveArray<Int16>: return a.storage.map(Int64.init)
            case let a as PrimitiveArray<Int8>: return a.storage.map(Int64.init)
            default: return nil
            }
        }
    }

    @inline(__always) func index(_ k: Int, _ row: Int) -> Int { operands[k].isConstant ? 0 : row }

    /// Whether argument `k` is NULL at `row`.
    @inline(__always) func isNull(_ k: Int, _ row: Int) -> Bool {
        guard let v = validities[k] else { return false }
        return !v[row]
    }

    /// Whether any argument is NULL at `row`.
    @inline(__always) func anyNull(_ row: Int) -> Bool {
        for k in 0..<operands.count where isNull(k, row) { return true }
        return false
    }

    @inline(__always) func bytes(_ k: Int, _ row: Int) -> ArraySlice<UInt8> {
        texts[k]?.bytes(at: index(k, row)) ?? []
    }

    func string(_ k: Int, _ row: Int) -> String {
        texts[k]?.string(at: index(k, row)) ?? ""
    }

    /// An integer argument of any integer storage.
    @inline(__always) func int(_ k: Int, _ row: Int) -> Int64 {
        integers[k]?[index(k, row)] ?? 0
    }

    @inline(__always) func double(_ k: Int, _ row: Int) -> Double {
        (operands[k].array as? PrimitiveArray<Double>)?.storage[index(k, row)] ?? 0
    }

    /// Whether every argument is a constant (the result is computed once).
    var allConstant: Bool { operands.allSatisfy(\.isConstant) }
}

/// Row-at-a-time loops producing typed columns; a row with a NULL argument gives NULL
/// unless `nullsIn` is set, and all-constant arguments are computed once and repeated.
enum RowKernels {
    static func text(_ args: [Operand], _ count: Int, nullsIn: Bool = false,
                     _ body: (RowArguments, Int, inout [UInt8]) throws -> Bool) throws -> any ColumnArray {
        let rows = RowArguments(args, count: count)
        let n = rows.allConstant ? min(count, 1) : count
        let checkNulls = !nullsIn && rows.validities.contains { $0 != nil }
        var bytes: [UInt8] = []
        var offsets = [Int32](repeating: 0, count: n + 1)
        var validity: Bitmap? = nil
        for row in 0..<n {
            let start = bytes.count
            if !(checkNulls && rows.anyNull(row)), try body(rows, row, &bytes) {
                guard bytes.count <= Int(Int32.max) else { throw ExecutionError(.outOfRange, "text column larger than 2 GiB") }
            } else {
                bytes.removeSubrange(start...)
                if validity == nil { validity = Bitmap(count: n, value: true) }
                validity?[row] = false
            }
            offsets[row + 1] = Int32(truncatingIfNeeded: bytes.count)
        }
        let out = BinaryArray(.string, offsets: offsets, bytes: bytes, validity: validity)
        return n == count ? out : broadcast(out, count: count)
    }

    static func primitive<R: FixedWidthValue>(_ type: DataType, _ args: [Operand], _ count: Int, nullsIn: Bool = false,
                                              _ body: (RowArguments, Int) throws -> R?) throws -> any ColumnArray {
        let rows = RowArguments(args, count: count)
        let n = rows.allConstant ? min(count, 1) : count
        var builder = PrimitiveBuilder<R>(type, capacity: n)
        for row in 0..<n {
            if !nullsIn && rows.anyNull(row) { builder.appendNull(); continue }
            if let r = try body(rows, row) { builder.append(r) } else { builder.appendNull() }
        }
        let out = builder.finish()
        return n == count ? out : broadcast(out, count: count)
    }

    static func boolean(_ args: [Operand], _ count: Int, _ body: (RowArguments, Int) throws -> Bool?) throws -> any ColumnArray {
        let rows = RowArguments(args, count: count)
        let n = rows.allConstant ? min(count, 1) : count
        var builder = BooleanBuilder(capacity: n)
        for row in 0..<n {
            if rows.anyNull(row) { builder.appendNull(); continue }
            if let r = try body(rows, row) { builder.append(r) } else { builder.appendNull() }
        }
        let out = builder.finish()
        return n == count ? out : broadcast(out, count: count)
    }
}
