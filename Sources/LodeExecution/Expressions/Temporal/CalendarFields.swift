import LodeCore

/// A date or timestamp value split into its day and time of day, in microseconds.
struct Instant {
    var days: Int64
    var micros: Int64

    static let microsPerDay: Int64 = 86_400_000_000

    init(days: Int64, micros: Int64) {
        self.days = days
        self.micros = micros
    }

    /// A timestamp of `unit`s since the epoch.
    init(timestamp value: Int64, unit: TimeUnit) {
        let total: Int64
        switch unit {
        case .microsecond: total = value
        case .millisecond: total = value &* 1000
        case .nanosecond: total = floorDivide(value, 1000)
        }
        days = floorDivide(total, Instant.microsPerDay)
        micros = total - days * Instant.microsPerDay
    }

    var epochMicros: Int64 { days &* Instant.microsPerDay &+ micros }

    /// The value in `unit`s since the epoch, or `nil` on overflow.
    func timestamp(_ unit: TimeUnit) -> Int64? {
        let (a, o1) = days.multipliedReportingOverflow(by: Instant.microsPerDay)
        let (t, o2) = a.addingReportingOverflow(micros)
        if o1 || o2 { return nil }
        switch unit {
        case .microsecond: return t
        case .millisecond: return floorDivide(t, 1000)
        case .nanosecond:
            let (n, o) = t.multipliedReportingOverflow(by: 1000)
            return o ? nil : n
        }
    }

    var civil: (year: Int, month: Int, day: Int) { Temporal.civil(days: Int(days)) }

    /// Sunday = 0 ... Saturday = 6.
    var dayOfWeek: Int { Int(((days + 4) % 7 + 7) % 7) }

    /// ISO 8601 (year, week).
    var isoWeek: (year: Int, week: Int) {
        let isoWeekday = (dayOfWeek + 6) % 7 + 1
        let thursday = days - Int64(isoWeekday) + 4
        let year = Temporal.civil(days: Int(thursday)).year
        let first = Int64(Temporal.days(year: year, month: 1, day: 1))
        return (year, Int((thursday - first) / 7) + 1)
    }
}

/// Reads a date or timestamp operand as instants.
enum InstantReader {
    /// A function from row to instant for `operand` of `type`.
    static func reader(_ operand: Operand, _ type: DataType) throws -> (Int) -> Instant {
        switch type {
        case .date:
            let a = try operand.primitive(Int32.self)
            let constant = operand.isConstant
            return { Instant(days: Int64(a.storage[constant ? 0 : $0]), micros: 0) }
        case .timestamp(let unit, _):
            let a = try operand.primitive(Int64.self)
            let constant = operand.isConstant
            return { Instant(timestamp: a.storage[constant ? 0 : $0], unit: unit) }
        default: throw ExecutionError(.internal, "not a date or timestamp: \(type)")
        }
    }
}

/// Year starts for 1700...2299, so the year of a date is a table step instead of a civil
/// conversion.
enum YearTable {
    static let firstYear = 1700
    static let starts: [Int32] = (1700...2300).map { Int32(Temporal.days(year: $0, month: 1, day: 1)) }

    @inline(__always)
    static func year(ofDays days: Int32) -> Int {
        guard let first = starts.first, let last = starts.last, days >= first, days < last else {
            return Temporal.civil(days: Int(days)).year
        }
        var k = Int(days - first) / 366
        while k + 1 < starts.count && starts[k + 1] <= days { k += 1 }
        return firstYear + k
    }
}
