/// A packed bit vector; in a ``ColumnArray`` a set bit marks a valid (non-null) slot.
public struct Bitmap: Hashable, Sendable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// A bitmap of `count` bits, all set to `value`.
    public init(count: Int, value: Bool) {
        self.count = count
        let wordCount = (count + 63) >> 6
        words = Array(repeating: value ? ~0 : 0, count: wordCount)
        if value { clearTail() }
    }

    /// A bitmap from booleans, `true` giving a set bit.
    public init<S: Sequence>(_ bits: S) where S.Element == Bool {
        self.init(count: 0, value: false)
        for bit in bits { append(bit) }
    }

    public init(words: [UInt64], count: Int) {
        precondition(words.count == (count + 63) >> 6, "word count does not match bit count")
        self.words = words
        self.count = count
        clearTail()
    }

    @inline(__always)
    public subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set {
            if newValue { words[index >> 6] |= 1 << UInt64(index & 63) }
            else { words[index >> 6] &= ~(1 << UInt64(index & 63)) }
        }
    }

    @inline(__always)
    public mutating func append(_ bit: Bool) {
        if count & 63 == 0 { words.append(0) }
        if bit { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    public mutating func append(_ bit: Bool, count n: Int) {
        for _ in 0..<n { append(bit) }
    }

    public mutating func reserveCapacity(_ bits: Int) { words.reserveCapacity((bits + 63) >> 6) }

    /// Number of set bits.
    public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public func slice(_ range: Range<Int>) -> Bitmap {
        var out = Bitmap(count: 0, value: false)
        out.reserveCapacity(range.count)
        for i in range { out.append(self[i]) }
        return out
    }

    private mutating func clearTail() {
        let tail = count & 63
        if tail != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(tail)) - 1 }
    }
}
