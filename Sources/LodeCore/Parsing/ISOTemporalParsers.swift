
/// ISO-8601 dates and timestamps parsed straight from bytes.
///
/// Reads `[±]YYYY-MM-DD` (4 to 9 year digits), then for timestamps optionally
/// `( |T)HH:MM[:SS[.f…]]` and a zone `Z`, `±HH`, `±HHMM` or `±HH:MM` that is converted
/// to UTC: the grammar of ``Temporal/parseDate(_:)`` and
/// ``Temporal/parseTimestamp(_:unit:)``, with the same results, but working on bytes,
/// never allocating, and checking every step for overflow so no input can trap.
public enum ISOTemporal {
    /// Days since the epoch of a date, or `nil`.
    @inlinable
    public static func parseDate(_ b: ByteSpan) -> Int32? {
        var cursor = 0
        guard let days = readDate(b, &cursor), cursor == b.count else { return nil }
        return days
    }

    /// `unit`s since the epoch of a timestamp (converted to UTC when it has a zone),
    /// and whether it had a zone; or `nil`.
    @inlinable
    public static func parseTimestamp(_ b: ByteSpan, unit: TimeUnit) -> (value: Int64, hasZone: Bool)? {
        fastTimestamp(b, unit: unit)
    }

    @inlinable
    static func fastTimestamp(_ b: ByteSpan, unit: TimeUnit) -> (value: Int64, hasZone: Bool)? {
        let n = b.count
        var i = 0
        guard let days = readDate(b, &i) else { return nil }
        var seconds = Int64(days) * 86_400
        var fraction: Int64 = 0
        var hasZone = false
        if i < n {
            guard b[i] == UInt8(ascii: "T") || b[i] == ASCII.space else { return nil }
            i += 1
            guard let hour = twoDigits(b, i), hour < 24, i + 5 <= n, b[i + 2] == UInt8(ascii: ":"),
                  let minute = twoDigits(b, i + 3), minute < 60 else { return nil }
            i += 5
            var second = 0
            if i < n, b[i] == UInt8(ascii: ":") {
                guard let s = twoDigits(b, i + 1), s < 60 else { return nil }
                second = s
                i += 3
                if i < n, b[i] == ASCII.dot {
                    i += 1
                    var digits = 0
                    var nanos: Int64 = 0
                    while i < n, ASCII.isDigit(b[i]) {
                        guard digits < 9 else { return nil }
                        nanos = nanos * 10 + Int64(b[i] - ASCII.zero)
                        digits += 1
                        i += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<9 { nanos *= 10 }
                    fraction = nanos / (1_000_000_000 / unit.perSecond)
                }
            }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            if i < n {
                hasZone = true
                let c = b[i]
                if c | 0x20 == UInt8(ascii: "z") {
                    i += 1
                } else if c == ASCII.plus || c == ASCII.minus {
                    guard let hh = twoDigits(b, i + 1) else { return nil }
                    var mm = 0
                    var j = i + 3
                    if j < n {
                        if b[j] == UInt8(ascii: ":") { j += 1 }
                        guard let m = twoDigits(b, j) else { return nil }
                        mm = m
                        j += 2
                    }
                    let offset = Int64(hh * 3600 + mm * 60)
                    seconds += c == ASCII.minus ? offset : -offset
                    i = j
                } else {
                    return nil
                }
            }
            guard i == n else { return nil }
        }
        guard let value = combine(seconds: seconds, fraction: fraction, unit: unit) else { return nil }
        return (value, hasZone)
    }

    /// `seconds × unit.perSecond + fraction`, or `nil` if it does not fit. A negative
    /// second count takes the fraction first, so the earliest representable instant
    /// (whose whole seconds alone would overflow) still fits.
    @inlinable
    public static func combine(seconds: Int64, fraction: Int64, unit: TimeUnit) -> Int64? {
        var seconds = seconds, fraction = fraction
        if seconds < 0 && fraction > 0 {
            seconds += 1
            fraction -= unit.perSecond
        }
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: unit.perSecond)
        guard !overflow else { return nil }
        let (value, overflow2) = scaled.addingReportingOverflow(fraction)
        return overflow2 ? nil : value
    }

    /// Reads `[±]Y{4,9}-MM-DD` at `i`, advancing past it; `nil` if absent or not a real date.
    @inlinable
    static func readDate(_ b: ByteSpan, _ i: inout Int) -> Int32? {
        let n = b.count
        var j = i
        // The common layout, YYYY-MM-DD, read without a loop.
        if j + 10 <= n, b[j + 4] == ASCII.minus, b[j + 7] == ASCII.minus,
           let high = twoDigits(b, j), let low = twoDigits(b, j + 2),
           let month = twoDigits(b, j + 5), let day = twoDigits(b, j + 8) {
            let year = high * 100 + low
            guard isRealDate(year: year, month: month, day: day) else { return nil }
            i = j + 10
            return Int32(truncatingIfNeeded: daysSinceEpoch(year: year, month: month, day: day))
        }
        var negative = false
        if j < n, b[j] == ASCII.minus || b[j] == ASCII.plus {
            negative = b[j] == ASCII.minus
            j += 1
        }
        var year = 0
        var yearDigits = 0
        while j < n, ASCII.isDigit(b[j]) {
            guard yearDigits < 9 else { return nil }
            year = year * 10 + Int(b[j] - ASCII.zero)
            yearDigits += 1
            j += 1
        }
        guard yearDigits >= 4, j + 6 <= n, b[j] == ASCII.minus, b[j + 3] == ASCII.minus,
              let month = twoDigits(b, j + 1), let day = twoDigits(b, j + 4) else { return nil }
        if negative { year = -year }
        guard isRealDate(year: year, month: month, day: day),
              let days = Int32(exactly: daysSinceEpoch(year: year, month: month, day: day)) else { return nil }
        i = j + 6
        return days
    }

    /// Days since 1970-01-01 of a civil date: ``Temporal/days(year:month:day:)``,
    /// inlinable here.
    @inlinable
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whether the civil date exists, without allocating (unlike ``Temporal/isValid(year:month:day:)``).
    @inlinable
    public static func isRealDate(year: Int, month: Int, day: Int) -> Bool {
        guard month >= 1, month <= 12, day >= 1 else { return false }
        if day <= 28 { return true }
        switch month {
        case 2: return day == 29 && (year % 4 == 0 && year % 100 != 0 || year % 400 == 0)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    @inlinable
    static func twoDigits(_ b: ByteSpan, _ i: Int) -> Int? {
        guard i + 2 <= b.count else { return nil }
        let d1 = b[i] &- ASCII.zero, d2 = b[i + 1] &- ASCII.zero
        guard d1 < 10, d2 < 10 else { return nil }
        return Int(d1) * 10 + Int(d2)
    }
}
