/// Calendar arithmetic for dates and timestamps in the proleptic Gregorian calendar.
public enum Temporal {
    /// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        if month == 2 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return day <= (leap ? 29 : 28)
        }
        return day <= monthLengths[month - 1]
    }

    private static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// `YYYY-MM-DD` (years outside 0...9999 keep their sign and digits).
    public static func formatDate(_ days: Int32) -> String {
        let (y, m, d) = civil(days: Int(days))
        return formatYear(y) + "-" + twoDigits(m) + "-" + twoDigits(d)
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]`, fraction digits trimmed as DuckDB prints them.
    public static func formatTimestamp(_ value: Int64, unit: TimeUnit) -> String {
        let perSecond = unit.perSecond
        var seconds = value / perSecond
        var fraction = value % perSecond
        if fraction < 0 { fraction += perSecond; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        var text = formatDate(Int32(truncatingIfNeeded: days)) + " "
            + twoDigits(Int(secondOfDay / 3600)) + ":" + twoDigits(Int(secondOfDay / 60 % 60)) + ":"
            + twoDigits(Int(secondOfDay % 60))
        if fraction != 0 {
            let width = unit == .millisecond ? 3 : unit == .microsecond ? 6 : 9
            var digits = String(fraction).leftPadded(to: width)
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// Parses `[±]YYYY-MM-DD`; `nil` if malformed or not a real date.
    public static func parseDate(_ text: Substring) -> Int32? {
        var text = text
        return text.withUTF8 { ISOTemporal.parseDate($0) }
    }

    /// Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.fraction]]][Z|±HH[:MM]]` into `unit`s since
    /// the epoch, converting an explicit offset to UTC; `nil` if malformed.
    public static func parseTimestamp(_ text: Substring, unit: TimeUnit = .microsecond) -> Int64? {
        var text = text
        return text.withUTF8 { ISOTemporal.parseTimestamp($0, unit: unit)?.value }
    }

    private static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    private static func formatYear(_ y: Int) -> String {
        y < 0 ? "-" + String(-y).leftPadded(to: 4) : String(y).leftPadded(to: 4)
    }
}
