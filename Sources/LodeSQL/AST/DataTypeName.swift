/// A type as written in SQL: `INTEGER`, `DECIMAL(15, 2)`, `TIMESTAMP WITH TIME ZONE`, `INT[]`.
///
/// Resolving the name to a `LodeCore.DataType` is the binder's job.
public indirect enum DataTypeName: Hashable, Sendable, CustomStringConvertible {
    /// A named type, its words lower-cased and joined by single spaces
    /// (`"double precision"`, `"timestamp with time zone"`), with its modifiers (`15`, `2`).
    case named(String, parameters: [String])
    /// A list of the element type: `INT[]` or `LIST(INT)`.
    case list(DataTypeName)
    /// A struct with named fields: `STRUCT(a INT, b VARCHAR)`.
    case structure([StructField])
    /// A map: `MAP(VARCHAR, INT)`.
    case map(key: DataTypeName, value: DataTypeName)

    /// One field of a `STRUCT(...)` type.
    public struct StructField: Hashable, Sendable {
        public var name: Identifier
        public var type: DataTypeName

        public init(name: Identifier, type: DataTypeName) {
            self.name = name
            self.type = type
        }
    }

    /// A plain named type without modifiers.
    public static func named(_ name: String) -> DataTypeName { .named(name, parameters: []) }

    public var description: String { sql }
}
