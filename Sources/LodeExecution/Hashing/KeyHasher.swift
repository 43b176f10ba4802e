import LodeCore

/// Hashes rows of multi-column keys, a column at a time.
///
/// Equal keys (by ``KeyColumn``'s canonical form) hash equal; a NULL hashes to a fixed
/// value so NULL keys can group together. The hashes only live within one query.
enum KeyHasher {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3
    static let nullHash: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// One hash per row of `columns` (all `count` long); all equal when there is no column.
    static func hash(_ columns: [KeyColumn], count: Int) -> [UInt64] {
        var hashes = [UInt64](repeating: seed, count: count)
        hashes.withUnsafeMutableBufferPointer { out in
            for column in columns { combine(column, into: out) }
        }
        return hashes
    }

    /// Murmur3's 64-bit finalizer: every input bit affects every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    @inline(__always)
    static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        mix(hash ^ (value &+ 0x9E37_79B9_7F4A_7C15 &+ (hash << 6) &+ (hash >> 2)))
    }

    private static func combine(_ column: KeyColumn, into out: UnsafeMutableBufferPointer<UInt64>) {
        guard let validity = column.validity else {
            forEachValueHash(column, count: out.count) { i, h in out[i] = combine(out[i], h) }
            return
        }
        forEachValueHash(column, count: out.count) { i, h in out[i] = combine(out[i], validity[i] ? h : nullHash) }
    }

    /// Calls `body(row, hash)` with the hash of every row's value, nulls included.
    @inline(__always)
    private static func forEachValueHash(_ column: KeyColumn, count: Int, _ body: (Int, UInt64) -> Void) {
        switch column.form {
        case .words:
            column.words.withUnsafeBufferPointer { w in
                for i in 0..<count { body(i, UInt64(bitPattern: w[i])) }
            }
        case .wide:
            column.wide.withUnsafeBufferPointer { w in
                for i in 0..<count {
                    let v = w[i]
                    body(i, mix(UInt64(truncatingIfNeeded: v)) ^ UInt64(truncatingIfNeeded: v >> 64))
                }
            }
        case .bytes:
            column.data.withUnsafeBytes { bytes in
                column.offsets.withUnsafeBufferPointer { o in
                    for i in 0..<count { body(i, hashBytes(bytes, from: o[i], to: o[i + 1])) }
                }
            }
        case .boxed:
            for i in 0..<count {
                var hasher = Hasher()
                hasher.combine(column.boxed[i])
                body(i, UInt64(bitPattern: Int64(hasher.finalize())))
            }
        }
    }

    /// A hash of `bytes[start..<end]`, eight bytes at a time.
    @inline(__always)
    static func hashBytes(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: end - start) &* 0x9E37_79B9_7F4A_7C15
        var p = start
        while p + 8 <= end {
            h = mix(h ^ bytes.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            p += 8
        }
        if p < end {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while p < end {
                tail |= UInt64(bytes[p]) << shift
                shift += 8
                p += 1
            }
            h = mix(h ^ tail)
        }
        return h
    }
}
