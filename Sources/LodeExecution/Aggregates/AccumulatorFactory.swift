import LodeCore
import LodePlan

/// The accumulator computing `call` (`sum`, `count(DISTINCT x)`, `string_agg(s, ',' ORDER BY t)`).
///
/// `call.arguments` are already cast to the signature the ``FunctionRegistry`` resolved;
/// `DISTINCT` and `ORDER BY` wrap the base function.
public func makeAccumulator(_ call: AggregateCall) throws -> any GroupedAccumulator {
    try makePairwiseAccumulator(call)
}

/// ``makeAccumulator(_:)``, as the accumulator type window frames merge group by group.
func makePairwiseAccumulator(_ call: AggregateCall) throws -> PairwiseAccumulator {
    let argumentTypes = call.arguments.map(\.type)
    var accumulator: PairwiseAccumulator = try makeBaseAccumulator(call.name, argumentTypes: argumentTypes, type: call.type)
    if !call.orderBy.isEmpty {
        accumulator = OrderedAccumulator(base: accumulator, argumentTypes: argumentTypes, keys: call.orderBy)
    }
    if call.isDistinct, !argumentTypes.isEmpty {
        let columnTypes = argumentTypes + call.orderBy.map(\.expression.type)
        accumulator = DistinctAccumulator(base: accumulator, columnTypes: columnTypes, keyCount: argumentTypes.count)
    }
    return accumulator
}

/// The accumulator of a function without `DISTINCT` or `ORDER BY`.
func makeBaseAccumulator(_ name: String, argumentTypes: [DataType], type: DataType) throws -> PairwiseAccumulator {
    let input = argumentTypes.first
    switch aggregateAliases[name] ?? name {
    case "count_star": return CountAccumulator(countsNulls: true)
    case "count": return CountAccumulator(countsNulls: false)
    case "sum":
        switch input {
        case .int8?, .int16?, .int32?, .int64?: return IntegerSumAccumulator()
        case .decimal?: return DecimalSumAccumulator(type: type)
        case .float32?, .float64?: return DoubleSumAccumulator()
        default: break
        }
    case "avg":
        switch input {
        case .int8?, .int16?, .int32?, .int64?: return ExactAverageAccumulator(scale: 0)
        case .decimal(_, let scale)?: return ExactAverageAccumulator(scale: scale)
        case .float32?, .float64?: return DoubleAverageAccumulator()
        default: break
        }
    case "min", "max":
        if let input { return try makeMinMaxAccumulator(type: input, isMax: name == "max") }
    case "stddev_samp", "stddev_pop", "var_samp", "var_pop":
        return VarianceAccumulator(kind: VarianceAccumulator.Kind(rawValue: name) ?? .sampleVariance)
    case "string_agg": return StringAggAccumulator(type: type)
    case "bool_and": return BooleanAccumulator(isAnd: true)
    case "bool_or": return BooleanAccumulator(isAnd: false)
    case "approx_count_distinct": return HyperLogLogAccumulator()
    case "first": return FirstAccumulator(type: type, skipsNulls: false)
    case "any_value": return FirstAccumulator(type: type, skipsNulls: true)
    default: break
    }
    let types = argumentTypes.map(\.description).joined(separator: ", ")
    throw ExecutionError(.internal, "no aggregate implementation for \(name)(\(types))")
}

/// Other names DuckDB accepts for an aggregate, mapped to the name the factory implements.
let aggregateAliases: [String: String] = [
    "stddev": "stddev_samp", "variance": "var_samp", "mean": "avg", "arbitrary": "first",
    "group_concat": "string_agg", "listagg": "string_agg", "count_distinct": "count",
]

/// An accumulator that can also add chosen groups of another into chosen groups of itself,
/// which window frames (segment trees) need.
protocol PairwiseAccumulator: GroupedAccumulator {
    /// Adds group `sources[i]` of `other` into group `targets[i]` of this one, for every
    /// `i`, in order.
    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws
}

extension PairwiseAccumulator {
    func merge(_ other: any GroupedAccumulator, targets: [Int32]) throws {
        try merge(other, sources: (0..<Int32(targets.count)).map { $0 }, targets: targets)
    }

    /// `other` as this accumulator's own type, or an internal error.
    func same(_ other: any GroupedAccumulator) throws -> Self {
        guard let other = other as? Self else {
            throw ExecutionError(.internal, "cannot merge \(type(of: other)) into \(Self.self)")
        }
        return other
    }
}

/// Validity bits from per-group counts: a group is valid when it saw at least one value.
func validity(counts: [Int64]) -> Bitmap {
    var bits = Bitmap(count: counts.count, value: false)
    for (g, c) in counts.enumerated() where c > 0 { bits[g] = true }
    return bits
}

/// Grows `array` to `count` entries filled with `value`.
@inline(__always)
func grow<T>(_ array: inout [T], to count: Int, with value: T) {
    if array.count < count { array.append(contentsOf: repeatElement(value, count: count - array.count)) }
}
