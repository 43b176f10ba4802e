import LodeCore

/// Accumulates the values of one leaf column chunk in their physical form.
///
/// A store is created with one slot per level entry of the chunk (an upper bound on
/// the values it will hold). Each data page decodes its non-null values densely at a
/// given position; for columns without repetition the page's values are then spread
/// in place so that slot `i` holds entry `i` (zero for a null).
protocol LeafValueStore {
    /// A store with room for `capacity` values of `leaf`'s physical type.
    init(capacity: Int, leaf: LeafDescriptor)

    /// Decodes `count` values of a data page's `encoding` into positions `position...`.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, encoding: Encoding, count: Int, at position: Int,
                         dictionary: Self?, scratch: inout [UInt32]) throws

    /// Moves the `denseCount` values at `start` so that slot `start + i` holds the
    /// next value where `levels[i] == maxLevel` and zero elsewhere, for `slotCount` slots.
    mutating func spread(start: Int, denseCount: Int, slotCount: Int, levels: UnsafePointer<UInt8>, maxLevel: UInt8)

    /// The first `count` values, as a column of `leaf`'s physical type.
    mutating func finish(count: Int) -> PhysicalValues

    /// Copies `dictionary` entries `indices` to positions `position...`; the caller
    /// has checked every index against the dictionary size.
    mutating func gather(from dictionary: Self, indices: UnsafeBufferPointer<UInt32>, at position: Int) throws

    /// Number of values held (for a dictionary).
    var dictionaryCount: Int { get }

    /// A dictionary page's `count` PLAIN values.
    static func dictionary(_ bytes: UnsafeRawBufferPointer, count: Int, leaf: LeafDescriptor) throws -> Self
}

/// The decoded values of a leaf column chunk in their physical form.
enum PhysicalValues {
    case boolean([Bool])
    case int32([Int32])
    /// INT64, and INT96 as microseconds since the epoch.
    case int64([Int64])
    case float([Float])
    case double([Double])
    /// BYTE_ARRAY values: `offsets` has one more entry than there are values.
    case bytes(offsets: [Int32], data: [UInt8])
    /// FIXED_LEN_BYTE_ARRAY values of `width` bytes each.
    case fixedBytes(width: Int, data: [UInt8])
}

extension LeafValueStore {
    /// Decodes dictionary indices (bit width byte, then RLE/bit-packed hybrid) and
    /// gathers the entries they name.
    mutating func decodeDictionaryIndices(_ bytes: UnsafeRawBufferPointer, count: Int, at position: Int,
                                          dictionary: Self?, scratch: inout [UInt32]) throws {
        guard let dictionary else {
            throw ParquetError(.corruptData, "dictionary-encoded page without a dictionary page")
        }
        guard count > 0 else { return }
        guard let bitWidth = bytes.first else { throw DecodeCursor.truncated("the dictionary index bit width") }
        guard bitWidth <= 32 else { throw ParquetError(.corruptData, "dictionary index bit width \(bitWidth) exceeds 32") }
        var decoder = try RleHybridDecoder(UnsafeRawBufferPointer(rebasing: bytes[1...]), bitWidth: Int(bitWidth))
        if scratch.count < count { scratch = [UInt32](repeating: 0, count: count) }
        let size = UInt32(truncatingIfNeeded: dictionary.dictionaryCount)
        try scratch.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            try decoder.decode(into: base, count: count)
            var maximum: UInt32 = 0
            for i in 0..<count { maximum = Swift.max(maximum, base[i]) }
            guard maximum < size else {
                throw ParquetError(.corruptData, "dictionary index \(maximum) is out of range for a dictionary of \(size) entries")
            }
            try gather(from: dictionary, indices: UnsafeBufferPointer(start: base, count: count), at: position)
        }
    }
}
