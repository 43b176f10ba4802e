import LodeCore

/// Appends the text of scalar values to a byte buffer without making Strings.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendASCII(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Decimal digits of `value`.
    mutating func appendInteger(_ value: Int64) {
        if value < 0 { append(ASCII.minus) }
        appendDigits(value.magnitude)
    }

    mutating func appendDigits(_ magnitude: UInt64, minimumWidth: Int = 1) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var v = magnitude
            var i = 24
            repeat {
                i -= 1
                digits[i] = ASCII.zero + UInt8(v % 10)
                v /= 10
            } while v != 0
            while 24 - i < minimumWidth {
                i -= 1
                digits[i] = ASCII.zero
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<24]))
        }
    }

    /// A decimal's unscaled value with exactly `scale` fraction digits: `-12.50`, `0.05`.
    mutating func appendDecimal(_ unscaled: Int128, scale: Int) {
        let scale = Swift.min(Swift.max(scale, 0), DataType.maxDecimalPrecision)
        if unscaled < 0 { append(ASCII.minus) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { digits in
            var v = unscaled.magnitude
            var i = 48
            repeat {
                i -= 1
                digits[i] = ASCII.zero + UInt8(v % 10)
                v /= 10
            } while v != 0
            while 48 - i < scale + 1 && i > 0 {
                i -= 1
                digits[i] = ASCII.zero
            }
            let point = 48 - scale
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<point]))
            if scale > 0 {
                append(ASCII.dot)
                append(contentsOf: UnsafeBufferPointer(rebasing: digits[point..<48]))
            }
        }
    }

    /// `YYYY-MM-DD`; years outside 0…9999 keep their sign and digits.
    mutating func appendDate(_ days: Int32) {
        appendDate(days: Int(days))
    }

    private mutating func appendDate(days: Int) {
        let (y, m, d) = Temporal.civil(days: days)
        if y < 0 { append(ASCII.minus) }
        appendDigits(UInt64(y.magnitude), minimumWidth: 4)
        append(ASCII.minus)
        appendDigits(UInt64(m), minimumWidth: 2)
        append(ASCII.minus)
        appendDigits(UInt64(d), minimumWidth: 2)
    }

    /// `YYYY-MM-DDTHH:MM:SS.fff` with 3, 6 or 9 fraction digits for the unit, and a
    /// trailing `Z` when `utc`.
    mutating func appendTimestamp(_ value: Int64, unit: TimeUnit, utc: Bool) {
        let perSecond = unit.perSecond
        var seconds = value / perSecond
        var fraction = value % perSecond
        if fraction < 0 {
            fraction += perSecond
            seconds -= 1
        }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        appendDate(days: Int(days))
        append(UInt8(ascii: "T"))
        appendDigits(UInt64(secondOfDay / 3600), minimumWidth: 2)
        append(UInt8(ascii: ":"))
        appendDigits(UInt64(secondOfDay / 60 % 60), minimumWidth: 2)
        append(UInt8(ascii: ":"))
        appendDigits(UInt64(secondOfDay % 60), minimumWidth: 2)
        append(ASCII.dot)
        appendDigits(UInt64(fraction), minimumWidth: unit == .millisecond ? 3 : unit == .microsecond ? 6 : 9)
        if utc { append(UInt8(ascii: "Z")) }
    }

    /// The shortest text that reads back as `value`, spelled as Python's `repr`
    /// spells floats (`0.1`, `100.0`, `1e+16`, `1.5e-05`). Not for NaN or infinities.
    mutating func appendShortest(_ value: Double) {
        var text = value.description
        text.withUTF8 { appendReprStyle($0) }
    }

    /// The shortest text that reads back as the same `Float`, spelled as ``appendShortest(_:)-(Double)``.
    mutating func appendShortest(_ value: Float) {
        var text = value.description
        text.withUTF8 { appendReprStyle($0) }
    }

    /// Rewrites the standard library's shortest digits into Python `repr` layout:
    /// positional notation when the decimal exponent is in -5 < e < 16, otherwise
    /// `d[.ddd]e±XX`.
    private mutating func appendReprStyle(_ text: ByteSpan) {
        if !text.contains(UInt8(ascii: "e")) {
            append(contentsOf: text)
            return
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var negative = false
        var pointPosition: Int? = nil
        var exponent = 0
        var iterator = text.makeIterator()
        var inExponent = false
        var exponentNegative = false
        while let c = iterator.next() {
            if inExponent {
                if c == ASCII.minus { exponentNegative = true } else if ASCII.isDigit(c) { exponent = exponent * 10 + Int(c - ASCII.zero) }
            } else if c == ASCII.minus {
                negative = true
            } else if c == ASCII.dot {
                pointPosition = digits.count
            } else if c == UInt8(ascii: "e") {
                inExponent = true
            } else {
                digits.append(c)
            }
        }
        if exponentNegative { exponent = -exponent }
        // value = 0.d1d2d3… × 10^decimalPoint
        var decimalPoint = (pointPosition ?? digits.count) + exponent
        var leadingZeros = 0
        while leadingZeros < digits.count - 1, digits[leadingZeros] == ASCII.zero {
            leadingZeros += 1
            decimalPoint -= 1
        }
        digits.removeFirst(leadingZeros)
        while digits.count > 1, digits[digits.count - 1] == ASCII.zero { digits.removeLast() }
        if negative { append(ASCII.minus) }
        if digits == [ASCII.zero] {
            appendASCII("0.0")
            return
        }
        if decimalPoint > -4 && decimalPoint <= 16 {
            if decimalPoint <= 0 {
                appendASCII("0.")
                for _ in 0 ..< -decimalPoint { append(ASCII.zero) }
                append(contentsOf: digits)
            } else if decimalPoint >= digits.count {
                append(contentsOf: digits)
                for _ in 0 ..< decimalPoint - digits.count { append(ASCII.zero) }
                appendASCII(".0")
            } else {
                append(contentsOf: digits[..<decimalPoint])
                append(ASCII.dot)
                append(contentsOf: digits[decimalPoint...])
            }
        } else {
            append(digits[0])
            if digits.count > 1 {
                append(ASCII.dot)
                append(contentsOf: digits[1...])
            }
            let e = decimalPoint - 1
            append(UInt8(ascii: "e"))
            append(e < 0 ? ASCII.minus : ASCII.plus)
            appendDigits(UInt64(e.magnitude), minimumWidth: 2)
        }
    }
}
