import XCTest
@testable import LodeDelta

final class KernelTableFeaturesTests: XCTestCase {
    let plain = MetadataAction(id: "x", schemaString: #"{"type":"struct","fields":[]}"#)

    func metadata(_ configuration: [String: String], schema: String? = nil) -> MetadataAction {
        MetadataAction(id: "x", schemaString: schema ?? plain.schemaString, configuration: configuration)
    }

    func testReading() throws {
        try ProtocolAction(minReaderVersion: 1, minWriterVersion: 2).checkReadSupported(metadata: plain)
        try ProtocolAction(minReaderVersion: 2, minWriterVersion: 5).checkReadSupported(metadata: plain)
        try ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["timestampNtz", "vacuumProtocolCheck"],
                           writerFeatures: ["timestampNtz"]).checkReadSupported(metadata: plain)
        assertDeltaError(.unsupportedFeature, ["needs reader feature 'deletionVectors', which Lode does not support"]) {
            try ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["timestampNtz", "deletionVectors"])
                .checkReadSupported(metadata: self.plain)
        }
        for feature in ["v2Checkpoint", "typeWidening", "variantType", "catalogManaged"] {
            assertDeltaError(.unsupportedFeature, ["'\(feature)'"]) {
                try ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [feature]).checkReadSupported(metadata: self.plain)
            }
        }
        assertDeltaError(.unsupportedFeature, ["'columnMapping' (mode 'name')"]) {
            try ProtocolAction(minReaderVersion: 2, minWriterVersion: 5)
                .checkReadSupported(metadata: self.metadata(["delta.columnMapping.mode": "name"]))
        }
        assertDeltaError(.unsupportedFeature, ["reader version 4"]) {
            try ProtocolAction(minReaderVersion: 4, minWriterVersion: 7).checkReadSupported(metadata: self.plain)
        }
    }

    func testWriting() throws {
        try ProtocolAction(minReaderVersion: 1, minWriterVersion: 2).checkWriteSupported(metadata: plain)
        try ProtocolAction(minReaderVersion: 1, minWriterVersion: 4).checkWriteSupported(metadata: plain)
        try ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["timestampNtz"],
                           writerFeatures: ["appendOnly", "invariants", "timestampNtz"]).checkWriteSupported(metadata: plain)
        assertDeltaError(.unsupportedFeature, ["writer feature 'changeDataFeed'"]) {
            try ProtocolAction(minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ["appendOnly", "changeDataFeed"])
                .checkWriteSupported(metadata: self.plain)
        }
        assertDeltaError(.unsupportedFeature, ["'checkConstraints'"]) {
            try ProtocolAction(minReaderVersion: 1, minWriterVersion: 3)
                .checkWriteSupported(metadata: self.metadata(["delta.constraints.positive": "id > 0"]))
        }
        assertDeltaError(.unsupportedFeature, ["'changeDataFeed'"]) {
            try ProtocolAction(minReaderVersion: 1, minWriterVersion: 4)
                .checkWriteSupported(metadata: self.metadata(["delta.enableChangeDataFeed": "true"]))
        }
        assertDeltaError(.unsupportedFeature, ["'generatedColumns'"]) {
            let schema = #"{"type":"struct","fields":[{"name":"d","type":"date","nullable":true,"metadata":{"delta.generationExpression":"CAST(ts AS DATE)"}}]}"#
            try ProtocolAction(minReaderVersion: 1, minWriterVersion: 4).checkWriteSupported(metadata: self.metadata([:], schema: schema))
        }
        assertDeltaError(.unsupportedFeature, ["'identityColumns'"]) {
            let schema = #"{"type":"struct","fields":[{"name":"i","type":"long","nullable":true,"metadata":{"delta.identity.start":1}}]}"#
            try ProtocolAction(minReaderVersion: 1, minWriterVersion: 6).checkWriteSupported(metadata: self.metadata([:], schema: schema))
        }
        assertDeltaError(.unsupportedFeature, ["writer version 8"]) {
            try ProtocolAction(minReaderVersion: 1, minWriterVersion: 8).checkWriteSupported(metadata: self.plain)
        }
        XCTAssertTrue(ProtocolAction.isAppendOnly(metadata(["delta.appendOnly": "TRUE"])))
        XCTAssertFalse(ProtocolAction.isAppendOnly(plain))
    }
}
