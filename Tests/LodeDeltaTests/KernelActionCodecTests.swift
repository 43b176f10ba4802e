import LodeCore
import XCTest
@testable import LodeDelta

final class KernelActionCodecTests: XCTestCase {
    func testReadsSparkLines() throws {
        let add = try DeltaAction(jsonLine: #"{"add":{"path":"p=a%20b/part-0.parquet","partitionValues":{"p":"a b","q":null},"size":812,"modificationTime":1704103200000,"dataChange":true,"stats":"{\"numRecords\":2}","tags":{"INSERTION_TIME":"1704103200000000"}}}"#)
        guard case .add(let file) = add else { return XCTFail("\(add)") }
        XCTAssertEqual(file.path, "p=a%20b/part-0.parquet")
        XCTAssertEqual(file.partitionValues["p"], "a b")
        XCTAssertEqual(file.partitionValues["q"], .some(nil))
        XCTAssertEqual(file.size, 812)
        XCTAssertEqual(file.stats, #"{"numRecords":2}"#)
        XCTAssertEqual(file.tags, ["INSERTION_TIME": "1704103200000000"])
        XCTAssertFalse(file.hasDeletionVector)

        let metadata = try DeltaAction(jsonLine: #"{"metaData":{"id":"x","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[]}","partitionColumns":["p"],"configuration":{"delta.appendOnly":"true"},"createdTime":5}}"#)
        guard case .metadata(let m) = metadata else { return XCTFail("\(metadata)") }
        XCTAssertEqual(m.partitionColumns, ["p"])
        XCTAssertEqual(m.configuration, ["delta.appendOnly": "true"])
        XCTAssertEqual(m.createdTime, 5)
        XCTAssertEqual(m.formatProvider, "parquet")

        let p = try DeltaAction(jsonLine: #"{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["timestampNtz"],"writerFeatures":["timestampNtz","appendOnly"]}}"#)
        XCTAssertEqual(p, .protocol(ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["timestampNtz"],
                                                   writerFeatures: ["timestampNtz", "appendOnly"])))

        let remove = try DeltaAction(jsonLine: #"{"remove":{"path":"a.parquet","deletionTimestamp":9,"dataChange":true,"extendedFileMetadata":true,"partitionValues":{},"size":3,"deletionVector":{"storageType":"u"}}}"#)
        guard case .remove(let r) = remove else { return XCTFail("\(remove)") }
        XCTAssertEqual(r.deletionTimestamp, 9)
        XCTAssertTrue(r.hasDeletionVector)

        XCTAssertEqual(try DeltaAction(jsonLine: #"{"txn":{"appId":"app","version":3,"lastUpdated":4}}"#),
                       .txn(SetTransaction(appId: "app", version: 3, lastUpdated: 4)))
        XCTAssertEqual(try DeltaAction(jsonLine: #"{"domainMetadata":{"domain":"delta.clustering","configuration":"{}","removed":false}}"#),
                       .domainMetadata(DomainMetadata(domain: "delta.clustering", configuration: "{}", removed: false)))
        XCTAssertEqual(try DeltaAction(jsonLine: #"{"checkpointMetadata":{"version":3}}"#), .unknown(key: "checkpointMetadata"))
    }

    func testDeletionVectorPresence() throws {
        let line = #"{"add":{"path":"a","partitionValues":{},"size":1,"modificationTime":1,"dataChange":true,"deletionVector":{"storageType":"u","pathOrInlineDv":"x","offset":1,"sizeInBytes":3,"cardinality":1}}}"#
        guard case .add(let file) = try DeltaAction(jsonLine: line) else { return XCTFail() }
        XCTAssertTrue(file.hasDeletionVector)
        guard case .add(let plain) = try DeltaAction(jsonLine: line.replacingOccurrences(
            of: #""deletionVector":{"storageType":"u","pathOrInlineDv":"x","offset":1,"sizeInBytes":3,"cardinality":1}"#,
            with: #""deletionVector":null"#)) else { return XCTFail() }
        XCTAssertFalse(plain.hasDeletionVector)
    }

    func testCommitInfoKeepsTypedFieldsAndTheRest() throws {
        let line = #"{"commitInfo":{"timestamp":1795635848678,"operation":"WRITE","operationParameters":{"mode":"Append","partitionBy":"[\"day\"]","n":3},"engineInfo":"delta-rs:py-1.6.6","operationMetrics":{"num_added_files":1,"numOutputRows":"3"},"clientVersion":"delta-rs.py-1.6.6","readVersion":4,"isBlindAppend":true,"userMetadata":"hello","notebook":{"id":"7"}}}"#
        guard case .commitInfo(let info) = try DeltaAction(jsonLine: line) else { return XCTFail() }
        XCTAssertEqual(info.timestamp, 1795635848678)
        XCTAssertEqual(info.operation, "WRITE")
        XCTAssertEqual(info.operationParameters?["mode"], #""Append""#)
        XCTAssertEqual(info.operationParameters?["partitionBy"], #""[\"day\"]""#)
        XCTAssertEqual(info.operationParameters?["n"], "3")
        XCTAssertEqual(info.operationMetrics, ["num_added_files": "1", "numOutputRows": "3"])
        XCTAssertEqual(info.readVersion, 4)
        XCTAssertEqual(info.isBlindAppend, true)
        XCTAssertEqual(info.other, ["userMetadata": #""hello""#, "notebook": #"{"id":"7"}"#])
        let again = try DeltaAction(jsonLine: DeltaAction.commitInfo(info).jsonLine())
        XCTAssertEqual(again, .commitInfo(info))
    }

    func testEncodingIsWhatSparkWrites() {
        var add = AddFile(path: "p=__HIVE_DEFAULT_PARTITION__/a.parquet", partitionValues: ["p": nil, "d": "2024-01-01"],
                          size: 10, modificationTime: 20, dataChange: true, stats: #"{"numRecords":1}"#)
        add.tags = nil
        XCTAssertEqual(DeltaAction.add(add).jsonLine(),
                       #"{"add":{"path":"p=__HIVE_DEFAULT_PARTITION__/a.parquet","partitionValues":{"d":"2024-01-01","p":null},"size":10,"modificationTime":20,"dataChange":true,"stats":"{\"numRecords\":1}"}}"#)
        XCTAssertEqual(DeltaAction.protocol(ProtocolAction()).jsonLine(), #"{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}"#)
        let metadata = MetadataAction(id: "id", schemaString: "{}", partitionColumns: ["p"], configuration: ["k": "v"], createdTime: 7)
        XCTAssertEqual(DeltaAction.metadata(metadata).jsonLine(),
                       #"{"metaData":{"id":"id","format":{"provider":"parquet","options":{}},"schemaString":"{}","partitionColumns":["p"],"configuration":{"k":"v"},"createdTime":7}}"#)
        let remove = RemoveFile(path: "a", deletionTimestamp: 5, dataChange: true, extendedFileMetadata: true,
                                partitionValues: ["p": nil], size: 3)
        XCTAssertEqual(DeltaAction.remove(remove).jsonLine(),
                       #"{"remove":{"path":"a","deletionTimestamp":5,"dataChange":true,"extendedFileMetadata":true,"partitionValues":{"p":null},"size":3}}"#)
        let info = CommitInfo(timestamp: 1, operation: "WRITE", operationParameters: ["mode": #""Append""#], inCommitTimestamp: 2)
        XCTAssertEqual(DeltaAction.commitInfo(info).jsonLine(),
                       #"{"commitInfo":{"inCommitTimestamp":2,"timestamp":1,"operation":"WRITE","operationParameters":{"mode":"Append"}}}"#)
    }

    func testEveryActionRoundTrips() throws {
        var add = AddFile(path: "x y/ü.parquet", partitionValues: ["a": "1", "b": nil], size: 1, modificationTime: 2,
                          dataChange: false, stats: "{}", tags: ["t": "v"])
        add.baseRowId = 4
        add.defaultRowCommitVersion = 5
        add.clusteringProvider = "liquid"
        var remove = RemoveFile(path: "r", deletionTimestamp: nil, dataChange: false, partitionValues: ["a": nil], size: 4, stats: "{}")
        remove.tags = ["k": "v"]
        let actions: [DeltaAction] = [
            .protocol(ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [], writerFeatures: ["appendOnly"])),
            .metadata(MetadataAction(id: "i", name: "n", description: "d\n\"q\"", schemaString: "{\"type\":\"struct\",\"fields\":[]}",
                                     partitionColumns: ["a", "b"], configuration: ["x": "y"], createdTime: nil)),
            .add(add), .remove(remove),
            .cdc(AddCDCFile(path: "_change_data/c.parquet", partitionValues: [:], size: 9, tags: nil)),
            .txn(SetTransaction(appId: "a", version: -1, lastUpdated: nil)),
            .domainMetadata(DomainMetadata(domain: "d", configuration: "{\"a\":1}", removed: true)),
            .commitInfo(CommitInfo(timestamp: 1, operation: "DELETE", operationParameters: ["predicate": #"["id = 1"]"#],
                                   operationMetrics: ["numDeletedRows": "1"], engineInfo: "Lode/0.1", clientVersion: "c",
                                   readVersion: 0, isolationLevel: "Serializable", isBlindAppend: false, inCommitTimestamp: 3,
                                   txnId: "t", other: ["userMetadata": #""u""#])),
        ]
        for action in actions {
            XCTAssertEqual(try DeltaAction(jsonLine: action.jsonLine()), action, action.jsonLine())
        }
        let bytes = DeltaAction.commitBytes(actions)
        XCTAssertEqual(try CommitFileReader.actions(bytes, file: "c.json"), actions)
    }

    func testBadLinesNameTheFileAndLine() {
        let text = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n\n{\"add\":{\"size\":1}}\n"
        assertDeltaError(.corruptLog, ["00000000000000000003.json line 3", "'add' has no 'path'"]) {
            _ = try CommitFileReader.actions(Array(text.utf8), file: "_delta_log/00000000000000000003.json")
        }
        assertDeltaError(.corruptLog, ["c.json line 1", "byte 11"]) {
            _ = try CommitFileReader.actions(Array("{\"add\":{\"x\"}}".utf8), file: "c.json")
        }
        assertDeltaError(.corruptLog, ["c.json line 2", "'protocol.minReaderVersion' is not an integer"]) {
            _ = try CommitFileReader.actions(Array("{\"txn\":{\"appId\":\"a\",\"version\":1}}\n{\"protocol\":{\"minReaderVersion\":\"1\",\"minWriterVersion\":2}}".utf8), file: "c.json")
        }
        assertDeltaError(.corruptLog, ["line 1", "one action"]) {
            _ = try CommitFileReader.actions(Array("[1]\r\n".utf8), file: "c.json")
        }
    }

    func testCommitFilesWithCRLFAndBlankLines() throws {
        let text = "{\"txn\":{\"appId\":\"a\",\"version\":1}}\r\n\r\n  \n{\"txn\":{\"appId\":\"b\",\"version\":2}}"
        XCTAssertEqual(try CommitFileReader.actions(Array(text.utf8), file: "c.json").count, 2)
    }
}
