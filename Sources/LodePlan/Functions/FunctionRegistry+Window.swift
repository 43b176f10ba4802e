import LodeCore

extension FunctionRegistry {
    /// Ranking and value window functions; aggregates over frames resolve through
    /// ``aggregateResolvers``.
    static let windowResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        for ranking in ["row_number", "rank", "dense_rank"] {
            table[ranking] = { name, args in try fixed(name, args, [], .int64) }
        }
        for distribution in ["percent_rank", "cume_dist"] {
            table[distribution] = { name, args in try fixed(name, args, [], .float64) }
        }
        table["ntile"] = { name, args in try fixed(name, args, [.int64], .int64) }
        table["lag"] = { name, args in
            guard (1...3).contains(args.count) else {
                throw PlanError(.type, "\(name) takes a value, an optional offset and an optional default, got \(args.count) arguments")
            }
            var value = args[0]
            if args.count == 3 {
                guard let common = TypeCoercion.commonType(args[0], args[2]) else {
                    throw PlanError(.type, "\(name): default \(args[2]) does not match \(args[0])")
                }
                value = common
            }
            if args.count > 1, !args[1].isInteger { throw PlanError(.type, "\(name) expects an integer offset, got \(args[1])") }
            let types = [value, .int64, value].prefix(args.count)
            return ResolvedFunction(name: name, argumentTypes: Array(types), returnType: value)
        }
        table["lead"] = table["lag"]
        for value in ["first_value", "last_value"] {
            table[value] = { name, args in
                let input = try single(name, args)
                return ResolvedFunction(name: name, argumentTypes: [input], returnType: input)
            }
        }
        table["nth_value"] = { name, args in
            guard args.count == 2 else { throw PlanError(.type, "nth_value takes a value and a position, got \(args.count) arguments") }
            guard args[1].isInteger else { throw PlanError(.type, "nth_value expects an integer position, got \(args[1])") }
            return ResolvedFunction(name: name, argumentTypes: [args[0], .int64], returnType: args[0])
        }
        return table
    }()
}
