/// The Thrift `LogicalType` union: how to interpret a leaf's physical values.
public enum LogicalType: Hashable, Sendable {
    case string                                   // 1
    case map                                      // 2
    case list                                     // 3
    case `enum`                                   // 4
    case decimal(scale: Int32, precision: Int32)  // 5
    case date                                     // 6
    case time(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)       // 7
    case timestamp(isAdjustedToUTC: Bool, unit: ParquetTimeUnit)  // 8
    case integer(bitWidth: Int8, isSigned: Bool)  // 10
    case unknown                                  // 11 (NullType)
    case json                                     // 12
    case bson                                     // 13
    case uuid                                     // 14
    case float16                                  // 15
    /// A union member this codec does not know (variant, geometry, …), by field id.
    case other(fieldID: Int16)
}

/// The Thrift `TimeUnit` union.
public enum ParquetTimeUnit: Hashable, Sendable {
    case millis   // 1
    case micros   // 2
    case nanos    // 3
}

/// The Thrift `ColumnOrder` union; only `TYPE_ORDER` (field 1) is defined.
public enum ColumnOrder: Hashable, Sendable {
    case typeDefinedOrder
    case other(fieldID: Int16)
}
