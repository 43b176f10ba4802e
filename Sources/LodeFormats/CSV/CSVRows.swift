/// The rows of one batch as tokenized: field and row boundaries into a ``ByteWindow``.
///
/// Every row kept here has exactly the file's column count, so field `c` of row `r`
/// is entry `r * columnCount + c` of the field buffers. The buffers are raw memory
/// written by the tokenizer through pointers; a row's fields only count once
/// ``commitFields(_:)`` is called, so abandoning a half-tokenized row costs nothing.
///
/// One reader owns an instance and touches it once per row or more, so its
/// properties skip the runtime exclusivity check.
final class CSVRows {
    /// Field content ranges (quotes excluded) and flag bits, ``fieldCount`` of each.
    @exclusivity(unchecked) private(set) var starts: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private(set) var ends: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private(set) var flags: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var fieldCapacity: Int
    @exclusivity(unchecked) private(set) var fieldCount = 0

    /// Raw extent of each row (line terminator excluded) and its 1-based line.
    @exclusivity(unchecked) private(set) var rowStarts: [Int] = []
    @exclusivity(unchecked) private(set) var rowEnds: [Int] = []
    @exclusivity(unchecked) private(set) var rowLines: [Int] = []

    /// The field was quoted.
    static let quoted: UInt8 = 1
    /// The field holds doubled quotes or escape characters to undo.
    static let escaped: UInt8 = 2

    init(fieldCapacity: Int = 1024) {
        self.fieldCapacity = max(fieldCapacity, 16)
        starts = .allocate(capacity: self.fieldCapacity)
        ends = .allocate(capacity: self.fieldCapacity)
        flags = .allocate(capacity: self.fieldCapacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
    }

    var count: Int { rowLines.count }

    /// Doubles the field capacity, keeping the first `used` entries (which may go
    /// past ``fieldCount`` while a row is being tokenized).
    func growFields(keeping used: Int) {
        let newCapacity = fieldCapacity * 2
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let newFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStarts.update(from: starts, count: used)
        newEnds.update(from: ends, count: used)
        newFlags.update(from: flags, count: used)
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
        starts = newStarts
        ends = newEnds
        flags = newFlags
        fieldCapacity = newCapacity
    }

    /// Makes the first `count` fields count.
    @inline(__always)
    func commitFields(_ count: Int) { fieldCount = count }

    /// Forgets fields past the first `count`.
    func truncateFields(to count: Int) { fieldCount = min(fieldCount, count) }

    func appendRow(start: Int, end: Int, line: Int) {
        rowStarts.append(start)
        rowEnds.append(end)
        rowLines.append(line)
    }

    func removeAll() {
        fieldCount = 0
        rowStarts.removeAll(keepingCapacity: true)
        rowEnds.removeAll(keepingCapacity: true)
        rowLines.removeAll(keepingCapacity: true)
    }
}
