import LodeCore

/// Validity bitmaps combined a 64-bit word at a time.
enum Validity {
    /// Rows valid in both (`nil` means all valid).
    static func and(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard let a else { return b }
        guard let b else { return a }
        var words = a.words
        b.words.withUnsafeBufferPointer { other in
            words.withUnsafeMutableBufferPointer { out in
                for i in 0..<min(out.count, other.count) { out[i] &= other[i] }
            }
        }
        return Bitmap(words: words, count: a.count)
    }

    /// Rows valid in all of `bitmaps`.
    static func and(_ bitmaps: [Bitmap?]) -> Bitmap? {
        bitmaps.reduce(nil as Bitmap?) { and($0, $1) }
    }

    /// Rows valid in either.
    static func or(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard let a, let b else { return nil }
        var words = a.words
        b.words.withUnsafeBufferPointer { other in
            words.withUnsafeMutableBufferPointer { out in
                for i in 0..<min(out.count, other.count) { out[i] |= other[i] }
            }
        }
        return Bitmap(words: words, count: a.count)
    }

    /// A bitmap with a bit set where `flags` is true.
    static func fromFlags(_ flags: UnsafeBufferPointer<Bool>) -> Bitmap {
        var words = [UInt64](repeating: 0, count: (flags.count + 63) >> 6)
        words.withUnsafeMutableBufferPointer { out in
            for i in 0..<flags.count where flags[i] { out[i >> 6] |= 1 << UInt64(i & 63) }
        }
        return Bitmap(words: words, count: flags.count)
    }

    /// Whether every row is NULL.
    static func allNull(_ bitmap: Bitmap?) -> Bool {
        guard let bitmap else { return false }
        return bitmap.words.allSatisfy { $0 == 0 }
    }
}
