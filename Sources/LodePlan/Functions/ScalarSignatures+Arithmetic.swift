import LodeCore

extension FunctionRegistry {
    /// `+ - * / // % negate` and `mod`, with DuckDB's result types.
    static let arithmeticResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        table["+"] = { name, args in try additive(name, args) }
        table["-"] = { name, args in try additive(name, args) }
        table["*"] = { name, args in try multiplication(name, args) }
        table["/"] = { name, args in
            try numericPair(name, args)
            return ResolvedFunction(name: name, argumentTypes: [.float64, .float64], returnType: .float64)
        }
        table["//"] = { name, args in
            let common = try numericPair(name, args)
            let type: DataType = common.isInteger ? common : .float64
            return ResolvedFunction(name: name, argumentTypes: [type, type], returnType: type)
        }
        table["%"] = { name, args in
            let common = try numericPair(name, args)
            return ResolvedFunction(name: name, argumentTypes: [common, common], returnType: common)
        }
        table["mod"] = table["%"]
        table["negate"] = { name, args in
            guard args.count == 1, args[0].isNumeric else { throw PlanError(.type, "cannot negate \(args.first?.description ?? "nothing")") }
            return ResolvedFunction(name: name, argumentTypes: args, returnType: args[0])
        }
        return table
    }()

    /// The common numeric type of two operands, or a type error.
    @discardableResult
    static func numericPair(_ name: String, _ args: [DataType]) throws -> DataType {
        guard args.count == 2 else { throw PlanError(.type, "\(name) takes two operands") }
        let a = args[0] == .string ? args[1] : args[0], b = args[1] == .string ? args[0] : args[1]
        guard a.isNumeric, b.isNumeric, let common = TypeCoercion.commonType(a, b) else {
            throw PlanError(.type, "no operator \(name) for \(args[0]) and \(args[1])")
        }
        return common
    }

    /// `+` and `-`: numbers, decimals (scale max(s1,s2), precision max(p1-s1,p2-s2)+scale+1),
    /// `date ± integer` (DATE), `date - date` (BIGINT days).
    static func additive(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        guard args.count == 2 else { throw PlanError(.type, "\(name) takes two operands") }
        switch (args[0], args[1]) {
        case (.date, let b) where b.isInteger || b == .string:
            return ResolvedFunction(name: name, argumentTypes: [.date, .int32], returnType: .date)
        case (let a, .date) where name == "+" && (a.isInteger || a == .string):
            return ResolvedFunction(name: name, argumentTypes: [.int32, .date], returnType: .date)
        case (.date, .date) where name == "-":
            return ResolvedFunction(name: name, argumentTypes: [.date, .date], returnType: .int64)
        default: break
        }
        let common = try numericPair(name, args)
        guard case .decimal = common else { return ResolvedFunction(name: name, argumentTypes: [common, common], returnType: common) }
        let (p1, s1) = decimalShape(args[0], common), (p2, s2) = decimalShape(args[1], common)
        let scale = max(s1, s2)
        let precision = min(DataType.maxDecimalPrecision, max(p1 - s1, p2 - s2) + scale + 1)
        return ResolvedFunction(name: name, argumentTypes: [.decimal(precision: p1, scale: s1), .decimal(precision: p2, scale: s2)],
                                returnType: .decimal(precision: precision, scale: scale))
    }

    /// `*`: decimals get scale s1+s2 and precision p1+p2 (18 when both inputs fit 18 digits).
    static func multiplication(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        let common = try numericPair(name, args)
        guard case .decimal = common else { return ResolvedFunction(name: name, argumentTypes: [common, common], returnType: common) }
        let (p1, s1) = decimalShape(args[0], common), (p2, s2) = decimalShape(args[1], common)
        var precision = min(DataType.maxDecimalPrecision, p1 + p2)
        if p1 <= 18 && p2 <= 18 { precision = min(precision, 18) }
        let scale = s1 + s2
        guard scale <= DataType.maxDecimalPrecision else { throw PlanError(.type, "decimal multiplication needs scale \(scale), above 38") }
        return ResolvedFunction(name: name, argumentTypes: [.decimal(precision: p1, scale: s1), .decimal(precision: p2, scale: s2)],
                                returnType: .decimal(precision: max(precision, scale), scale: scale))
    }

    /// The precision and scale an operand has as a decimal (integers widen, text takes `common`).
    static func decimalShape(_ type: DataType, _ common: DataType) -> (Int, Int) {
        switch type {
        case .decimal(let p, let s): return (p, s)
        case _ where type.isInteger:
            if case .decimal(let p, let s) = TypeCoercion.integerAsDecimal(type) { return (p, s) }
        default: break
        }
        if case .decimal(let p, let s) = common { return (p, s) }
        return (18, 0)
    }
}
