import LodeCore

/// `sum` of integers as BIGINT; a sum past the BIGINT range is an out-of-range error.
final class IntegerSumAccumulator: PairwiseAccumulator {
    private var sums: [Int64] = []
    private var counts: [Int64] = []

    func resize(groups count: Int) throws {
        grow(&sums, to: count, with: 0)
        grow(&counts, to: count, with: 0)
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        let overflowed: Bool
        switch arguments.first {
        case let a as PrimitiveArray<Int64>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int64($0) }
        case let a as PrimitiveArray<Int32>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int64($0) }
        case let a as PrimitiveArray<Int16>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int64($0) }
        case let a as PrimitiveArray<Int8>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int64($0) }
        default: throw ExecutionError(.internal, "sum of integers got \(arguments.first?.dataType.description ?? "no column")")
        }
        if overflowed { throw ExecutionError(.outOfRange, "sum is out of the BIGINT range") }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            let (sum, overflow) = sums[t].addingReportingOverflow(other.sums[s])
            if overflow { throw ExecutionError(.outOfRange, "sum is out of the BIGINT range") }
            sums[t] = sum
            counts[t] &+= other.counts[s]
        }
    }

    func finish() throws -> any ColumnArray {
        PrimitiveArray<Int64>(.int64, storage: sums, validity: validity(counts: counts))
    }

    var memoryUsage: Int { (sums.capacity + counts.capacity) * 8 }
}

/// `sum` of decimals as DECIMAL(38, s), accumulated exactly in 128 bits.
final class DecimalSumAccumulator: PairwiseAccumulator {
    private let type: DataType
    private var sums: [Int128] = []
    private var counts: [Int64] = []

    init(type: DataType) { self.type = type }

    func resize(groups count: Int) throws {
        grow(&sums, to: count, with: 0)
        grow(&counts, to: count, with: 0)
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first as? PrimitiveArray<Int128> else {
            throw ExecutionError(.internal, "sum of decimals got \(arguments.first?.dataType.description ?? "no column")")
        }
        let overflowed = addCountedSums(column, groups, sums: &sums, counts: &counts) { $0 }
        if overflowed { throw outOfRange() }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            let (sum, overflow) = sums[t].addingReportingOverflow(other.sums[s])
            if overflow { throw outOfRange() }
            sums[t] = sum
            counts[t] &+= other.counts[s]
        }
    }

    func finish() throws -> any ColumnArray {
        let limit = Decimal128.powerOfTen(DataType.maxDecimalPrecision)
        for s in sums where s >= limit || s <= -limit { throw outOfRange() }
        return PrimitiveArray<Int128>(type, storage: sums, validity: validity(counts: counts))
    }

    private func outOfRange() -> ExecutionError { ExecutionError(.outOfRange, "sum is out of the \(type) range") }

    var memoryUsage: Int { sums.capacity * 16 + counts.capacity * 8 }
}

/// `sum` of floating-point values as DOUBLE.
final class DoubleSumAccumulator: PairwiseAccumulator {
    private var sums: [Double] = []
    private(set) var counts: [Int64] = []

    func resize(groups count: Int) throws {
        grow(&sums, to: count, with: 0)
        grow(&counts, to: count, with: 0)
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        switch arguments.first {
        case let a as PrimitiveArray<Double>: add(a, groups)
        case let a as PrimitiveArray<Float>: add(a, groups)
        default: throw ExecutionError(.internal, "sum of doubles got \(arguments.first?.dataType.description ?? "no column")")
        }
    }

    private func add<T: BinaryFloatingPoint & FixedWidthValue>(_ column: PrimitiveArray<T>, _ groups: [Int32]) {
        let validity = column.validity
        sums.withUnsafeMutableBufferPointer { sums in
            counts.withUnsafeMutableBufferPointer { counts in
                column.storage.withUnsafeBufferPointer { values in
                    groups.withUnsafeBufferPointer { groups in
                        if let validity {
                            for i in 0..<groups.count where validity[i] {
                                let g = Int(groups[i])
                                sums[g] += Double(values[i])
                                counts[g] &+= 1
                            }
                        } else {
                            for i in 0..<groups.count {
                                let g = Int(groups[i])
                                sums[g] += Double(values[i])
                                counts[g] &+= 1
                            }
                        }
                    }
                }
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            sums[t] += other.sums[s]
            counts[t] &+= other.counts[s]
        }
    }

    func finish() throws -> any ColumnArray {
        PrimitiveArray<Double>(.float64, storage: sums, validity: validity(counts: counts))
    }

    var memoryUsage: Int { (sums.capacity + counts.capacity) * 8 }
}
