import LodeCore

/// `array` without the rows at `dropped` (ascending, no repeats).
func droppingRows(_ array: any ColumnArray, _ dropped: [Int]) -> any ColumnArray {
    guard !dropped.isEmpty else { return array }
    var kept: [Int] = []
    kept.reserveCapacity(array.count - dropped.count)
    var next = 0
    for index in dropped {
        kept.append(contentsOf: next..<index)
        next = index + 1
    }
    kept.append(contentsOf: next..<array.count)
    return taking(array, kept)
}
