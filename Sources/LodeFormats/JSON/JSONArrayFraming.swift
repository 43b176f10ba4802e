import LodeCore
/// Finds where one element of a JSON array ends, scanning its bytes as they arrive.
///
/// The scan tracks only what decides the element's extent — nesting depth, whether it
/// is inside a string (and just after a backslash) — so brackets, braces and commas
/// inside strings do not count; it also counts the line feeds it passes. It does not
/// validate the element: ``JSONScanner`` does that when the element is parsed. An
/// element is
/// - an object or array: up to the bracket that closes it. A closing bracket of the
///   wrong kind (`{"a": [1}`) ends the element too, so the rest of the array can
///   still be framed; such an element is invalid JSON and fails when parsed;
/// - a string: up to its closing quote;
/// - anything else (a number, a literal, stray text): up to the first whitespace or
///   structural character (`,` `[` `]` `{` `}` `"`).
///
/// ``scan(_:from:to:)`` may stop at the end of the bytes available and resume from
/// there when more arrive; ``reset()`` starts a new element.
struct JSONArrayFraming {
    private var depth = 0
    private var inString = false
    private var afterBackslash = false
    private var inBareValue = false
    /// Line feeds passed inside the element so far.
    private(set) var newlines = 0
    /// Bit `d` is set when the container opened at depth `d` is an array; kept for the
    /// first 64 levels, where bracket kinds are checked (deeper JSON is rejected when
    /// parsed anyway).
    private var arrayLevels: UInt64 = 0

    /// Starts framing a new element.
    mutating func reset() {
        depth = 0
        inString = false
        afterBackslash = false
        inBareValue = false
        newlines = 0
    }

    /// Scans `base[start..<end]`, which continues the element (the first call starts
    /// at its first, non-whitespace byte). Returns the offset just past the element
    /// when it ends in this range, else `nil` after consuming the whole range.
    mutating func scan(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        // The state lives in locals while scanning, stored back on return.
        var depth = self.depth
        var inString = self.inString
        var afterBackslash = self.afterBackslash
        var inBareValue = self.inBareValue
        var newlines = self.newlines
        var arrayLevels = self.arrayLevels
        defer {
            self.depth = depth
            self.inString = inString
            self.afterBackslash = afterBackslash
            self.inBareValue = inBareValue
            self.newlines = newlines
            self.arrayLevels = arrayLevels
        }
        var i = start
        while i < end {
            if inString {
                if afterBackslash {
                    afterBackslash = false
                    if base[i] == ASCII.lf { newlines += 1 }
                    i += 1
                    continue
                }
                while i + 8 <= end && !hasQuoteBackslashOrLineFeed(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                }
                while i < end {
                    let c = base[i]
                    i += 1
                    guard isMember(c, stringStops) else { continue }
                    if c == ASCII.quote {
                        inString = false
                        if depth == 0 { return i }
                        break
                    } else if c == ASCII.backslash {
                        if i < end {
                            if base[i] == ASCII.lf { newlines += 1 }
                            i += 1
                        } else {
                            afterBackslash = true
                        }
                    } else if c == ASCII.lf {
                        newlines += 1
                    }
                }
                continue
            }
            if depth > 0 {
                // Inside a container: numbers, literals, `:` `,` and whitespace do not matter.
                while i < end && !isMember(base[i], containerStops) { i += 1 }
                guard i < end else { break }
            }
            let c = base[i]
            if inBareValue {
                if endsBareValue(c) { return i }
                i += 1
                continue
            }
            i += 1
            switch c {
            case ASCII.quote:
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth < 64 {
                    let bit = UInt64(1) << UInt64(depth)
                    arrayLevels = c == UInt8(ascii: "[") ? arrayLevels | bit : arrayLevels & ~bit
                }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else {
                    // A stray closer where an element should start: frame it as stray text.
                    inBareValue = true
                    continue
                }
                depth -= 1
                if depth < 64 && (arrayLevels >> UInt64(depth) & 1 == 1) != (c == UInt8(ascii: "]")) { return i }
                if depth == 0 { return i }
            case ASCII.lf:
                newlines += 1
            case ASCII.space, ASCII.tab, ASCII.cr, UInt8(ascii: ":"), UInt8(ascii: ","):
                break
            default:
                if depth == 0 { inBareValue = true }
            }
        }
        return nil
    }
}

/// A set of ASCII bytes as a 128-bit mask: bit `c` of `(low, high)`.
private typealias ByteSet = (low: UInt64, high: UInt64)

/// Bytes that matter inside a string: `"` (34), a backslash (92) and a line feed (10).
private var stringStops: ByteSet { (1 << 34 | 1 << 10, 1 << (92 - 64)) }
/// Bytes that matter inside an object or array, outside strings: `"` (34), a line
/// feed (10), `[` (91), `]` (93), `{` (123) and `}` (125).
private var containerStops: ByteSet {
    (1 << 34 | 1 << 10, 1 << (91 - 64) | 1 << (93 - 64) | 1 << (123 - 64) | 1 << (125 - 64))
}

/// Whether `c` is in `set`.
@inline(__always)
private func isMember(_ c: UInt8, _ set: ByteSet) -> Bool {
    let word = c < 64 ? set.low : c < 128 ? set.high : 0
    return word >> UInt64(c & 63) & 1 != 0
}

/// Whether `c` ends a value that is not an object, array or string.
@inline(__always)
private func endsBareValue(_ c: UInt8) -> Bool {
    switch c {
    case ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf, ASCII.quote, UInt8(ascii: ","),
         UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
        return true
    default:
        return false
    }
}

/// Whether any byte of `word` is `"`, `\` or a line feed.
@inline(__always)
private func hasQuoteBackslashOrLineFeed(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let lineFeed = word ^ (ones &* 0x0A)
    let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((lineFeed &- ones) & ~lineFeed)
    return zeros & highs != 0
}
