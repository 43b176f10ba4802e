/// Which protocol versions and table features Lode reads and writes
/// (PROTOCOL.md §Table Features, §Protocol Evolution).
///
/// Reading: reader versions 1 to 3. Version 2 means column mapping may be on; it
/// reads when the mapping mode is `none`. With version 3 every listed reader
/// feature must be one Lode honours: `timestampNtz`, `vacuumProtocolCheck` (which
/// affects vacuum only) and `columnMapping` in mode `none`.
///
/// Writing: writer versions 1 to 7. Legacy versions 3 to 6 imply features that Lode
/// refuses only when the table uses them (CHECK constraints, change data feed,
/// generated or identity columns, column mapping); with version 7 every listed writer
/// feature must be one Lode's writer honours: `appendOnly`, `invariants`,
/// `timestampNtz`.
public enum TableFeatures {
    /// Reader features Lode reads correctly.
    public static let supportedReaderFeatures: Set<String> = ["timestampNtz", "vacuumProtocolCheck", "columnMapping"]
    /// Writer features Lode's writer honours.
    public static let supportedWriterFeatures: Set<String> = ["appendOnly", "invariants", "timestampNtz"]

    static let highestReaderVersion = 3
    static let highestWriterVersion = 7

    static func columnMappingMode(_ metadata: MetadataAction?) -> String {
        metadata?.configuration["delta.columnMapping.mode"]?.lowercased() ?? "none"
    }
}

extension ProtocolAction {
    /// Throws ``DeltaError`` (`unsupportedFeature`) when reading a table with this
    /// protocol and `metadata` needs something Lode lacks, naming the feature.
    public func checkReadSupported(metadata: MetadataAction?) throws {
        guard minReaderVersion >= 1, minReaderVersion <= TableFeatures.highestReaderVersion else {
            throw DeltaError(.unsupportedFeature,
                             "the table needs reader version \(minReaderVersion); Lode reads versions 1 to \(TableFeatures.highestReaderVersion)")
        }
        let mode = TableFeatures.columnMappingMode(metadata)
        if minReaderVersion == 3 {
            for feature in readerFeatures ?? [] where !TableFeatures.supportedReaderFeatures.contains(feature) {
                throw DeltaError(.unsupportedFeature, "the table needs reader feature '\(feature)', which Lode does not support")
            }
        }
        if minReaderVersion >= 2, mode != "none" {
            throw DeltaError(.unsupportedFeature,
                             "the table needs reader feature 'columnMapping' (mode '\(mode)'), which Lode does not support")
        }
    }

    /// Throws ``DeltaError`` (`unsupportedFeature`) when writing to a table with this
    /// protocol and `metadata` needs a writer feature Lode's writer does not honour.
    public func checkWriteSupported(metadata: MetadataAction) throws {
        try checkReadSupported(metadata: metadata)
        guard minWriterVersion >= 1, minWriterVersion <= TableFeatures.highestWriterVersion else {
            throw DeltaError(.unsupportedFeature,
                             "the table needs writer version \(minWriterVersion); Lode writes versions 1 to \(TableFeatures.highestWriterVersion)")
        }
        func refuse(_ feature: String, _ why: String = "") throws -> Never {
            throw DeltaError(.unsupportedFeature,
                             "writing needs writer feature '\(feature)'\(why), which Lode does not support")
        }
        if minWriterVersion == 7 {
            for feature in writerFeatures ?? [] where !TableFeatures.supportedWriterFeatures.contains(feature) {
                try refuse(feature)
            }
            return
        }
        // Legacy versions: a feature implied by the version matters only when in use.
        let configuration = metadata.configuration
        if minWriterVersion >= 3, configuration.keys.contains(where: { $0.hasPrefix("delta.constraints.") }) {
            try refuse("checkConstraints", " (the table has CHECK constraints)")
        }
        if minWriterVersion >= 4, configuration["delta.enableChangeDataFeed"]?.lowercased() == "true" {
            try refuse("changeDataFeed", " (delta.enableChangeDataFeed is on)")
        }
        let schemaText = metadata.schemaString
        if minWriterVersion >= 4, schemaText.contains("\"delta.generationExpression\"") {
            try refuse("generatedColumns", " (the table has generated columns)")
        }
        if minWriterVersion >= 5, TableFeatures.columnMappingMode(metadata) != "none" {
            try refuse("columnMapping")
        }
        if minWriterVersion >= 6, schemaText.contains("\"delta.identity.") {
            try refuse("identityColumns", " (the table has identity columns)")
        }
    }

    /// Whether the table is append-only (`delta.appendOnly`), which writers must honour.
    public static func isAppendOnly(_ metadata: MetadataAction) -> Bool {
        metadata.configuration["delta.appendOnly"]?.lowercased() == "true"
    }
}
