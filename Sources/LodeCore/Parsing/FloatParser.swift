/// Decimal text to `Double`, correctly rounded, straight from bytes.
///
/// Accepts `[+-]digits[.digits][(e|E)[+-]digits]` (either side of the point may be
/// empty, not both) and, in any case, `nan`, `inf`, `infinity` with an optional sign.
/// Numbers with at most 19 significant digits whose value is exact in a double after
/// one multiplication or division by a power of ten take the fast path (Clinger);
/// the rest go through the standard library's correctly rounded conversion.
@inlinable
public func parseDouble(_ b: ByteSpan) -> Double? {
    let n = b.count
    guard n > 0 else { return nil }
    var i = 0
    let negative = b[0] == ASCII.minus
    if negative || b[0] == ASCII.plus { i = 1 }
    guard i < n else { return nil }
    if !ASCII.isDigit(b[i]) && b[i] != ASCII.dot {
        let word = ByteSpan(rebasing: b[i...])
        if equalsIgnoringCase(word, "nan") { return .nan }
        if equalsIgnoringCase(word, "inf") || equalsIgnoringCase(word, "infinity") {
            return negative ? -.infinity : .infinity
        }
        return nil
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var truncated = false
    var sawDigit = false, sawPoint = false
    while i < n {
        let c = b[i]
        let d = c &- ASCII.zero
        if d < 10 {
            sawDigit = true
            if digits < 19 {
                if mantissa != 0 || d != 0 { digits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(d)
                if sawPoint { exponent -= 1 }
            } else {
                if d != 0 { truncated = true }
                if !sawPoint { exponent += 1 }
            }
        } else if c == ASCII.dot, !sawPoint {
            sawPoint = true
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
    if !truncated, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
        var value = Double(mantissa)
        if exponent < 0 { value /= exactPowersOfTen[-exponent] } else { value *= exactPowersOfTen[exponent] }
        return negative ? -value : value
    }
    if mantissa == 0 { return negative ? -0.0 : 0.0 }
    return Double(String(decoding: b, as: UTF8.self))
}

/// 10^0 … 10^22, every one exact in a `Double`.
@usableFromInline let exactPowersOfTen: [Double] = {
    var powers: [Double] = [1]
    for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
    return powers
}()

/// The exponent suffix `(e|E)[+-]digits` that runs from `start` to the end of `b`,
/// saturated beyond ±100,000; `nil` if that text is not exactly such a suffix.
@inlinable
public func parseExponent(_ b: ByteSpan, from start: Int) -> Int? {
    let n = b.count
    var i = start
    guard i + 1 < n, b[i] | 0x20 == UInt8(ascii: "e") else { return nil }
    i += 1
    let negative = b[i] == ASCII.minus
    if negative || b[i] == ASCII.plus { i += 1 }
    guard i < n else { return nil }
    var e = 0
    while i < n {
        let d = b[i] &- ASCII.zero
        guard d < 10 else { return nil }
        if e < 100_000 { e = e * 10 + Int(d) }
        i += 1
    }
    return negative ? -e : e
}
