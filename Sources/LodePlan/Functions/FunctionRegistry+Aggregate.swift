import LodeCore

extension FunctionRegistry {
    static let aggregateResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        table["count_star"] = { name, args in ResolvedFunction(name: name, argumentTypes: [], returnType: .int64) }
        table["count"] = { name, args in ResolvedFunction(name: name, argumentTypes: args, returnType: .int64) }
        table["min"] = { name, args in ResolvedFunction(name: name, argumentTypes: args, returnType: args.first ?? .int64) }
        table["max"] = table["min"]
        return table
    }()
}
