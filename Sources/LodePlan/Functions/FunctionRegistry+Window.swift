import LodeCore

extension FunctionRegistry {
    static let windowResolvers: [String: FunctionResolver] = {
        var table: [String: FunctionResolver] = [:]
        table["row_number"] = { name, args in try fixed(name, args, [], .int64) }
        return table
    }()
}
