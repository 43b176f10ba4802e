import LodeCore
import LodePlan
@testable import LodeExecution

/// A few binder moves for building test expressions: resolve a call through the registry
/// and insert the implicit casts it asks for.
enum Build {
    static func text(_ s: String) -> BoundExpression { .literal(.string(s), .string) }
    static func int(_ i: Int64) -> BoundExpression { .literal(.int(i), Int32(exactly: i) == nil ? .int64 : .int32) }
    static func double(_ d: Double) -> BoundExpression { .literal(.double(d), .float64) }
    static func null(_ type: DataType) -> BoundExpression { .literal(.null, type) }
    static func cast(_ e: BoundExpression, _ type: DataType, isTry: Bool = false) -> BoundExpression { .cast(e, to: type, isTry: isTry) }
    static func decimal(_ text: String, _ p: Int, _ s: Int) -> BoundExpression { .cast(.literal(.string(text), .string), to: .decimal(precision: p, scale: s), isTry: false) }
    static func date(_ text: String) -> BoundExpression { cast(self.text(text), .date) }
    static func timestamp(_ text: String) -> BoundExpression { cast(self.text(text), .timestampNTZ) }

    static func call(_ name: String, _ args: BoundExpression...) throws -> BoundExpression {
        try call(name, args)
    }

    static func call(_ name: String, _ args: [BoundExpression]) throws -> BoundExpression {
        let resolved = try FunctionRegistry.resolveScalar(name, arguments: args.map(\.type))
        let cast = zip(args, resolved.argumentTypes).map { arg, type in arg.type == type ? arg : .cast(arg, to: type, isTry: false) }
        return .call(resolved.name, cast, resolved.returnType)
    }

    /// The constant value of `e` rendered as text (as DuckDB's `CAST(... AS VARCHAR)`).
    static func render(_ e: BoundExpression) throws -> String {
        try ExecutionConstantEvaluator().evaluate(.cast(e, to: .string, isTry: false)).description
    }
}
