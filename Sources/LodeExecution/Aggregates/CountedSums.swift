import LodeCore

/// Adds every non-null `widen(value)` of `column` to `sums[groups[i]]` and counts it in
/// `counts`: the loop shared by integer and decimal `sum` and exact `avg`. Returns `true`
/// when a sum overflowed.
@inline(__always)
func addCountedSums<T: FixedWidthValue, S: FixedWidthInteger>(
    _ column: PrimitiveArray<T>, _ groups: [Int32], sums: inout [S], counts: inout [Int64], widen: (T) -> S
) -> Bool {
    let validity = column.validity
    return sums.withUnsafeMutableBufferPointer { sums in
        counts.withUnsafeMutableBufferPointer { counts in
            column.storage.withUnsafeBufferPointer { values in
                groups.withUnsafeBufferPointer { groups in
                    var overflow = false
                    if let validity {
                        for i in 0..<groups.count where validity[i] {
                            let g = Int(groups[i])
                            let (s, o) = sums[g].addingReportingOverflow(widen(values[i]))
                            sums[g] = s
                            overflow = overflow || o
                            counts[g] &+= 1
                        }
                    } else {
                        for i in 0..<groups.count {
                            let g = Int(groups[i])
                            let (s, o) = sums[g].addingReportingOverflow(widen(values[i]))
                            sums[g] = s
                            overflow = overflow || o
                            counts[g] &+= 1
                        }
                    }
                    return overflow
                }
            }
        }
    }
}
