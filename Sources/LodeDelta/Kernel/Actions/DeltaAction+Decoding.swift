import LodeCore

extension DeltaAction {
    /// The action of one commit line, e.g. `{"add":{"path":…}}`.
    ///
    /// Throws ``DeltaError`` (`corruptLog`) for text that is not JSON or an action
    /// with a missing or mistyped required field; an unknown action key gives
    /// ``DeltaAction/unknown(key:)``.
    public init(jsonLine: String) throws {
        var line = jsonLine
        self = try line.withUTF8 { try DeltaAction(jsonLine: UnsafeRawBufferPointer($0)) }
    }

    public init(jsonLine bytes: UnsafeRawBufferPointer) throws {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch let error as CoreError {
            throw DeltaError(.corruptLog, error.message)
        }
        try self.init(json: value)
    }

    /// The action held by a parsed commit line: an object with exactly one key.
    public init(json: JSONValue) throws {
        guard case .object(let object) = json, let key = object.keys.first else {
            throw DeltaError(.corruptLog, "a log line must be a JSON object holding one action")
        }
        let body = object.values[0]
        switch key {
        case "add": self = .add(try AddFile(json: body))
        case "remove": self = .remove(try RemoveFile(json: body))
        case "metaData": self = .metadata(try MetadataAction(json: body))
        case "protocol": self = .protocol(try ProtocolAction(json: body))
        case "txn": self = .txn(try SetTransaction(json: body))
        case "commitInfo": self = .commitInfo(try CommitInfo(json: body))
        case "cdc": self = .cdc(try AddCDCFile(json: body))
        case "domainMetadata": self = .domainMetadata(try DomainMetadata(json: body))
        default: self = .unknown(key: key)
        }
    }
}

extension ProtocolAction {
    public init(json: JSONValue) throws {
        let f = try ActionFields("protocol", json)
        self.init(minReaderVersion: Int(try f.requiredInt("minReaderVersion")),
                  minWriterVersion: Int(try f.requiredInt("minWriterVersion")),
                  readerFeatures: try f.stringArray("readerFeatures"),
                  writerFeatures: try f.stringArray("writerFeatures"))
    }
}

extension MetadataAction {
    public init(json: JSONValue) throws {
        let f = try ActionFields("metaData", json)
        self.init(id: try f.requiredString("id"), name: try f.string("name"), description: try f.string("description"),
                  schemaString: try f.requiredString("schemaString"),
                  partitionColumns: try f.stringArray("partitionColumns") ?? [],
                  configuration: try f.stringMap("configuration") ?? [:],
                  createdTime: try f.int("createdTime"))
        if let format = f.value("format") {
            let formatFields = try ActionFields("metaData.format", format)
            formatProvider = try formatFields.string("provider") ?? "parquet"
            formatOptions = try formatFields.stringMap("options") ?? [:]
        }
    }
}

extension AddFile {
    public init(json: JSONValue) throws {
        let f = try ActionFields("add", json)
        self.init(path: try f.requiredString("path"), partitionValues: try f.optionalStringMap("partitionValues") ?? [:],
                  size: try f.requiredInt("size"), modificationTime: try f.int("modificationTime") ?? 0,
                  dataChange: try f.bool("dataChange") ?? true, stats: try f.string("stats"),
                  tags: try f.optionalStringMap("tags").map { $0.compactMapValues { $0 } })
        hasDeletionVector = f.value("deletionVector") != nil
        baseRowId = try f.int("baseRowId")
        defaultRowCommitVersion = try f.int("defaultRowCommitVersion")
        clusteringProvider = try f.string("clusteringProvider")
    }
}

extension RemoveFile {
    public init(json: JSONValue) throws {
        let f = try ActionFields("remove", json)
        self.init(path: try f.requiredString("path"), deletionTimestamp: try f.int("deletionTimestamp"),
                  dataChange: try f.bool("dataChange") ?? true, extendedFileMetadata: try f.bool("extendedFileMetadata"),
                  partitionValues: try f.optionalStringMap("partitionValues"), size: try f.int("size"),
                  stats: try f.string("stats"))
        tags = try f.optionalStringMap("tags").map { $0.compactMapValues { $0 } }
        hasDeletionVector = f.value("deletionVector") != nil
    }
}

extension AddCDCFile {
    public init(json: JSONValue) throws {
        let f = try ActionFields("cdc", json)
        self.init(path: try f.requiredString("path"), partitionValues: try f.optionalStringMap("partitionValues") ?? [:],
                  size: try f.requiredInt("size"), dataChange: try f.bool("dataChange") ?? false,
                  tags: try f.optionalStringMap("tags").map { $0.compactMapValues { $0 } })
    }
}

extension SetTransaction {
    public init(json: JSONValue) throws {
        let f = try ActionFields("txn", json)
        self.init(appId: try f.requiredString("appId"), version: try f.requiredInt("version"),
                  lastUpdated: try f.int("lastUpdated"))
    }
}

extension DomainMetadata {
    public init(json: JSONValue) throws {
        let f = try ActionFields("domainMetadata", json)
        self.init(domain: try f.requiredString("domain"), configuration: try f.string("configuration") ?? "",
                  removed: try f.bool("removed") ?? false)
    }
}

extension CommitInfo {
    /// Reads the typed fields leniently (a field of an unexpected type moves to
    /// ``other``): commit provenance is free-form and must never make a log unreadable.
    public init(json: JSONValue) throws {
        guard case .object(let object) = json else { throw DeltaError(.corruptLog, "'commitInfo' is not a JSON object") }
        self.init()
        for (key, value) in object {
            var used = true
            switch (key, value) {
            case ("timestamp", _) where value.int64Value != nil: timestamp = value.int64Value
            case ("operation", .string(let s)): operation = s
            case ("operationParameters", .object(let members)):
                operationParameters = Dictionary(members.map { ($0.key, $0.value.serialized()) }, uniquingKeysWith: { a, _ in a })
            case ("operationMetrics", .object(let members)):
                operationMetrics = Dictionary(members.map { ($0.key, $0.value.stringValue ?? $0.value.serialized()) },
                                              uniquingKeysWith: { a, _ in a })
            case ("engineInfo", .string(let s)): engineInfo = s
            case ("clientVersion", .string(let s)): clientVersion = s
            case ("readVersion", _) where value.int64Value != nil: readVersion = value.int64Value
            case ("isolationLevel", .string(let s)): isolationLevel = s
            case ("isBlindAppend", .bool(let b)): isBlindAppend = b
            case ("inCommitTimestamp", _) where value.int64Value != nil: inCommitTimestamp = value.int64Value
            case ("txnId", .string(let s)): txnId = s
            default: used = false
            }
            if !used && other[key] == nil { other[key] = value.serialized() }
        }
    }
}
