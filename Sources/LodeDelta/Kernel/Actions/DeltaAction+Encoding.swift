import LodeCore

extension DeltaAction {
    /// The action as one compact commit line (no trailing newline), with the field
    /// names and order Spark writes; null partition values are JSON `null`.
    public func jsonLine() -> String { json.serialized() }

    /// The action as a JSON object with one key, e.g. `{"add":{…}}`.
    public var json: JSONValue {
        switch self {
        case .protocol(let p): return ["protocol": p.json]
        case .metadata(let m): return ["metaData": m.json]
        case .add(let a): return ["add": a.json]
        case .remove(let r): return ["remove": r.json]
        case .cdc(let c): return ["cdc": c.json]
        case .txn(let t): return ["txn": t.json]
        case .commitInfo(let c): return ["commitInfo": c.json]
        case .domainMetadata(let d): return ["domainMetadata": d.json]
        case .unknown(let key): return .object(JSONObject([(key, .object(JSONObject()))]))
        }
    }

    /// A commit file's bytes: one line per action, each ending in a newline.
    public static func commitBytes(_ actions: [DeltaAction]) -> [UInt8] {
        var out: [UInt8] = []
        for action in actions {
            action.json.write(to: &out)
            out.append(0x0A)
        }
        return out
    }
}

func jsonMap(_ map: [String: String]) -> JSONValue {
    .object(JSONObject(map.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
}

func jsonOptionalMap(_ map: [String: String?]) -> JSONValue {
    .object(JSONObject(map.sorted { $0.key < $1.key }.map { ($0.key, $0.value.map(JSONValue.string) ?? .null) }))
}

extension ProtocolAction {
    public var json: JSONValue {
        var o = JSONObject()
        o.append("minReaderVersion", .int(Int64(minReaderVersion)))
        o.append("minWriterVersion", .int(Int64(minWriterVersion)))
        if let readerFeatures { o.append("readerFeatures", .array(readerFeatures.map(JSONValue.string))) }
        if let writerFeatures { o.append("writerFeatures", .array(writerFeatures.map(JSONValue.string))) }
        return .object(o)
    }
}

extension MetadataAction {
    public var json: JSONValue {
        var o = JSONObject()
        o.append("id", .string(id))
        if let name { o.append("name", .string(name)) }
        if let description { o.append("description", .string(description)) }
        o.append("format", ["provider": .string(formatProvider), "options": jsonMap(formatOptions)])
        o.append("schemaString", .string(schemaString))
        o.append("partitionColumns", .array(partitionColumns.map(JSONValue.string)))
        o.append("configuration", jsonMap(configuration))
        if let createdTime { o.append("createdTime", .int(createdTime)) }
        return .object(o)
    }
}

extension AddFile {
    public var json: JSONValue {
        var o = JSONObject()
        o.reserveCapacity(8)
        o.append("path", .string(path))
        o.append("partitionValues", jsonOptionalMap(partitionValues))
        o.append("size", .int(size))
        o.append("modificationTime", .int(modificationTime))
        o.append("dataChange", .bool(dataChange))
        if let stats { o.append("stats", .string(stats)) }
        if let tags { o.append("tags", jsonMap(tags)) }
        if let baseRowId { o.append("baseRowId", .int(baseRowId)) }
        if let defaultRowCommitVersion { o.append("defaultRowCommitVersion", .int(defaultRowCommitVersion)) }
        if let clusteringProvider { o.append("clusteringProvider", .string(clusteringProvider)) }
        return .object(o)
    }
}

extension RemoveFile {
    public var json: JSONValue {
        var o = JSONObject()
        o.append("path", .string(path))
        if let deletionTimestamp { o.append("deletionTimestamp", .int(deletionTimestamp)) }
        o.append("dataChange", .bool(dataChange))
        if let extendedFileMetadata { o.append("extendedFileMetadata", .bool(extendedFileMetadata)) }
        if let partitionValues { o.append("partitionValues", jsonOptionalMap(partitionValues)) }
        if let size { o.append("size", .int(size)) }
        if let stats { o.append("stats", .string(stats)) }
        if let tags { o.append("tags", jsonMap(tags)) }
        return .object(o)
    }
}

extension AddCDCFile {
    public var json: JSONValue {
        var o = JSONObject()
        o.append("path", .string(path))
        o.append("partitionValues", jsonOptionalMap(partitionValues))
        o.append("size", .int(size))
        o.append("dataChange", .bool(dataChange))
        if let tags { o.append("tags", jsonMap(tags)) }
        return .object(o)
    }
}

extension SetTransaction {
    public var json: JSONValue {
        var o = JSONObject()
        o.append("appId", .string(appId))
        o.append("version", .int(version))
        if let lastUpdated { o.append("lastUpdated", .int(lastUpdated)) }
        return .object(o)
    }
}

extension DomainMetadata {
    public var json: JSONValue {
        ["domain": .string(domain), "configuration": .string(configuration), "removed": .bool(removed)]
    }
}

extension CommitInfo {
    /// The typed fields in Spark's order, then ``other`` (raw JSON text that does not
    /// parse is written as a string). `inCommitTimestamp` comes first, as the
    /// In-Commit Timestamps feature requires.
    public var json: JSONValue {
        var o = JSONObject()
        if let inCommitTimestamp { o.append("inCommitTimestamp", .int(inCommitTimestamp)) }
        if let timestamp { o.append("timestamp", .int(timestamp)) }
        if let operation { o.append("operation", .string(operation)) }
        if let operationParameters {
            o.append("operationParameters", .object(JSONObject(operationParameters.sorted { $0.key < $1.key }.map {
                ($0.key, (try? JSONValue.parse($0.value)) ?? .string($0.value))
            })))
        }
        if let readVersion { o.append("readVersion", .int(readVersion)) }
        if let isolationLevel { o.append("isolationLevel", .string(isolationLevel)) }
        if let isBlindAppend { o.append("isBlindAppend", .bool(isBlindAppend)) }
        if let operationMetrics { o.append("operationMetrics", jsonMap(operationMetrics)) }
        if let engineInfo { o.append("engineInfo", .string(engineInfo)) }
        if let txnId { o.append("txnId", .string(txnId)) }
        if let clientVersion { o.append("clientVersion", .string(clientVersion)) }
        for (key, text) in other.sorted(by: { $0.key < $1.key }) where o[key] == nil {
            o.append(key, (try? JSONValue.parse(text)) ?? .string(text))
        }
        return .object(o)
    }
}
