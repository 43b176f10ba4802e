/// The type of a value on the wire in the Thrift compact protocol.
///
/// Field headers carry a boolean field's value in the type itself
/// (``booleanTrue`` / ``booleanFalse``); list, set and map element headers use
/// either code for "bool" and send each element as one byte.
enum ThriftType: UInt8, Sendable {
    case stop = 0
    case booleanTrue = 1
    case booleanFalse = 2
    case i8 = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12
    case uuid = 13

    /// Whether this is one of the two boolean codes.
    @inline(__always)
    var isBoolean: Bool { self == .booleanTrue || self == .booleanFalse }

    /// The fewest bytes one element of this type takes inside a list, set or map.
    @inline(__always)
    var minimumElementSize: Int {
        switch self {
        case .double: return 8
        case .uuid: return 16
        default: return 1
        }
    }

    /// The name used in error messages.
    var name: String {
        switch self {
        case .stop: return "stop"
        case .booleanTrue, .booleanFalse: return "bool"
        case .i8: return "i8"
        case .i16: return "i16"
        case .i32: return "i32"
        case .i64: return "i64"
        case .double: return "double"
        case .binary: return "binary"
        case .list: return "list"
        case .set: return "set"
        case .map: return "map"
        case .struct: return "struct"
        case .uuid: return "uuid"
        }
    }
}

/// The header of one struct field: its id and wire type.
struct ThriftFieldHeader: Sendable {
    var id: Int16
    var type: ThriftType

    /// The value of a boolean field, which travels in the header's type.
    @inline(__always)
    var booleanValue: Bool { type == .booleanTrue }
}

/// The header of a list or set: element type and count.
struct ThriftListHeader: Sendable {
    var elementType: ThriftType
    var count: Int
}

/// The header of a map: key and value types and entry count.
struct ThriftMapHeader: Sendable {
    var keyType: ThriftType
    var valueType: ThriftType
    var count: Int
}
