import LodeCore

extension FunctionRegistry {
    /// Text functions: case, trimming, slicing, searching, padding, regular expressions, hashing.
    static let stringResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        func text(_ parameters: [DataType], _ result: DataType) -> FunctionResolver {
            { name, args in try fixed(name, args, parameters, result) }
        }
        func overloads(_ list: [([DataType], DataType)]) -> FunctionResolver {
            { name, args in try firstMatch(name, args, list) }
        }
        let s = DataType.string
        for name in ["lower", "upper", "reverse", "md5", "sha256"] { table[name] = text([s], s) }
        for name in ["trim", "ltrim", "rtrim"] { table[name] = overloads([([s], s), ([s, s], s)]) }
        table["substring"] = overloads([([s, .int64], s), ([s, .int64, .int64], s)])
        table["replace"] = text([s, s, s], s)
        table["regexp_replace"] = overloads([([s, s, s], s), ([s, s, s, s], s)])
        table["regexp_matches"] = overloads([([s, s], .boolean), ([s, s, s], .boolean)])
        table["regexp_full_match"] = overloads([([s, s], .boolean), ([s, s, s], .boolean)])
        table["regexp_extract"] = overloads([([s, s], s), ([s, s, .int32], s), ([s, s, .int32, s], s)])
        table["split_part"] = text([s, s, .int64], s)
        table["concat"] = { name, args in
            guard !args.isEmpty else { throw PlanError(.type, "concat needs at least one argument") }
            return ResolvedFunction(name: name, argumentTypes: Array(repeating: s, count: args.count), returnType: s)
        }
        table["||"] = { name, args in
            guard args.count == 2 else { throw PlanError(.type, "|| takes two operands") }
            return ResolvedFunction(name: name, argumentTypes: [s, s], returnType: s)
        }
        table["ascii"] = text([s], .int32)
        table["chr"] = text([.int32], s)
        table["concat_ws"] = { name, args in
            guard args.count >= 2 else { throw PlanError(.type, "concat_ws needs a separator and at least one value") }
            return ResolvedFunction(name: name, argumentTypes: Array(repeating: s, count: args.count), returnType: s)
        }
        for name in ["length", "strlen"] { table[name] = text([s], .int64) }
        for name in ["lpad", "rpad"] { table[name] = text([s, .int32, s], s) }
        for name in ["starts_with", "ends_with", "contains"] { table[name] = text([s, s], .boolean) }
        table["position"] = text([s, s], .int64)
        for name in ["left", "right"] { table[name] = text([s, .int64], s) }
        table["repeat"] = text([s, .int64], s)
        table["hash"] = { name, args in
            guard !args.isEmpty else { throw PlanError(.type, "hash needs at least one argument") }
            return ResolvedFunction(name: name, argumentTypes: args, returnType: .int64)
        }
        return table
    }()
}
