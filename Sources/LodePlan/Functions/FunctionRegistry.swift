import LodeCore

/// What kind of function a name denotes.
public enum FunctionKind: Sendable {
    case scalar
    case aggregate
    /// Ranking and value window functions (`row_number`, `lag`, ...); aggregates may also
    /// be used as window functions.
    case window
}

/// A call matched to a signature: cast each argument to `argumentTypes[i]`, the result
/// has `returnType`.
public struct ResolvedFunction: Hashable, Sendable {
    public var name: String
    public var argumentTypes: [DataType]
    public var returnType: DataType

    public init(name: String, argumentTypes: [DataType], returnType: DataType) {
        self.name = name
        self.argumentTypes = argumentTypes
        self.returnType = returnType
    }
}

/// Every function Lode knows: names, aliases, signatures and result types, with DuckDB's
/// implicit-cast rules. Execution kernels live in LodeExecution under the same names.
public enum FunctionRegistry {
    /// The kind of `name` (lower-case, aliases allowed), `nil` when unknown.
    public static func kind(of name: String) -> FunctionKind? {
        let name = canonicalName(name)
        if scalarResolvers[name] != nil { return .scalar }
        if aggregateResolvers[name] != nil { return .aggregate }
        if windowResolvers[name] != nil { return .window }
        return nil
    }

    /// The canonical name for an alias (`substr` → `substring`, `len` → `length`).
    public static func canonicalName(_ name: String) -> String {
        let lower = name.lowercased()
        return aliases[lower] ?? lower
    }

    /// Matches a scalar function or operator call to a signature; throws a ``PlanError``
    /// of kind `.binding` for an unknown name and `.type` when no signature fits.
    public static func resolveScalar(_ name: String, arguments: [DataType]) throws -> ResolvedFunction {
        let name = canonicalName(name)
        guard let resolver = scalarResolvers[name] else { throw unknownFunction(name) }
        return try resolver(name, arguments)
    }

    /// Matches an aggregate call (`count_star` for `count(*)`).
    public static func resolveAggregate(_ name: String, arguments: [DataType], isDistinct: Bool = false) throws -> ResolvedFunction {
        let name = canonicalName(name)
        guard let resolver = aggregateResolvers[name] else { throw unknownFunction(name) }
        return try resolver(name, arguments)
    }

    /// Matches a window function call: ranking/value functions, or an aggregate over a frame.
    public static func resolveWindow(_ name: String, arguments: [DataType]) throws -> ResolvedFunction {
        let name = canonicalName(name)
        if let resolver = windowResolvers[name] { return try resolver(name, arguments) }
        if let resolver = aggregateResolvers[name] { return try resolver(name, arguments) }
        throw unknownFunction(name)
    }

    /// All known names of `kind`, for suggestions and documentation.
    public static func names(of kind: FunctionKind) -> [String] {
        switch kind {
        case .scalar: return scalarResolvers.keys.sorted()
        case .aggregate: return aggregateResolvers.keys.sorted()
        case .window: return windowResolvers.keys.sorted()
        }
    }

    static func unknownFunction(_ name: String) -> PlanError {
        let known = names(of: .scalar) + names(of: .aggregate) + names(of: .window)
        let suggestion = closestName(to: name, in: known).map { "; did you mean \($0)?" } ?? ""
        return PlanError(.binding, "function \(name) does not exist\(suggestion)")
    }
}

/// Takes a canonical name and argument types; returns the resolved signature or throws.
typealias FunctionResolver = @Sendable (String, [DataType]) throws -> ResolvedFunction
