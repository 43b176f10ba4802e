import LodeCore

extension FunctionRegistry {
    /// Numeric functions: `abs`, `ceil`, `floor`, `round`, `trunc`, `sign`, and the DOUBLE
    /// functions `sqrt`, `cbrt`, `power`, `exp`, `ln`, `log` (base 10, or `log(base, x)`),
    /// `log10`, `log2`, `pi`, the trigonometric functions, `degrees`, `radians`, and the
    /// BOOLEAN tests `isnan`, `isinf`, `isfinite`.
    static let mathResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        table["abs"] = { name, args in try numericUnary(name, args) { $0 } }
        for rounding in ["ceil", "floor", "trunc"] {
            table[rounding] = { name, args in
                try numericUnary(name, args) { type in
                    switch type {
                    case .decimal(let p, _): return .decimal(precision: p, scale: 0)
                    case _ where type.isInteger: return name == "trunc" ? type : .float64
                    default: return type
                    }
                }
            }
        }
        table["round"] = { name, args in
            guard args.count == 1 || args.count == 2 else { throw PlanError(.type, "round takes one or two arguments") }
            let value = try numericArgument(name, args[0])
            if args.count == 2 {
                guard castsImplicitly(args[1], to: .int32) else { throw PlanError(.type, "round expects INT digits, got \(args[1])") }
            }
            let digits: [DataType] = args.count == 2 ? [.int32] : []
            // DuckDB gives round(decimal, n) the scale n, known only from the constant: the
            // binder narrows the scale kept here.
            var result = value
            if case .decimal(let p, _) = value, args.count == 1 { result = .decimal(precision: p, scale: 0) }
            return ResolvedFunction(name: name, argumentTypes: [value] + digits, returnType: result)
        }
        table["sign"] = { name, args in try numericUnary(name, args) { _ in .int8 } }
        for unary in ["sqrt", "cbrt", "exp", "ln", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan",
                      "degrees", "radians"] {
            table[unary] = { name, args in try fixed(name, args, [.float64], .float64) }
        }
        table["log"] = { name, args in try firstMatch(name, args, [([.float64], .float64), ([.float64, .float64], .float64)]) }
        table["power"] = { name, args in try fixed(name, args, [.float64, .float64], .float64) }
        table["atan2"] = table["power"]
        table["pi"] = { name, args in try fixed(name, args, [], .float64) }
        for test in ["isnan", "isinf", "isfinite"] {
            table[test] = { name, args in try fixed(name, args, [.float64], .boolean) }
        }
        return table
    }()

    /// Conditional functions over one common type: `coalesce`, `nullif`, `greatest`, `least`.
    static let conditionalResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        for variadic in ["coalesce", "greatest", "least"] {
            table[variadic] = { name, args in
                let common = try commonType(of: args, in: name)
                return ResolvedFunction(name: name, argumentTypes: Array(repeating: common, count: args.count), returnType: common)
            }
        }
        table["nullif"] = { name, args in
            guard args.count == 2 else { throw PlanError(.type, "nullif takes two arguments") }
            let common = try commonType(of: args, in: name)
            return ResolvedFunction(name: name, argumentTypes: [common, common], returnType: args[0] == .string ? common : args[0])
        }
        return table
    }()

    static func numericArgument(_ name: String, _ type: DataType) throws -> DataType {
        if type == .string { return .float64 }
        guard type.isNumeric else { throw PlanError(.type, "\(name) expects a number, got \(type)") }
        return type
    }

    /// One numeric argument kept as it is; the result type derived from it.
    static func numericUnary(_ name: String, _ args: [DataType], result: (DataType) -> DataType) throws -> ResolvedFunction {
        guard args.count == 1 else { throw PlanError(.type, "\(name) takes one argument, got \(args.count)") }
        let type = try numericArgument(name, args[0])
        return ResolvedFunction(name: name, argumentTypes: [type], returnType: result(type))
    }
}
