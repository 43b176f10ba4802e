import LodeCore

/// The function signatures the binder resolves calls against; ``FunctionRegistry`` unless
/// a test supplies its own.
struct FunctionLookup: Sendable {
    var kind: @Sendable (String) -> FunctionKind?
    var scalar: @Sendable (String, [DataType]) throws -> ResolvedFunction
    var aggregate: @Sendable (String, [DataType], Bool) throws -> ResolvedFunction
    var window: @Sendable (String, [DataType]) throws -> ResolvedFunction

    static let registry = FunctionLookup(
        kind: { FunctionRegistry.kind(of: $0) },
        scalar: { try FunctionRegistry.resolveScalar($0, arguments: $1) },
        aggregate: { try FunctionRegistry.resolveAggregate($0, arguments: $1, isDistinct: $2) },
        window: { try FunctionRegistry.resolveWindow($0, arguments: $1) })
}
