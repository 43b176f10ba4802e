/// Finds a struct field by the bytes of a JSON key without making a String.
///
/// Keys usually arrive in the schema's order, so the field after the last one found
/// is tried first; otherwise an open-addressing hash table is probed.
struct JSONFieldTable {
    private let names: [[UInt8]]
    private let slots: [Int32]
    private let mask: Int

    init(names: [String]) {
        self.names = names.map { Array($0.utf8) }
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (index, name) in self.names.enumerated() {
            var slot = JSONFieldTable.hash(name) & (size - 1)
            while slots[slot] >= 0 {
                if self.names[Int(slots[slot])] == name { break }
                slot = (slot + 1) & (size - 1)
            }
            if slots[slot] < 0 { slots[slot] = Int32(index) }
        }
        self.slots = slots
        mask = size - 1
    }

    /// The index of the field named `key`, trying `predicted` first.
    @inline(__always)
    func find(_ key: ByteSpan, predicted: Int) -> Int? {
        if predicted < names.count, matches(predicted, key) { return predicted }
        var slot = JSONFieldTable.hash(key) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if matches(index, key) { return index }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ index: Int, _ key: ByteSpan) -> Bool {
        names[index].withUnsafeBufferPointer { $0.count == key.count && $0.elementsEqual(key) }
    }

    @inline(__always)
    private static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h >> 1)
    }
}
