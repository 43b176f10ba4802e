import LodeCore
import LodeSQL

extension Binder {
    /// Types a constant as DuckDB does: `42` INTEGER (BIGINT when larger), `0.06`
    /// DECIMAL(3,2), `1e3` DOUBLE, `'x'` VARCHAR, `DATE '…'` DATE.
    func bindLiteral(_ literal: Literal) throws -> BoundExpression {
        switch literal {
        case .integer(let text):
            if let value = Int64(text) {
                return .literal(.int(value), Int32(exactly: value) != nil ? .int32 : .int64)
            }
            return try bindLiteral(.decimal(text))
        case .decimal(let text):
            let digits = text.filter(\.isNumber)
            let scale = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
            let precision = max(digits.count, scale, 1)
            if precision <= DataType.maxDecimalPrecision,
               let value = Decimal128(parsing: Substring(text), precision: precision, scale: scale) {
                return .literal(.decimal(value), .decimal(precision: precision, scale: scale))
            }
            return try bindLiteral(.float(text))
        case .float(let text):
            guard let value = Double(text) else { throw PlanError(.type, "invalid number \(text)") }
            return .literal(.double(value), .float64)
        case .string(let text):
            return .literal(.string(text), .string)
        case .boolean(let value):
            return .literal(.boolean(value), .boolean)
        case .null:
            return .literal(.null, .string)
        case .typed(let typeName, let text):
            return try typedLiteral(try Self.resolveType(typeName), text)
        case .interval:
            throw PlanError(.notImplemented, "an interval is only supported added to or subtracted from a date or timestamp")
        }
    }

    /// `DATE '1998-12-01'`, `TIMESTAMP '2024-01-01 10:00:00'`.
    func typedLiteral(_ type: DataType, _ text: String) throws -> BoundExpression {
        switch type {
        case .date:
            guard let days = Temporal.parseDate(Substring(text.trimmingSpaces)) else {
                throw PlanError(.type, "invalid date '\(text)': expected YYYY-MM-DD")
            }
            return .literal(.date(days), .date)
        case .timestamp(let unit, let utc):
            guard let value = Temporal.parseTimestamp(Substring(text.trimmingSpaces), unit: unit) else {
                throw PlanError(.type, "invalid timestamp '\(text)': expected YYYY-MM-DD HH:MM:SS")
            }
            return .literal(.timestamp(value, unit, utc: utc), type)
        default:
            return .cast(.literal(.string(text), .string), to: type, isTry: false)
        }
    }
}

/// The months, days and microseconds of an `INTERVAL` literal.
struct IntervalLiteral: Equatable {
    var months: Int32 = 0
    var days: Int32 = 0
    var micros: Int64 = 0

    /// Parses `'90' DAY`, `'3 months'`, `'1 year 2 months'`, `'1.5 seconds'`. A fraction of a
    /// month carries into days (30 to a month), and a fraction of a day into microseconds.
    init(_ text: String, unit: String?) throws {
        var words = text.split(whereSeparator: { $0 == " " }).map(String.init)
        if let unit { words.append(unit) }
        guard !words.isEmpty, words.count % 2 == 0 else { throw Self.invalid(text, unit) }
        var index = 0
        while index < words.count {
            guard let amount = Self.fixedPoint(words[index]) else { throw Self.invalid(text, unit) }
            try add(amount, unit: words[index + 1].lowercased(), text: text)
            index += 2
        }
    }

    /// Fixed-point amounts carry this many fractional units per whole one.
    private static let fractionScale: Int128 = 1_000_000_000

    /// `"-1.5"` as -1_500_000_000 (nine fractional digits, the rest dropped), or `nil`.
    private static func fixedPoint(_ word: String) -> Int128? {
        var digits = Substring(word)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeText = parts.first, wholeText.count <= 18, parts.count <= 2,
              !(wholeText.isEmpty && (parts.count == 1 || parts[1].isEmpty)),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let whole = Int128(wholeText.isEmpty ? 0 : Int64(wholeText) ?? 0)
        var fraction: Int128 = 0
        if parts.count == 2 {
            let kept = parts[1].prefix(9)
            fraction = Int128(Int64(kept.isEmpty ? "0" : String(kept)) ?? 0)
            for _ in kept.count..<9 { fraction *= 10 }
        }
        let value = whole * fractionScale + fraction
        return negative ? 0 - value : value
    }

    private mutating func add(_ amount: Int128, unit: String, text: String) throws {
        let singular = unit.hasSuffix("s") ? String(unit.dropLast()) : unit
        let monthFactor: [String: Int128] = ["year": 12, "quarter": 3, "month": 1]
        let dayFactor: [String: Int128] = ["week": 7, "day": 1]
        let microFactor: [String: Int128] = ["hour": 3_600_000_000, "minute": 60_000_000, "second": 1_000_000,
                                             "millisecond": 1_000, "microsecond": 1]
        let microsPerDay: Int128 = 86_400_000_000
        var scaledDays: Int128 = 0
        var scaledMicros: Int128 = 0
        if let factor = monthFactor[singular] {
            let scaledMonths = amount * factor
            months = try Self.checked(Int128(months) + scaledMonths / Self.fractionScale, text)
            scaledDays = scaledMonths % Self.fractionScale * 30
        } else if let factor = dayFactor[singular] {
            scaledDays = amount * factor
        } else if let factor = microFactor[singular] {
            scaledMicros = amount * factor
        } else {
            throw PlanError(.type, "unknown interval unit \(unit)")
        }
        days = try Self.checked(Int128(days) + scaledDays / Self.fractionScale, text)
        scaledMicros += scaledDays % Self.fractionScale * microsPerDay
        guard let sum = Int64(exactly: Int128(micros) + scaledMicros / Self.fractionScale) else {
            throw PlanError(.type, "interval '\(text)' is out of range")
        }
        micros = sum
    }

    private static func checked(_ value: Int128, _ text: String) throws -> Int32 {
        guard let result = Int32(exactly: value) else { throw PlanError(.type, "interval '\(text)' is out of range") }
        return result
    }

    private static func invalid(_ text: String, _ unit: String?) -> PlanError {
        PlanError(.type, "invalid interval '\(text)'\(unit.map { " \($0.uppercased())" } ?? "")")
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
