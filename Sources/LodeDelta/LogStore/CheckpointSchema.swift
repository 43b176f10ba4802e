import LodeCore

/// The Parquet schema of a classic checkpoint (`N.checkpoint.parquet`), Spark's: one
/// nullable struct column per action kind — `txn`, `add`, `remove`, `metaData`,
/// `protocol`, `commitInfo` — each row holding exactly one action. Maps are
/// `MAP<STRING, STRING>`, `add.stats` stays a JSON string.
enum CheckpointSchema {
    static let string = DataType.string
    static let long = DataType.int64

    static func field(_ name: String, _ type: DataType) -> Field { Field(name, type, nullable: true) }

    static let stringMap = DataType.map(key: Field("key", .string, nullable: false),
                                        value: Field("value", .string, nullable: true))
    static let stringList = DataType.list(Field("element", .string, nullable: true))

    static let deletionVector = DataType.struct([
        field("storageType", string), field("pathOrInlineDv", string), field("offset", .int32),
        field("sizeInBytes", .int32), field("cardinality", long),
    ])

    static let txn = DataType.struct([field("appId", string), field("version", long), field("lastUpdated", long)])

    static let add = DataType.struct([
        field("path", string), field("partitionValues", stringMap), field("size", long),
        field("modificationTime", long), field("dataChange", .boolean), field("stats", string),
        field("tags", stringMap), field("deletionVector", deletionVector), field("baseRowId", long),
        field("defaultRowCommitVersion", long), field("clusteringProvider", string),
    ])

    static let remove = DataType.struct([
        field("path", string), field("deletionTimestamp", long), field("dataChange", .boolean),
        field("extendedFileMetadata", .boolean), field("partitionValues", stringMap), field("size", long),
        field("deletionVector", deletionVector), field("baseRowId", long), field("defaultRowCommitVersion", long),
    ])

    static let metaData = DataType.struct([
        field("id", string), field("name", string), field("description", string),
        field("format", .struct([field("provider", string), field("options", stringMap)])),
        field("schemaString", string), field("partitionColumns", stringList),
        field("configuration", stringMap), field("createdTime", long),
    ])

    static let `protocol` = DataType.struct([
        field("minReaderVersion", .int32), field("minWriterVersion", .int32),
        field("readerFeatures", stringList), field("writerFeatures", stringList),
    ])

    static let commitInfo = DataType.struct([
        field("version", long), field("timestamp", .timestampUTC), field("userId", string),
        field("userName", string), field("operation", string), field("operationParameters", stringMap),
        field("clusterId", string), field("readVersion", long), field("isolationLevel", string),
        field("isBlindAppend", .boolean), field("operationMetrics", stringMap), field("userMetadata", string),
        field("engineInfo", string), field("txnId", string),
    ])

    static let schema = Schema([
        field("txn", txn), field("add", add), field("remove", remove), field("metaData", metaData),
        field("protocol", `protocol`), field("commitInfo", commitInfo),
    ])
}
