import LodeCore

/// A calendar field named in `date_part`, `date_trunc` and `date_diff`.
enum DatePart: String {
    case millennium, century, decade, year, quarter, month, week, day, dayOfWeek, isoDayOfWeek, dayOfYear
    case hour, minute, second, millisecond, microsecond, epoch, isoYear

    init(named text: String) throws {
        switch text.lowercased() {
        case "millennium", "millennia", "mil", "mils": self = .millennium
        case "century", "centuries", "cent", "c": self = .century
        case "decade", "decades", "dec": self = .decade
        case "year", "years", "y", "yr", "yrs", "yy", "yyyy": self = .year
        case "quarter", "quarters", "q": self = .quarter
        case "month", "months", "mon", "mons", "mm": self = .month
        case "week", "weeks", "w", "weekofyear": self = .week
        case "day", "days", "d", "dd", "dayofmonth": self = .day
        case "dayofweek", "dow", "weekday": self = .dayOfWeek
        case "isodow": self = .isoDayOfWeek
        case "dayofyear", "doy": self = .dayOfYear
        case "hour", "hours", "h", "hr", "hrs": self = .hour
        case "minute", "minutes", "m", "min", "mins": self = .minute
        case "second", "seconds", "s", "sec", "secs": self = .second
        case "millisecond", "milliseconds", "ms", "msec", "msecs": self = .millisecond
        case "microsecond", "microseconds", "us", "usec", "usecs": self = .microsecond
        case "epoch": self = .epoch
        case "isoyear": self = .isoYear
        default: throw ExecutionError(.invalidInput, "unknown date part '\(text)'")
        }
    }

    /// The field's value (BIGINT) for `instant`.
    func extract(_ t: Instant) -> Int64 {
        switch self {
        case .millennium, .century, .decade, .year, .quarter, .month, .day, .dayOfYear:
            let (y, m, d) = t.civil
            switch self {
            case .millennium: return Int64(y > 0 ? (y - 1) / 1000 + 1 : -((-y) / 1000 + 1))
            case .century: return Int64(y > 0 ? (y - 1) / 100 + 1 : -((-y) / 100 + 1))
            case .decade: return Int64(floorDivide(Int64(y), 10))
            case .year: return Int64(y)
            case .quarter: return Int64((m - 1) / 3 + 1)
            case .month: return Int64(m)
            case .day: return Int64(d)
            default: return t.days - Int64(Temporal.days(year: y, month: 1, day: 1)) + 1
            }
        case .week: return Int64(t.isoWeek.week)
        case .isoYear: return Int64(t.isoWeek.year)
        case .dayOfWeek: return Int64(t.dayOfWeek)
        case .isoDayOfWeek: return Int64((t.dayOfWeek + 6) % 7 + 1)
        case .hour: return t.micros / 3_600_000_000
        case .minute: return t.micros / 60_000_000 % 60
        case .second: return t.micros / 1_000_000 % 60
        case .millisecond: return t.micros % 60_000_000 / 1000
        case .microsecond: return t.micros % 60_000_000
        case .epoch: return floorDivide(t.epochMicros, 1_000_000)
        }
    }

    /// `instant` truncated to the start of the field.
    func truncate(_ t: Instant) -> Instant {
        func startOf(_ y: Int, _ m: Int) -> Instant { Instant(days: Int64(Temporal.days(year: y, month: m, day: 1)), micros: 0) }
        let (y, m, _) = t.civil
        switch self {
        case .millennium: return startOf(Int(floorDivide(Int64(y - 1), 1000)) * 1000 + 1, 1)
        case .century: return startOf(Int(floorDivide(Int64(y - 1), 100)) * 100 + 1, 1)
        case .decade: return startOf(Int(floorDivide(Int64(y), 10)) * 10, 1)
        case .year, .isoYear: return startOf(y, 1)
        case .quarter: return startOf(y, (m - 1) / 3 * 3 + 1)
        case .month: return startOf(y, m)
        case .week: return Instant(days: t.days - Int64((t.dayOfWeek + 6) % 7), micros: 0)
        case .day, .dayOfWeek, .isoDayOfWeek, .dayOfYear: return Instant(days: t.days, micros: 0)
        case .hour: return Instant(days: t.days, micros: t.micros / 3_600_000_000 * 3_600_000_000)
        case .minute: return Instant(days: t.days, micros: t.micros / 60_000_000 * 60_000_000)
        case .second, .epoch: return Instant(days: t.days, micros: t.micros / 1_000_000 * 1_000_000)
        case .millisecond: return Instant(days: t.days, micros: t.micros / 1000 * 1000)
        case .microsecond: return t
        }
    }

    /// Boundaries of the field crossed going from `a` to `b` (DuckDB's `date_diff`).
    func difference(_ a: Instant, _ b: Instant) -> Int64 {
        switch self {
        case .millennium, .century, .decade, .year, .isoYear:
            let ya = Int64(a.civil.year), yb = Int64(b.civil.year)
            switch self {
            case .millennium: return yb / 1000 - ya / 1000
            case .century: return yb / 100 - ya / 100
            case .decade: return yb / 10 - ya / 10
            default: return yb - ya
            }
        case .quarter, .month:
            let ca = a.civil, cb = b.civil
            if self == .month { return Int64(cb.year * 12 + cb.month) - Int64(ca.year * 12 + ca.month) }
            return Int64(cb.year * 4 + (cb.month - 1) / 3) - Int64(ca.year * 4 + (ca.month - 1) / 3)
        case .week: return (b.days - a.days) / 7
        case .day, .dayOfWeek, .isoDayOfWeek, .dayOfYear: return b.days - a.days
        case .hour: return floorDivide(b.epochMicros, 3_600_000_000) - floorDivide(a.epochMicros, 3_600_000_000)
        case .minute: return floorDivide(b.epochMicros, 60_000_000) - floorDivide(a.epochMicros, 60_000_000)
        case .second, .epoch: return floorDivide(b.epochMicros, 1_000_000) - floorDivide(a.epochMicros, 1_000_000)
        case .millisecond: return floorDivide(b.epochMicros, 1000) - floorDivide(a.epochMicros, 1000)
        case .microsecond: return b.epochMicros - a.epochMicros
        }
    }
}
