#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Assigns dictionary indices to byte strings in order of first appearance, hashing
/// the raw bytes (no `String` is ever made).
///
/// The distinct values are kept in PLAIN encoding (4-byte length, then the bytes),
/// which is exactly the body of the dictionary page.
final class ByteArrayDictionaryEncoder {
    private var table = Table(slotCount: 256, plainCapacity: 4096)

    deinit { table.deallocate() }

    /// Number of distinct values seen.
    var count: Int { table.count }

    /// Size of the PLAIN-encoded dictionary in bytes.
    var plainByteCount: Int { table.plainCount }

    /// The dictionary page body. Valid until the next call that changes the dictionary.
    var plainBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: table.plain, count: table.plainCount) }

    /// Entry `index` as bytes. Valid until the next call that changes the dictionary.
    @inline(__always)
    func entry(_ index: Int) -> UnsafeRawBufferPointer {
        let start = table.entryStarts[index]
        let length = Int(UnsafeRawPointer(table.plain).loadUnaligned(fromByteOffset: start - 4, as: UInt32.self))
        return UnsafeRawBufferPointer(start: table.plain + start, count: length)
    }

    /// Appends the dictionary index of each selected value to `indices`, adding unseen values.
    func encode(offsets: UnsafeBufferPointer<Int32>, bytes: UnsafeBufferPointer<UInt8>,
                selection: ValueSelection, into indices: inout [UInt32]) {
        guard selection.count > 0 else { return }
        var local = table
        let base = UnsafeRawPointer(bytes.baseAddress)
        let count = selection.count
        indices.appendWritten(capacity: count) { start in
            var out = start
            selection.forEach { i in
                let from = Int(offsets[i]), length = Int(offsets[i + 1]) - from
                let p = base.map { $0 + from }
                out.pointee = local.index(of: p, length: length)
                out += 1
            }
            return count
        }
        table = local
    }

    /// Forgets every entry, keeping the allocated memory.
    func removeAll() { table.removeAll() }

    /// A fast 64-bit hash of `length` bytes at `p`; the top bits pick the slot and the
    /// low 32 bits are kept as the slot's tag.
    @inline(__always)
    static func hash(_ p: UnsafeRawPointer?, length: Int) -> UInt64 {
        if length <= 16 {
            // One multiply per eight bytes for short strings: slots take the top bits,
            // and the fold brings them into the low bits the tags take.
            let seed = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
            guard let p, length > 0 else { return seed }
            var h: UInt64
            if length <= 8 {
                h = (loadShort(p, length) ^ seed) &* 0xBF58_476D_1CE4_E5B9
            } else {
                h = (p.loadUnaligned(as: UInt64.self) ^ seed) &* 0xBF58_476D_1CE4_E5B9
                h = (h ^ p.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
            }
            return h ^ (h >> 32)
        }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: length)
        guard let p else { return mix(h) }
        var i = 0
        while i + 8 <= length {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < length {
            var tail: UInt64 = 0
            if length >= 8 {
                tail = p.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            } else {
                tail = loadShort(p, length)
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        return mix(h)
    }

    /// The `length` (1...8) bytes at `p` as an integer, without reading past them.
    @inline(__always)
    static func loadShort(_ p: UnsafeRawPointer, _ length: Int) -> UInt64 {
        if length >= 4 {
            let low = UInt64(p.loadUnaligned(as: UInt32.self))
            let high = UInt64(p.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self))
            return low | high << 32
        }
        var v = UInt64(p.load(as: UInt8.self))
        v |= UInt64(p.load(fromByteOffset: length / 2, as: UInt8.self)) << 8
        v |= UInt64(p.load(fromByteOffset: length - 1, as: UInt8.self)) << 16
        return v
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    private struct Table {
        var plain: UnsafeMutablePointer<UInt8>
        var plainCount = 0
        var plainCapacity: Int
        /// Offset in `plain` of each entry's bytes (its length is the four bytes before).
        var entryStarts: UnsafeMutablePointer<Int>
        var slotHashes: UnsafeMutablePointer<UInt32>
        var slotIndexes: UnsafeMutablePointer<Int32>
        var slotCount: Int
        var shift: UInt64
        var count = 0

        init(slotCount: Int, plainCapacity: Int) {
            self.slotCount = slotCount
            self.plainCapacity = plainCapacity
            shift = UInt64(64 - slotCount.trailingZeroBitCount)
            plain = .allocate(capacity: plainCapacity)
            entryStarts = .allocate(capacity: slotCount / 2)
            slotHashes = .allocate(capacity: slotCount)
            slotIndexes = .allocate(capacity: slotCount)
            slotIndexes.initialize(repeating: -1, count: slotCount)
        }

        func deallocate() {
            plain.deallocate()
            entryStarts.deallocate()
            slotHashes.deallocate()
            slotIndexes.deallocate()
        }

        mutating func removeAll() {
            slotIndexes.update(repeating: -1, count: slotCount)
            count = 0
            plainCount = 0
        }

        @inline(__always)
        mutating func index(of bytes: UnsafeRawPointer?, length: Int) -> UInt32 {
            let hash = ByteArrayDictionaryEncoder.hash(bytes, length: length)
            let tag = UInt32(truncatingIfNeeded: hash)
            let mask = slotCount - 1
            var slot = Int(truncatingIfNeeded: hash >> shift)
            while true {
                let entry = slotIndexes[slot]
                if entry < 0 { return insert(bytes, length: length, tag: tag, slot: slot) }
                if slotHashes[slot] == tag && matches(Int(entry), bytes, length) { return UInt32(truncatingIfNeeded: entry) }
                slot = (slot + 1) & mask
            }
        }

        @inline(__always)
        private func matches(_ entry: Int, _ bytes: UnsafeRawPointer?, _ length: Int) -> Bool {
            let start = entryStarts[entry]
            let storedLength = Int(UnsafeRawPointer(plain).loadUnaligned(fromByteOffset: start - 4, as: UInt32.self))
            guard storedLength == length else { return false }
            guard length > 0, let bytes else { return true }
            let stored = UnsafeRawPointer(plain + start)
            if length <= 8 {
                return ByteArrayDictionaryEncoder.loadShort(stored, length)
                    == ByteArrayDictionaryEncoder.loadShort(bytes, length)
            }
            if length <= 16 {
                return stored.loadUnaligned(as: UInt64.self) == bytes.loadUnaligned(as: UInt64.self)
                    && stored.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                        == bytes.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            }
            return memcmp(stored, bytes, length) == 0
        }

        private mutating func insert(_ bytes: UnsafeRawPointer?, length: Int, tag: UInt32, slot: Int) -> UInt32 {
            if (count + 1) * 2 > slotCount {
                growSlots()
                return index(of: bytes, length: length)
            }
            if plainCount + 4 + length > plainCapacity { growPlain(minimum: plainCount + 4 + length) }
            UnsafeMutableRawPointer(plain).storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian,
                                                      toByteOffset: plainCount, as: UInt32.self)
            if length > 0, let bytes { (plain + plainCount + 4).update(from: bytes.assumingMemoryBound(to: UInt8.self), count: length) }
            entryStarts[count] = plainCount + 4
            plainCount += 4 + length
            slotHashes[slot] = tag
            slotIndexes[slot] = Int32(truncatingIfNeeded: count)
            count += 1
            return UInt32(truncatingIfNeeded: count - 1)
        }

        private mutating func growPlain(minimum: Int) {
            var capacity = plainCapacity * 2
            while capacity < minimum { capacity *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: plain, count: plainCount)
            plain.deallocate()
            plain = bigger
            plainCapacity = capacity
        }

        private mutating func growSlots() {
            let newCount = slotCount * 2
            let newShift = UInt64(64 - newCount.trailingZeroBitCount)
            let hashes = UnsafeMutablePointer<UInt32>.allocate(capacity: newCount)
            let indexes = UnsafeMutablePointer<Int32>.allocate(capacity: newCount)
            indexes.initialize(repeating: -1, count: newCount)
            let starts = UnsafeMutablePointer<Int>.allocate(capacity: newCount / 2)
            starts.update(from: entryStarts, count: count)
            let mask = newCount - 1
            for i in 0..<count {
                let start = starts[i]
                let length = Int(UnsafeRawPointer(plain).loadUnaligned(fromByteOffset: start - 4, as: UInt32.self))
                let hash = ByteArrayDictionaryEncoder.hash(plain + start, length: length)
                var slot = Int(truncatingIfNeeded: hash >> newShift)
                while indexes[slot] >= 0 { slot = (slot + 1) & mask }
                indexes[slot] = Int32(truncatingIfNeeded: i)
                hashes[slot] = UInt32(truncatingIfNeeded: hash)
            }
            entryStarts.deallocate()
            slotHashes.deallocate()
            slotIndexes.deallocate()
            entryStarts = starts
            slotHashes = hashes
            slotIndexes = indexes
            slotCount = newCount
            shift = newShift
        }
    }
}
