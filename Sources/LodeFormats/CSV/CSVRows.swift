/// The rows of one batch as tokenized: field and row boundaries into a ``ByteWindow``.
///
/// Every row kept here has exactly the file's column count, so field `c` of row `r`
/// is entry `r * columnCount + c` of the field arrays.
struct CSVRows {
    /// Field content ranges, quotes excluded.
    var fieldStarts: [Int] = []
    var fieldEnds: [Int] = []
    /// ``CSVRows/quoted`` and ``CSVRows/escaped`` bits per field.
    var fieldFlags: [UInt8] = []
    /// Raw extent of each row, line terminator excluded.
    var rowStarts: [Int] = []
    var rowEnds: [Int] = []
    /// 1-based line on which each row starts.
    var rowLines: [Int] = []

    /// The field was quoted.
    static let quoted: UInt8 = 1
    /// The field holds doubled quotes or escape characters to undo.
    static let escaped: UInt8 = 2

    var count: Int { rowLines.count }
    var fieldCount: Int { fieldStarts.count }

    @inline(__always)
    mutating func appendField(_ start: Int, _ end: Int, _ flags: UInt8) {
        fieldStarts.append(start)
        fieldEnds.append(end)
        fieldFlags.append(flags)
    }

    mutating func truncateFields(to count: Int) {
        guard count < fieldStarts.count else { return }
        fieldStarts.removeLast(fieldStarts.count - count)
        fieldEnds.removeLast(fieldEnds.count - count)
        fieldFlags.removeLast(fieldFlags.count - count)
    }

    mutating func appendRow(start: Int, end: Int, line: Int) {
        rowStarts.append(start)
        rowEnds.append(end)
        rowLines.append(line)
    }

    mutating func removeAll() {
        fieldStarts.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldFlags.removeAll(keepingCapacity: true)
        rowStarts.removeAll(keepingCapacity: true)
        rowEnds.removeAll(keepingCapacity: true)
        rowLines.removeAll(keepingCapacity: true)
    }
}
