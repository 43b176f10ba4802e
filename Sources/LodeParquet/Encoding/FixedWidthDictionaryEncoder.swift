/// Assigns dictionary indices to fixed-width values in order of first appearance.
///
/// Values are compared by bit pattern, so `-0.0` and `+0.0`, or two NaNs with
/// different payloads, are distinct entries and survive a round trip exactly.
/// The table is open addressing with linear probing over raw memory, kept at most
/// half full; each slot holds the value next to its index, so a probe touches one
/// cache line.
final class FixedWidthDictionaryEncoder<Bits: FixedWidthInteger & UnsignedInteger> {
    private var table = Table(slotCount: 256)

    deinit { table.deallocate() }

    /// Number of distinct values seen.
    var count: Int { table.count }

    /// The distinct values in index order. Valid until the next call that changes the dictionary.
    var entries: UnsafeBufferPointer<Bits> { UnsafeBufferPointer(start: table.entries, count: table.count) }

    /// Appends the dictionary index of each of `values` to `indices`, adding unseen values.
    func encode(_ values: UnsafeBufferPointer<Bits>, into indices: inout [UInt32]) {
        guard !values.isEmpty else { return }
        var local = table
        indices.appendWritten(capacity: values.count) { start in
            var out = start
            for value in values {
                out.pointee = local.index(of: value)
                out += 1
            }
            return values.count
        }
        table = local
    }

    /// Forgets every entry, keeping the allocated memory.
    func removeAll() { table.removeAll() }

    private struct Slot {
        var key: Bits
        /// Index of the entry, or -1 for an empty slot.
        var index: Int32
    }

    private struct Table {
        var entries: UnsafeMutablePointer<Bits>
        var slots: UnsafeMutablePointer<Slot>
        var slotCount: Int
        var shift: UInt64
        var count = 0

        init(slotCount: Int) {
            self.slotCount = slotCount
            shift = UInt64(64 - slotCount.trailingZeroBitCount)
            entries = .allocate(capacity: slotCount / 2)
            slots = .allocate(capacity: slotCount)
            Table.markEmpty(slots, count: slotCount)
        }

        /// Fills `count` slots with all-ones bytes, an index of -1: a `memset`, where
        /// initializing with a `Slot` value is a loop.
        @inline(__always)
        static func markEmpty(_ slots: UnsafeMutablePointer<Slot>, count: Int) {
            UnsafeMutableRawPointer(slots).initializeMemory(as: UInt8.self, repeating: 0xFF,
                                                            count: count * MemoryLayout<Slot>.stride)
        }

        func deallocate() {
            entries.deallocate()
            slots.deallocate()
        }

        mutating func removeAll() {
            Table.markEmpty(slots, count: slotCount)
            count = 0
        }

        @inline(__always)
        static func hash(_ value: Bits) -> UInt64 {
            var h = UInt64(truncatingIfNeeded: value)
            if Bits.bitWidth > 64 { h ^= UInt64(truncatingIfNeeded: value >> 64) &* 0xC2B2_AE3D_27D4_EB4F }
            h ^= h >> 32
            return h &* 0x9E37_79B9_7F4A_7C15
        }

        @inline(__always)
        mutating func index(of value: Bits) -> UInt32 {
            let mask = slotCount - 1
            var slot = Int(truncatingIfNeeded: Table.hash(value) >> shift)
            while true {
                let candidate = slots[slot]
                if candidate.index < 0 {
                    if (count + 1) * 2 > slotCount {
                        grow()
                        return index(of: value)
                    }
                    slots[slot] = Slot(key: value, index: Int32(truncatingIfNeeded: count))
                    entries[count] = value
                    count += 1
                    return UInt32(truncatingIfNeeded: count - 1)
                }
                if candidate.key == value { return UInt32(truncatingIfNeeded: candidate.index) }
                slot = (slot + 1) & mask
            }
        }

        private mutating func grow() {
            var bigger = Table(slotCount: slotCount * 2)
            bigger.entries.update(from: entries, count: count)
            for i in 0..<count { bigger.insertFresh(entries[i], index: Int32(truncatingIfNeeded: i)) }
            bigger.count = count
            deallocate()
            self = bigger
        }

        private mutating func insertFresh(_ value: Bits, index: Int32) {
            let mask = slotCount - 1
            var slot = Int(truncatingIfNeeded: Table.hash(value) >> shift)
            while slots[slot].index >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: value, index: index)
        }
    }
}
