import LodeCore

/// `avg` of integers and decimals as DOUBLE: the sum is kept exactly in 128 bits and
/// divided once at the end.
final class ExactAverageAccumulator: PairwiseAccumulator {
    private let scale: Int
    private var sums: [Int128] = []
    private var counts: [Int64] = []

    /// `scale` is the input's decimal scale (0 for integers).
    init(scale: Int) { self.scale = scale }

    func resize(groups count: Int) throws {
        grow(&sums, to: count, with: 0)
        grow(&counts, to: count, with: 0)
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        let overflowed: Bool
        switch arguments.first {
        // Decimals arrive as Int128 and need no widening (a generic widening is not
        // specialized by the compiler and dominated the profile).
        case let a as PrimitiveArray<Int128>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { $0 }
        case let a as PrimitiveArray<Int64>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int128($0) }
        case let a as PrimitiveArray<Int32>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int128($0) }
        case let a as PrimitiveArray<Int16>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int128($0) }
        case let a as PrimitiveArray<Int8>: overflowed = addCountedSums(a, groups, sums: &sums, counts: &counts) { Int128($0) }
        default: throw ExecutionError(.internal, "avg got \(arguments.first?.dataType.description ?? "no column")")
        }
        if overflowed { throw ExecutionError(.outOfRange, "avg: sum is out of the 128-bit range") }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            let (sum, overflow) = sums[t].addingReportingOverflow(other.sums[s])
            if overflow { throw ExecutionError(.outOfRange, "avg: sum is out of the 128-bit range") }
            sums[t] = sum
            counts[t] &+= other.counts[s]
        }
    }

    func finish() throws -> any ColumnArray {
        let power = Decimal128.powerOfTen(scale)
        var out = [Double](repeating: 0, count: sums.count)
        for g in 0..<sums.count where counts[g] > 0 {
            let (divisor, overflow) = Int128(counts[g]).multipliedReportingOverflow(by: power)
            if overflow {
                out[g] = Double(sums[g]) / Double(counts[g]) / Double(power)
                continue
            }
            let (quotient, remainder) = sums[g].quotientAndRemainder(dividingBy: divisor)
            out[g] = Double(quotient) + Double(remainder) / Double(divisor)
        }
        return PrimitiveArray<Double>(.float64, storage: out, validity: validity(counts: counts))
    }

    var memoryUsage: Int { sums.capacity * 16 + counts.capacity * 8 }
}

/// `avg` of floating-point values as DOUBLE.
final class DoubleAverageAccumulator: PairwiseAccumulator {
    private let sum = DoubleSumAccumulator()

    func resize(groups count: Int) throws { try sum.resize(groups: count) }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        try sum.update(groups: groups, arguments: arguments)
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        try sum.merge(other.sum, sources: sources, targets: targets)
    }

    func finish() throws -> any ColumnArray {
        guard let sums = try sum.finish() as? PrimitiveArray<Double> else {
            throw ExecutionError(.internal, "avg lost its sums")
        }
        var out = sums
        let counts = sum.counts
        for g in 0..<out.storage.count where counts[g] > 0 { out.storage[g] /= Double(counts[g]) }
        return out
    }

    var memoryUsage: Int { sum.memoryUsage }
}
