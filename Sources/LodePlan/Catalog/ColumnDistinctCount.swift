import LodeCore

extension TableSource {
    /// No estimate unless a source knows better.
    public func distinctCount(ofColumn index: Int) -> Int? { nil }
}

/// An upper bound on the distinct values of an integer or date column whose values lie in
/// `min...max`: the width of the range, capped by the row count.
public func distinctCountBound(min: Value, max: Value, rows: Int?) -> Int? {
    let width: Int64
    switch (min, max) {
    case (.int(let a), .int(let b)): width = b.subtractingReportingOverflow(a).partialValue
    case (.date(let a), .date(let b)): width = Int64(b) - Int64(a)
    default: return nil
    }
    guard width >= 0, width < Int64(Int.max) else { return nil }
    let bound = Int(width) + 1
    return rows.map { Swift.min($0, bound) } ?? bound
}
