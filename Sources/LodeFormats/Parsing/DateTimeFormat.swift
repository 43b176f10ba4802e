import LodeCore

/// A strftime-style pattern that dates and timestamps are read with, such as
/// `%d/%m/%Y` or `%Y-%m-%dT%H:%M:%S%z`.
///
/// Directives: `%Y` year (up to 4 digits, optional sign), `%y` two-digit year
/// (69–99 → 19xx, 00–68 → 20xx), `%m` month, `%d` day, `%e` space-padded day,
/// `%b`/`%h`/`%B` English month name, `%a`/`%A` weekday name (read and ignored),
/// `%H` hour, `%I` 12-hour hour with `%p` AM/PM, `%M` minute, `%S` second, `%f`
/// fraction of a second (1–9 digits), `%z` zone (`Z`, `±HH`, `±HHMM`, `±HH:MM`),
/// `%Z` zone name (`UTC`, `GMT`, `Z`), `%j` day of year, `%T` = `%H:%M:%S`,
/// `%F` = `%Y-%m-%d`, `%D` = `%m/%d/%y`, `%R` = `%H:%M`, `%%` a percent sign.
/// Numeric fields take one or two digits where the pattern allows it (as strptime
/// does); whitespace in the pattern matches any run of whitespace. The whole value
/// must match.
public struct DateTimeFormat: Hashable, Sendable {
    public let pattern: String
    let steps: [Step]

    enum Step: Hashable, Sendable {
        case literal(UInt8), whitespace
        case year, year2, month, day, spacedDay, monthName, weekdayName, dayOfYear
        case hour, hour12, amPm, minute, second, fraction, zone, zoneName
    }

    /// Compiles `pattern`; throws ``FormatError`` naming an unknown directive.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        var steps: [Step] = []
        var bytes = Array(pattern.utf8)[...]
        while let c = bytes.popFirst() {
            if c != UInt8(ascii: "%") {
                steps.append(c == ASCII.space || c == ASCII.tab ? .whitespace : .literal(c))
                continue
            }
            guard let d = bytes.popFirst() else {
                throw FormatError(.invalidArgument, "date format '\(pattern)' ends with a lone %")
            }
            switch Unicode.Scalar(d) {
            case "Y": steps.append(.year)
            case "y": steps.append(.year2)
            case "m": steps.append(.month)
            case "d": steps.append(.day)
            case "e": steps.append(.spacedDay)
            case "b", "h", "B": steps.append(.monthName)
            case "a", "A": steps.append(.weekdayName)
            case "j": steps.append(.dayOfYear)
            case "H": steps.append(.hour)
            case "I": steps.append(.hour12)
            case "p": steps.append(.amPm)
            case "M": steps.append(.minute)
            case "S": steps.append(.second)
            case "f": steps.append(.fraction)
            case "z": steps.append(.zone)
            case "Z": steps.append(.zoneName)
            case "T": steps += [.hour, .literal(UInt8(ascii: ":")), .minute, .literal(UInt8(ascii: ":")), .second]
            case "R": steps += [.hour, .literal(UInt8(ascii: ":")), .minute]
            case "F": steps += [.year, .literal(ASCII.minus), .month, .literal(ASCII.minus), .day]
            case "D": steps += [.month, .literal(UInt8(ascii: "/")), .day, .literal(UInt8(ascii: "/")), .year2]
            case "n", "t": steps.append(.whitespace)
            case "%": steps.append(.literal(UInt8(ascii: "%")))
            default:
                throw FormatError(.invalidArgument, "unknown directive %\(Character(Unicode.Scalar(d))) in date format '\(pattern)'")
            }
        }
        self.steps = steps
    }

    /// Whether the pattern reads a zone, making timestamps instants (UTC).
    var hasZone: Bool { steps.contains(.zone) || steps.contains(.zoneName) }

    /// Days since the epoch of a date in this format (any time of day is ignored).
    func parseDate(_ b: ByteSpan) -> Int32? {
        guard let parts = parse(b), let days = Int32(exactly: parts.days) else { return nil }
        return days
    }

    /// `unit`s since the epoch (UTC when the value has a zone) of a timestamp in this format.
    func parseTimestamp(_ b: ByteSpan, unit: TimeUnit) -> Int64? {
        guard let parts = parse(b) else { return nil }
        let seconds = Int64(parts.days) * 86_400 + Int64(parts.secondOfDay - parts.offset)
        return ISOTemporal.combine(seconds: seconds, fraction: parts.nanos / (1_000_000_000 / unit.perSecond), unit: unit)
    }

    private struct Parts {
        var days: Int
        var secondOfDay: Int
        var nanos: Int64
        var offset: Int
    }

    private func parse(_ b: ByteSpan) -> Parts? {
        let n = b.count
        var i = 0
        var year = 1970, month = 1, day = 1, dayOfYear: Int? = nil
        var hour = 0, minute = 0, second = 0, nanos: Int64 = 0, offset = 0
        var pm: Bool? = nil
        func number(maxDigits: Int, minDigits: Int = 1) -> Int? {
            var value = 0, digits = 0
            while digits < maxDigits, i < n, ASCII.isDigit(b[i]) {
                value = value * 10 + Int(b[i] - ASCII.zero)
                digits += 1
                i += 1
            }
            return digits >= minDigits ? value : nil
        }
        func word(from names: [String]) -> Int? {
            for (index, name) in names.enumerated() {
                let full = Array(name.utf8)
                for length in [full.count, 3] where i + length <= n {
                    if (0..<length).allSatisfy({ ASCII.lower(b[i + $0]) == full[$0] }) {
                        i += length
                        return index
                    }
                }
            }
            return nil
        }
        for step in steps {
            switch step {
            case .literal(let c):
                guard i < n, b[i] == c else { return nil }
                i += 1
            case .whitespace:
                while i < n, b[i] == ASCII.space || b[i] == ASCII.tab { i += 1 }
            case .year:
                var negative = false
                if i < n, b[i] == ASCII.minus || b[i] == ASCII.plus {
                    negative = b[i] == ASCII.minus
                    i += 1
                }
                guard let y = number(maxDigits: 4) else { return nil }
                year = negative ? -y : y
            case .year2:
                guard let y = number(maxDigits: 2, minDigits: 2) else { return nil }
                year = y < 69 ? 2000 + y : 1900 + y
            case .month:
                guard let m = number(maxDigits: 2) else { return nil }
                month = m
            case .day:
                guard let d = number(maxDigits: 2) else { return nil }
                day = d
            case .spacedDay:
                if i < n, b[i] == ASCII.space { i += 1 }
                guard let d = number(maxDigits: 2) else { return nil }
                day = d
            case .dayOfYear:
                guard let d = number(maxDigits: 3), d >= 1, d <= 366 else { return nil }
                dayOfYear = d
            case .monthName:
                guard let m = word(from: DateTimeFormat.monthNames) else { return nil }
                month = m + 1
            case .weekdayName:
                guard word(from: DateTimeFormat.weekdayNames) != nil else { return nil }
            case .hour:
                guard let h = number(maxDigits: 2), h < 24 else { return nil }
                hour = h
            case .hour12:
                guard let h = number(maxDigits: 2), h >= 1, h <= 12 else { return nil }
                hour = h
            case .amPm:
                guard i + 2 <= n, ASCII.lower(b[i + 1]) == UInt8(ascii: "m") else { return nil }
                switch ASCII.lower(b[i]) {
                case UInt8(ascii: "a"): pm = false
                case UInt8(ascii: "p"): pm = true
                default: return nil
                }
                i += 2
            case .minute:
                guard let m = number(maxDigits: 2), m < 60 else { return nil }
                minute = m
            case .second:
                guard let s = number(maxDigits: 2), s < 60 else { return nil }
                second = s
            case .fraction:
                let start = i
                guard let f = number(maxDigits: 9) else { return nil }
                nanos = Int64(f)
                for _ in (i - start)..<9 { nanos *= 10 }
            case .zone:
                guard i < n else { return nil }
                if b[i] | 0x20 == UInt8(ascii: "z") {
                    i += 1
                    offset = 0
                } else {
                    guard b[i] == ASCII.plus || b[i] == ASCII.minus else { return nil }
                    let negative = b[i] == ASCII.minus
                    i += 1
                    guard let hh = number(maxDigits: 2, minDigits: 2) else { return nil }
                    var mm = 0
                    if i < n, b[i] == UInt8(ascii: ":") { i += 1 }
                    if i < n, ASCII.isDigit(b[i]) {
                        guard let m = number(maxDigits: 2, minDigits: 2) else { return nil }
                        mm = m
                    }
                    offset = (hh * 3600 + mm * 60) * (negative ? -1 : 1)
                }
            case .zoneName:
                guard word(from: ["utc", "gmt"]) != nil || (i < n && b[i] | 0x20 == UInt8(ascii: "z") && { i += 1; return true }())
                else { return nil }
                offset = 0
            }
        }
        guard i == n else { return nil }
        if let pm { hour = hour % 12 + (pm ? 12 : 0) }
        let days: Int
        if let dayOfYear {
            days = ISOTemporal.daysSinceEpoch(year: year, month: 1, day: 1) + dayOfYear - 1
            guard dayOfYear <= 365 || ISOTemporal.isRealDate(year: year, month: 2, day: 29) else { return nil }
        } else {
            guard ISOTemporal.isRealDate(year: year, month: month, day: day) else { return nil }
            days = ISOTemporal.daysSinceEpoch(year: year, month: month, day: day)
        }
        return Parts(days: days, secondOfDay: hour * 3600 + minute * 60 + second, nanos: nanos, offset: offset)
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"]
    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
