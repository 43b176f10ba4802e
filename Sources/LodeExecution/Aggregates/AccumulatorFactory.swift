import LodePlan

/// The accumulator computing `call`.
public func makeAccumulator(_ call: AggregateCall) throws -> any GroupedAccumulator {
    throw ExecutionError(.internal, "no accumulator for \(call.name)")
}
