import LodeCore

/// The kernel behind every scalar function name of the registry (special forms such as
/// `and`, `in`, `like`, `coalesce` are compiled by ``ExpressionCompiler`` directly).
enum ScalarKernels {
    typealias Factory = (_ argumentTypes: [DataType], _ result: DataType) throws -> Kernel

    static func kernel(_ name: String, _ arguments: [any PhysicalExpression], _ result: DataType) throws -> Kernel {
        guard let factory = factories[name] else { throw ExecutionError(.internal, "no kernel for scalar function \(name)") }
        return try factory(arguments.map(\.type), result)
    }

    static let factories: [String: Factory] = {
        var table: [String: Factory] = [:]
        for op in ["=", "<>", "<", "<=", ">", ">=", "is_distinct_from", "is_not_distinct_from"] {
            table[op] = { args, _ in try Comparison.kernel(op, args[0]) }
        }
        table["not"] = { _, _ in Logic.not }
        table["is_null"] = { _, _ in Logic.nullTest(negated: false) }
        table["is_not_null"] = { _, _ in Logic.nullTest(negated: true) }
        for op in ["+", "-", "*", "/", "//", "%", "mod", "negate"] {
            table[op] = { args, result in try Arithmetic.kernel(op, args, result) }
        }
        table["add_interval"] = { args, result in try AddInterval.kernel(args[0]) }
        for (name, factory) in MathFunctions.factories { table[name] = factory }
        for (name, factory) in ConditionalFunctions.factories { table[name] = factory }
        for (name, factory) in StringFunctions.factories { table[name] = factory }
        for (name, factory) in RegexFunctions.factories { table[name] = factory }
        for (name, factory) in HashFunctions.factories { table[name] = factory }
        for (name, factory) in DateFunctions.factories { table[name] = factory }
        return table
    }()
}
