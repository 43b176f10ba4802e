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

    /// Parses `'90' DAY`, `'3 months'`, `'1 year 2 months'`.
    init(_ text: String, unit: String?) throws {
        var words = text.split(whereSeparator: { $0 == " " }).map(String.init)
        if let unit { words.append(unit) }
        guard !words.isEmpty, words.count % 2 == 0 else { throw Self.invalid(text, unit) }
        var index = 0
        while index < words.count {
            guard let amount = Int64(words[index]) else { throw Self.invalid(text, unit) }
            try add(amount, unit: words[index + 1].lowercased(), text: text)
            index += 2
        }
    }

    private mutating func add(_ amount: Int64, unit: String, text: String) throws {
        let singular = unit.hasSuffix("s") ? String(unit.dropLast()) : unit
        let monthFactor: [String: Int64] = ["year": 12, "quarter": 3, "month": 1]
        let dayFactor: [String: Int64] = ["week": 7, "day": 1]
        let microFactor: [String: Int64] = ["hour": 3_600_000_000, "minute": 60_000_000, "second": 1_000_000,
                                            "millisecond": 1_000, "microsecond": 1]
        if let factor = monthFactor[singular] {
            months = try Self.checked(Self.scaled(amount, factor, Int64(months), text), text)
        } else if let factor = dayFactor[singular] {
            days = try Self.checked(Self.scaled(amount, factor, Int64(days), text), text)
        } else if let factor = microFactor[singular] {
            micros = try Self.scaled(amount, factor, micros, text)
        } else {
            throw PlanError(.type, "unknown interval unit \(unit)")
        }
    }

    /// `base + amount × factor`, or an error on overflow.
    private static func scaled(_ amount: Int64, _ factor: Int64, _ base: Int64, _ text: String) throws -> Int64 {
        let (product, overflow) = amount.multipliedReportingOverflow(by: factor)
        let (sum, overflow2) = base.addingReportingOverflow(product)
        guard !overflow, !overflow2 else { throw PlanError(.type, "interval '\(text)' is out of range") }
        return sum
    }

    private static func checked(_ value: Int64, _ text: String) throws -> Int32 {
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
