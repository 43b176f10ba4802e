import LodeCore
import XCTest
@testable import LodeDelta

final class KernelSchemaTests: XCTestCase {
    func testEveryPrimitiveAndNestedType() throws {
        var fields = ["string", "long", "integer", "short", "byte", "float", "double", "boolean", "binary", "date", "timestamp",
                      "timestamp_ntz", "decimal(10,2)", "decimal(38, 0)"].enumerated().map {
            #"{"name":"c\#($0.offset)","type":"\#($0.element)","nullable":\#($0.offset % 2 == 0),"metadata":{}}"#
        }
        fields.append(#"{"name":"s","type":{"type":"struct","fields":[{"name":"x","type":"double","nullable":false,"metadata":{"comment":"east"}}]},"nullable":true,"metadata":{}}"#)
        fields.append(#"{"name":"a","type":{"type":"array","elementType":{"type":"map","keyType":"string","valueType":"long","valueContainsNull":false},"containsNull":true},"nullable":true,"metadata":{}}"#)
        let text = #"{"type":"struct","fields":["# + fields.joined(separator: ",") + "]}"
        let schema = try Schema(deltaSchemaString: text)
        XCTAssertEqual(schema.fields.map(\.type), [
            .string, .int64, .int32, .int16, .int8, .float32, .float64, .boolean, .binary, .date,
            .timestamp(.microsecond, utc: true), .timestamp(.microsecond, utc: false),
            .decimal(precision: 10, scale: 2), .decimal(precision: 38, scale: 0),
            .struct([Field("x", .float64, nullable: false, metadata: ["comment": "east"])]),
            .list(Field("element", .map(key: Field("key", .string, nullable: false), value: Field("value", .int64, nullable: false)),
                        nullable: true)),
        ])
        XCTAssertEqual(schema.fields.map(\.nullable).prefix(3), [true, false, true])
        let again = try Schema(deltaSchemaString: try schema.deltaSchemaString())
        XCTAssertEqual(again, schema)
    }

    func testSerializesAsSparkDoes() throws {
        let schema = Schema([Field("id", .int64, nullable: false), Field("t", .timestampNTZ),
                             Field("m", .map(key: Field("key", .string, nullable: false), value: Field("value", .date)))])
        XCTAssertEqual(try schema.deltaSchemaString(),
                       #"{"type":"struct","fields":[{"name":"id","type":"long","nullable":false,"metadata":{}},{"name":"t","type":"timestamp_ntz","nullable":true,"metadata":{}},{"name":"m","type":{"type":"map","keyType":"string","valueType":"date","valueContainsNull":true},"nullable":true,"metadata":{}}]}"#)
    }

    func testFieldMetadataKeepsTypedValues() throws {
        let text = #"{"type":"struct","fields":[{"name":"a","type":"long","nullable":true,"metadata":{"delta.columnMapping.id":1,"delta.columnMapping.physicalName":"col-1","comment":"42","delta.identity.allowExplicitInsert":true}}]}"#
        let schema = try Schema(deltaSchemaString: text)
        XCTAssertEqual(schema.fields[0].metadata, ["delta.columnMapping.id": "1", "delta.columnMapping.physicalName": "col-1",
                                                   "comment": "42", "delta.identity.allowExplicitInsert": "true"])
        let written = try JSONValue.parse(try schema.deltaSchemaString())
        let metadata = written["fields"]?.arrayValue?.first?["metadata"]
        XCTAssertEqual(metadata?["delta.columnMapping.id"], .int(1))
        XCTAssertEqual(metadata?["comment"], .string("42"))
        XCTAssertEqual(metadata?["delta.identity.allowExplicitInsert"], .bool(true))
        XCTAssertEqual(metadata?["delta.columnMapping.physicalName"], .string("col-1"))
    }

    func testErrors() {
        assertDeltaError(.unsupportedFeature, ["variant", "'v'"]) {
            _ = try Schema(deltaSchemaString: #"{"type":"struct","fields":[{"name":"v","type":"variant","nullable":true,"metadata":{}}]}"#)
        }
        assertDeltaError(.unsupportedFeature, ["decimal(40,2)"]) {
            _ = try Schema(deltaSchemaString: #"{"type":"struct","fields":[{"name":"d","type":"decimal(40,2)","nullable":true,"metadata":{}}]}"#)
        }
        assertDeltaError(.corruptLog, ["schemaString", "byte"]) { _ = try Schema(deltaSchemaString: "{") }
        assertDeltaError(.corruptLog, ["not a struct"]) { _ = try Schema(deltaSchemaString: #""long""#) }
        assertDeltaError(.corruptLog, ["'s.x'", "no 'type'"]) {
            _ = try Schema(deltaSchemaString: #"{"type":"struct","fields":[{"name":"s","type":{"type":"struct","fields":[{"name":"x"}]}}]}"#)
        }
        assertDeltaError(.invalidArgument, ["'n'"]) {
            _ = try Schema([Field("n", .timestamp(.nanosecond, utc: true))]).deltaSchemaString()
        }
    }
}
