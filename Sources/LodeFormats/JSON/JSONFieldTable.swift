import LodeCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a struct field by the bytes of a JSON key without making a String.
///
/// Keys usually arrive in the schema's order, so the field after the last one found
/// is tried first; otherwise an open-addressing hash table is probed. Names live in
/// one contiguous buffer and are compared with `memcmp`.
final class JSONFieldTable {
    private let names: UnsafeMutablePointer<UInt8>
    private let nameOffsets: [Int]
    private let slots: [Int32]
    private let mask: Int
    let count: Int

    init(names: [String]) {
        var bytes: [UInt8] = []
        var offsets = [0]
        for name in names {
            bytes += Array(name.utf8)
            offsets.append(bytes.count)
        }
        self.names = .allocate(capacity: max(bytes.count, 1))
        self.names.initialize(from: bytes, count: bytes.count)
        nameOffsets = offsets
        count = names.count
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for index in 0..<names.count {
            let name = ByteSpan(start: self.names + offsets[index], count: offsets[index + 1] - offsets[index])
            var slot = JSONFieldTable.hash(name) & (size - 1)
            var duplicate = false
            while slots[slot] >= 0 {
                let other = Int(slots[slot])
                if offsets[other + 1] - offsets[other] == name.count,
                   memcmp(self.names + offsets[other], self.names + offsets[index], name.count) == 0 {
                    duplicate = true
                    break
                }
                slot = (slot + 1) & (size - 1)
            }
            if !duplicate { slots[slot] = Int32(index) }
        }
        self.slots = slots
        mask = size - 1
    }

    deinit { names.deallocate() }

    /// The index of the field named `key`, trying `predicted` first.
    @inline(__always)
    func find(_ key: ByteSpan, predicted: Int) -> Int? {
        if predicted < count, matches(predicted, key) { return predicted }
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
        let start = nameOffsets[index]
        let length = nameOffsets[index + 1] - start
        guard length == key.count else { return false }
        guard length > 0, let keyStart = key.baseAddress else { return true }
        return memcmp(names + start, keyStart, length) == 0
    }

    @inline(__always)
    private static func hash(_ bytes: ByteSpan) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h >> 1)
    }
}
