import LodeCore

extension FunctionRegistry {
    /// Aggregate signatures with DuckDB's result types, except `sum` of integers, which is
    /// BIGINT (with an overflow error) rather than HUGEINT. DuckDB's other names for a
    /// function are extra keys resolving to the canonical name.
    static let aggregateResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        table["count_star"] = { name, args in try fixed(name, args, [], .int64) }
        table["count"] = { name, args in
            guard args.count <= 1 else { throw PlanError(.type, "count takes one argument, got \(args.count)") }
            return ResolvedFunction(name: args.isEmpty ? "count_star" : name, argumentTypes: args, returnType: .int64)
        }
        table["sum"] = { name, args in
            let input = try single(name, args)
            switch input {
            case .int8, .int16, .int32, .int64: return ResolvedFunction(name: name, argumentTypes: [input], returnType: .int64)
            case .decimal(_, let scale):
                return ResolvedFunction(name: name, argumentTypes: [input],
                                        returnType: .decimal(precision: DataType.maxDecimalPrecision, scale: scale))
            case .float32, .float64: return ResolvedFunction(name: name, argumentTypes: [input], returnType: .float64)
            default: throw noSignature(name, args)
            }
        }
        table["avg"] = { name, args in
            let input = try single(name, args)
            guard input.isNumeric else { throw noSignature(name, args) }
            return ResolvedFunction(name: name, argumentTypes: [input], returnType: .float64)
        }
        table["min"] = { name, args in
            let input = try single(name, args)
            guard !input.isNested else { throw noSignature(name, args) }
            return ResolvedFunction(name: name, argumentTypes: [input], returnType: input)
        }
        table["max"] = table["min"]
        for statistic in ["stddev_samp", "stddev_pop", "var_samp", "var_pop"] {
            table[statistic] = { name, args in
                guard try single(name, args).isNumeric else { throw noSignature(name, args) }
                return ResolvedFunction(name: name, argumentTypes: [.float64], returnType: .float64)
            }
        }
        table["string_agg"] = { name, args in
            guard args.count == 1 || args.count == 2 else {
                throw PlanError(.type, "string_agg takes a value and an optional separator, got \(args.count) arguments")
            }
            for arg in args where arg.isNested { throw noSignature(name, args) }
            return ResolvedFunction(name: name, argumentTypes: args.map { _ in .string }, returnType: .string)
        }
        table["bool_and"] = { name, args in try fixed(name, args, [.boolean], .boolean) }
        table["bool_or"] = table["bool_and"]
        table["approx_count_distinct"] = { name, args in
            ResolvedFunction(name: name, argumentTypes: [try single(name, args)], returnType: .int64)
        }
        table["first"] = { name, args in
            let input = try single(name, args)
            return ResolvedFunction(name: name, argumentTypes: [input], returnType: input)
        }
        table["any_value"] = table["first"]
        for (alias, canonical) in [("stddev", "stddev_samp"), ("variance", "var_samp"), ("mean", "avg"),
                                   ("arbitrary", "first"), ("group_concat", "string_agg"), ("listagg", "string_agg")] {
            guard let resolver = table[canonical] else { continue }
            table[alias] = { _, args in try resolver(canonical, args) }
        }
        return table
    }()

    /// The one argument of `name`, or a type error.
    static func single(_ name: String, _ args: [DataType]) throws -> DataType {
        guard args.count == 1, let input = args.first else {
            throw PlanError(.type, "\(name) takes one argument, got \(args.count)")
        }
        return input
    }

    static func noSignature(_ name: String, _ args: [DataType]) -> PlanError {
        PlanError(.type, "no function matches \(name)(\(args.map(\.description).joined(separator: ", ")))")
    }
}
