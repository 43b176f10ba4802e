import LodeCore
import LodeSQL

/// Resolves table names and table functions for the ``Binder``.
public protocol Catalog: Sendable {
    /// The table named by `name` (`["silver", "orders"]`) at `version`, or `nil` when
    /// no such table exists. Throws for a table that exists but cannot be opened.
    func table(_ name: [String], version: TableVersion?) throws -> (any TableSource)?
    /// A table function call: `read_parquet('glob')`, `delta_scan('path', version => 3)`.
    /// `positional` and `named` arguments are constants. Returns `nil` for an unknown name.
    func tableFunction(_ name: String, positional: [Value], named: [String: Value]) throws -> (any TableSource)?
    /// The query a view named `name` stands for, or `nil` when `name` is not a view.
    /// The binder reads a view as a subquery in its place.
    func view(_ name: [String]) throws -> Query?
}

extension Catalog {
    public func view(_ name: [String]) throws -> Query? { nil }
}

/// A time-travel target: `VERSION AS OF 12`, `TIMESTAMP AS OF '2026-01-01 00:00:00'`.
public enum TableVersion: Hashable, Sendable {
    case version(Int64)
    /// Microseconds since the epoch, UTC.
    case timestamp(Int64)
}
