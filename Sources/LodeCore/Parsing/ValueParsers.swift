/// Parsers for scalar values straight from bytes, without making Strings.
///
/// Each takes the bytes of one value (already unquoted and unescaped) and returns
/// `nil` when they do not spell a value of the type.
public typealias ByteSpan = UnsafeBufferPointer<UInt8>

public enum ASCII {
    @inlinable public static var zero: UInt8 { UInt8(ascii: "0") }
    @inlinable public static var minus: UInt8 { UInt8(ascii: "-") }
    @inlinable public static var plus: UInt8 { UInt8(ascii: "+") }
    @inlinable public static var dot: UInt8 { UInt8(ascii: ".") }
    @inlinable public static var space: UInt8 { UInt8(ascii: " ") }
    @inlinable public static var tab: UInt8 { UInt8(ascii: "\t") }
    @inlinable public static var cr: UInt8 { UInt8(ascii: "\r") }
    @inlinable public static var lf: UInt8 { UInt8(ascii: "\n") }
    @inlinable public static var quote: UInt8 { UInt8(ascii: "\"") }
    @inlinable public static var backslash: UInt8 { UInt8(ascii: "\\") }

    @inlinable public static func isDigit(_ c: UInt8) -> Bool { c &- zero < 10 }
    @inlinable public static func lower(_ c: UInt8) -> UInt8 { c | 0x20 }
}

/// `bytes` without leading and trailing spaces and tabs.
@inlinable
public func trimmingBlanks(_ bytes: ByteSpan) -> ByteSpan {
    var start = 0, end = bytes.count
    while start < end, bytes[start] == ASCII.space || bytes[start] == ASCII.tab { start += 1 }
    while end > start, bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab { end -= 1 }
    return start == 0 && end == bytes.count ? bytes : ByteSpan(rebasing: bytes[start..<end])
}

/// Whether `bytes` equal the ASCII letters of `word`, ignoring case.
@inlinable
public func equalsIgnoringCase(_ bytes: ByteSpan, _ word: StaticString) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for i in 0..<bytes.count where ASCII.lower(bytes[i]) != w[i] { return false }
    return true
}

/// A signed decimal integer: `-12`, `+7`, `0042`.
@inlinable
public func parseInt64(_ b: ByteSpan) -> Int64? {
    let n = b.count
    guard n > 0 else { return nil }
    var i = 0
    let negative = b[0] == ASCII.minus
    if negative || b[0] == ASCII.plus { i = 1 }
    guard i < n else { return nil }
    var value: Int64 = 0
    if n - i <= 18 {
        while i < n {
            let d = b[i] &- ASCII.zero
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int64(d)
            i += 1
        }
        return negative ? -value : value
    }
    while i < n {
        let d = b[i] &- ASCII.zero
        guard d < 10 else { return nil }
        let (m, o1) = value.multipliedReportingOverflow(by: 10)
        let (s, o2) = negative ? m.subtractingReportingOverflow(Int64(d)) : m.addingReportingOverflow(Int64(d))
        if o1 || o2 { return nil }
        value = s
        i += 1
    }
    return value
}

/// `true`/`false`, `t`/`f`, `yes`/`no`, `y`/`n`, `1`/`0`, any case.
@inlinable
public func parseBoolean(_ b: ByteSpan) -> Bool? {
    switch b.count {
    case 1:
        let c = b[0]
        if c == UInt8(ascii: "1") { return true }
        if c == UInt8(ascii: "0") { return false }
        switch ASCII.lower(c) {
        case UInt8(ascii: "t"), UInt8(ascii: "y"): return true
        case UInt8(ascii: "f"), UInt8(ascii: "n"): return false
        default: return nil
        }
    case 2: return equalsIgnoringCase(b, "no") ? false : nil
    case 3: return equalsIgnoringCase(b, "yes") ? true : nil
    case 4: return equalsIgnoringCase(b, "true") ? true : nil
    case 5: return equalsIgnoringCase(b, "false") ? false : nil
    default: return nil
    }
}

/// Only `true` or `false` in any case: the spellings schema inference takes as boolean.
@inlinable
public func parseStrictBoolean(_ b: ByteSpan) -> Bool? {
    if equalsIgnoringCase(b, "true") { return true }
    if equalsIgnoringCase(b, "false") { return false }
    return nil
}

/// A decimal number (`-12.345`, `.5`, `1e3`, `2.5E-2`) as the unscaled integer of a
/// `decimal(precision, scale)`, rounding half away from zero past `scale` digits;
/// `nil` if it is not a number or needs more than `precision` digits.
@inlinable
public func parseDecimal(_ b: ByteSpan, precision: Int, scale: Int) -> Int128? {
    let n = b.count
    var i = 0
    guard n > 0 else { return nil }
    let negative = b[0] == ASCII.minus
    if negative || b[0] == ASCII.plus { i = 1 }
    var mantissa: Int128 = 0
    var significant = 0
    var exponent = 0
    var firstDropped: UInt8 = 0
    var droppedAny = false
    var sawDigit = false, sawPoint = false
    while i < n {
        let c = b[i]
        if c == ASCII.dot {
            if sawPoint { return nil }
            sawPoint = true
        } else if ASCII.isDigit(c) {
            sawDigit = true
            let d = c &- ASCII.zero
            if significant < 38 {
                if mantissa != 0 || d != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ Int128(d)
                if sawPoint { exponent -= 1 }
            } else {
                if !droppedAny { firstDropped = d; droppedAny = true }
                if !sawPoint { exponent += 1 }
            }
        } else {
            break
        }
        i += 1
    }
    guard sawDigit else { return nil }
    if i < n {
        guard let e = parseExponent(b, from: i) else { return nil }
        exponent += e
    }
    var value: Int128
    let shift = exponent + scale
    if mantissa == 0 {
        value = 0
    } else if shift > 0 {
        if droppedAny || shift > 38 { return nil }
        let (m, overflow) = mantissa.multipliedReportingOverflow(by: powerOfTen(shift))
        if overflow { return nil }
        value = m
    } else if shift == 0 {
        value = mantissa
        if droppedAny, firstDropped >= 5 { value += 1 }
    } else if -shift > 38 {
        value = 0
    } else {
        let divisor = powerOfTen(-shift)
        value = mantissa / divisor
        if (mantissa / (divisor / 10)) % 10 >= 5 { value += 1 }
    }
    guard value < powerOfTen(min(precision, 38)) else { return nil }
    return negative ? -value : value
}

/// 10^0 … 10^38 as `Int128`.
@usableFromInline let int128PowersOfTen: [Int128] = {
    var powers: [Int128] = [1]
    for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
    return powers
}()

/// 10^n for n in 0...38.
@inlinable
public func powerOfTen(_ n: Int) -> Int128 { int128PowersOfTen[n] }
