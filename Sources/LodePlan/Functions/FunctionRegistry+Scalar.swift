import LodeCore

extension FunctionRegistry {
    /// Alternative spellings of scalar functions, mapped to their canonical names.
    static let aliases: [String: String] = [
        "ceiling": "ceil", "pow": "power", "substr": "substring", "len": "length", "char_length": "length",
        "character_length": "length", "strpos": "position", "instr": "position", "datediff": "date_diff",
        "extract": "date_part", "datepart": "date_part", "current_timestamp": "now", "ifnull": "coalesce",
        "prefix": "starts_with", "suffix": "ends_with",
        "lcase": "lower", "ucase": "upper",
    ]

    static let scalarResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        for op in ["=", "<>", "<", "<=", ">", ">=", "is_distinct_from", "is_not_distinct_from"] {
            table[op] = comparison
        }
        for op in ["and", "or"] { table[op] = { name, args in try fixed(name, args, [.boolean, .boolean], .boolean) } }
        table["not"] = { name, args in try fixed(name, args, [.boolean], .boolean) }
        table["is_null"] = { name, args in try sameArguments(name, args, count: 1, returnType: .boolean) }
        table["is_not_null"] = table["is_null"]
        table["in"] = inList
        table["like"] = likeSignature
        table["ilike"] = likeSignature
        table["add_interval"] = { name, args in
            let timestamp = args.first?.isTimestamp ?? .timestampNTZ
            return try fixed(name, args, [timestamp, .int32, .int32, .int64], timestamp)
        }
        for (name, resolver) in arithmeticResolvers { table[name] = resolver }
        for (name, resolver) in mathResolvers { table[name] = resolver }
        for (name, resolver) in conditionalResolvers { table[name] = resolver }
        for (name, resolver) in stringResolvers { table[name] = resolver }
        for (name, resolver) in temporalResolvers { table[name] = resolver }
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

    /// `value IN (candidate, ...)`: everything cast to one common type.
    @Sendable static func inList(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        guard args.count >= 2 else { throw PlanError(.type, "IN needs a value and at least one candidate") }
        let common = try commonType(of: args, in: name)
        return ResolvedFunction(name: name, argumentTypes: Array(repeating: common, count: args.count), returnType: .boolean)
    }

    /// `value LIKE pattern [ESCAPE escape]`: text operands, boolean result.
    @Sendable static func likeSignature(_ name: String, _ args: [DataType]) throws -> ResolvedFunction {
        guard args.count == 2 || args.count == 3 else { throw PlanError(.type, "\(name) takes a value, a pattern and an optional escape") }
        return try fixed(name, args, Array(repeating: .string, count: args.count), .boolean)
    }

    /// A signature with fixed parameter types; arguments must cast to them implicitly.
    static func fixed(_ name: String, _ args: [DataType], _ parameters: [DataType], _ result: DataType) throws -> ResolvedFunction {
        guard args.count == parameters.count else {
            throw PlanError(.type, "\(name) takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), got \(args.count)")
        }
        for (arg, parameter) in zip(args, parameters) where !castsImplicitly(arg, to: parameter) {
            throw PlanError(.type, "\(name) expects \(parameter), got \(arg)")
        }
        return ResolvedFunction(name: name, argumentTypes: parameters, returnType: result)
    }

    /// The first of `overloads` (parameters, result) whose parameters every argument casts to.
    static func firstMatch(_ name: String, _ args: [DataType], _ overloads: [([DataType], DataType)]) throws -> ResolvedFunction {
        for (parameters, result) in overloads where parameters.count == args.count
            && zip(args, parameters).allSatisfy({ castsImplicitly($0, to: $1) }) {
            return ResolvedFunction(name: name, argumentTypes: parameters, returnType: result)
        }
        let given = args.map(\.description).joined(separator: ", ")
        throw PlanError(.type, "no function matches \(name)(\(given))")
    }

    /// Arguments kept as they are (any type), with a fixed count.
    static func sameArguments(_ name: String, _ args: [DataType], count: Int, returnType: DataType) throws -> ResolvedFunction {
        guard args.count == count else { throw PlanError(.type, "\(name) takes \(count) argument\(count == 1 ? "" : "s"), got \(args.count)") }
        return ResolvedFunction(name: name, argumentTypes: args, returnType: returnType)
    }

    /// The type all of `args` meet at, or a type error.
    static func commonType(of args: [DataType], in name: String) throws -> DataType {
        guard var common = args.first else { throw PlanError(.type, "\(name) needs at least one argument") }
        for arg in args.dropFirst() {
            guard let next = TypeCoercion.commonType(common, arg) else {
                throw PlanError(.type, "\(name): \(common) and \(arg) have no common type")
            }
            common = next
        }
        return common
    }

    /// Whether `type` casts to `parameter` without an explicit CAST (DuckDB's rules).
    static func castsImplicitly(_ type: DataType, to parameter: DataType) -> Bool {
        if type == parameter { return true }
        if case .decimal = parameter, case .decimal = type { return true }
        if case .timestamp = parameter, case .timestamp = type { return true }
        return TypeCoercion.commonType(type, parameter) == parameter
    }
}

extension DataType {
    /// `self` when it is a timestamp type, otherwise `nil`.
    var isTimestamp: DataType? {
        if case .timestamp = self { return self }
        return nil
    }
}
