import LodeCore

extension FunctionRegistry {
    static let aliases: [String: String] = [:]

    static let scalarResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        for op in ["=", "<>", "<", "<=", ">", ">=", "is_distinct_from", "is_not_distinct_from"] {
            table[op] = comparison
        }
        for op in ["and", "or"] { table[op] = { name, args in try fixed(name, args, [.boolean, .boolean], .boolean) } }
        table["not"] = { name, args in try fixed(name, args, [.boolean], .boolean) }
        table["is_null"] = { name, args in ResolvedFunction(name: name, argumentTypes: args, returnType: .boolean) }
        table["is_not_null"] = table["is_null"]
        return table
    }()

    /// Two operands cast to their common type; boolean result.
    @Sendable static func comparison(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        guard args.count == 2 else { throw PlanError(.type, "\(name) takes two operands") }
        guard let common = TypeCoercion.commonType(args[0], args[1]) else {
            throw PlanError(.type, "cannot compare \(args[0]) and \(args[1])")
        }
        return ResolvedFunction(name: name, argumentTypes: [common, common], returnType: .boolean)
    }

    /// A signature with fixed parameter types; arguments must cast to them implicitly.
    static func fixed(_ name: String, _ args: [DataType], _ parameters: [DataType], _ result: DataType) throws -> ResolvedFunction {
        guard args.count == parameters.count else {
            throw PlanError(.type, "\(name) takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), got \(args.count)")
        }
        for (arg, parameter) in zip(args, parameters) where TypeCoercion.commonType(arg, parameter) != parameter {
            throw PlanError(.type, "\(name) expects \(parameter), got \(arg)")
        }
        return ResolvedFunction(name: name, argumentTypes: parameters, returnType: result)
    }
}
