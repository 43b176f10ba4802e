import LodeCore

/// DuckDB's implicit-cast rules: which type two operands meet at.
public enum TypeCoercion {
    /// The type both `a` and `b` cast to implicitly (comparisons, CASE branches, UNION
    /// columns, IN lists, COALESCE), or `nil` when they do not meet.
    public static func commonType(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        switch (a, b) {
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)):
            let scale = max(s1, s2)
            let precision = min(DataType.maxDecimalPrecision, max(p1 - s1, p2 - s2) + scale)
            return .decimal(precision: precision, scale: scale)
        case (.decimal, _) where b.isInteger: return commonType(a, integerAsDecimal(b))
        case (_, .decimal) where a.isInteger: return commonType(integerAsDecimal(a), b)
        case (.decimal, .float32), (.decimal, .float64), (.float32, .decimal), (.float64, .decimal): return .float64
        case _ where a.isNumeric && b.isNumeric:
            return numericRank(a) >= numericRank(b) ? a : b
        case (.date, .timestamp), (.timestamp, .date): return a == .date ? b : a
        case (.timestamp(let u1, let z1), .timestamp(let u2, let z2)):
            return .timestamp(u1.perSecond >= u2.perSecond ? u1 : u2, utc: z1 || z2)
        case (.string, _): return b
        case (_, .string): return a
        default: return nil
        }
    }

    /// The decimal type an integer type widens to when it meets a decimal.
    public static func integerAsDecimal(_ type: DataType) -> DataType {
        switch type {
        case .int8: return .decimal(precision: 3, scale: 0)
        case .int16: return .decimal(precision: 5, scale: 0)
        case .int32: return .decimal(precision: 10, scale: 0)
        default: return .decimal(precision: 18, scale: 0)
        }
    }

    static func numericRank(_ type: DataType) -> Int {
        switch type {
        case .int8: return 1
        case .int16: return 2
        case .int32: return 3
        case .int64: return 4
        case .decimal: return 5
        case .float32: return 6
        case .float64: return 7
        default: return 0
        }
    }
}
