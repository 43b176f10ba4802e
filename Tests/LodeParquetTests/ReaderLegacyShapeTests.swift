import LodeCore
import XCTest
@testable import LodeParquet

/// Schema shapes that older writers produce (2-level and 1-level lists,
/// MAP_KEY_VALUE, BIT_PACKED levels), built by hand.
final class ReaderLegacyShapeTests: XCTestCase {
    typealias Builder = ReaderTestFileBuilder

    static func element(_ name: String, _ type: PhysicalType? = nil, _ repetition: FieldRepetitionType = .required,
                        children: Int32? = nil, converted: ConvertedType? = nil) -> SchemaElement {
        var e = SchemaElement(name: name)
        e.type = type
        e.repetitionType = repetition
        e.numChildren = children
        e.convertedType = converted
        return e
    }

    static func root(_ children: Int32) -> SchemaElement {
        var e = SchemaElement(name: "schema")
        e.numChildren = children
        return e
    }

    func read(_ bytes: [UInt8]) throws -> RecordBatch {
        let reader = try ParquetReader(input: ParquetMemoryInput(bytes), name: "legacy.parquet")
        return try reader.readRowGroup(0)
    }

    func testTwoLevelListOfPrimitives() throws {
        // optional group my_list (LIST) { repeated int32 element; } — rows [1, 2], null, [], [3]
        let file = Builder(schema: [Self.root(1), Self.element("my_list", nil, .optional, children: 1, converted: .list),
                                    Self.element("element", .int32, .repeated)],
                           leaves: [.init(type: .int32, repetitions: [0, 1, 0, 0, 0], definitions: [2, 2, 0, 1, 2],
                                          values: Builder.plainInt32([1, 2, 3]), maxRepetition: 1, maxDefinition: 2)],
                           rows: 4).build()
        let batch = try read(file)
        XCTAssertEqual(batch.schema.fields[0].type, .list(Field("element", .int32, nullable: false)))
        XCTAssertEqual(batch.columns[0].values, [.list([.int(1), .int(2)]), .null, .list([]), .list([.int(3)])])
    }

    func testBareRepeatedFieldIsARequiredList() throws {
        // repeated int32 nums; — rows [1], [], [2, 3]
        let file = Builder(schema: [Self.root(1), Self.element("nums", .int32, .repeated)],
                           leaves: [.init(type: .int32, repetitions: [0, 0, 0, 1], definitions: [1, 0, 1, 1],
                                          values: Builder.plainInt32([1, 2, 3]), maxRepetition: 1, maxDefinition: 1)],
                           rows: 3).build()
        let batch = try read(file)
        XCTAssertEqual(batch.schema.fields[0].nullable, false)
        XCTAssertEqual(batch.columns[0].values, [.list([.int(1)]), .list([]), .list([.int(2), .int(3)])])
    }

    func testArrayNamedGroupIsTheElement() throws {
        // optional group my_list (LIST) { repeated group array { required binary str (UTF8); } } — rows ["a"], null
        let file = Builder(schema: [Self.root(1), Self.element("my_list", nil, .optional, children: 1, converted: .list),
                                    Self.element("array", nil, .repeated, children: 1),
                                    Self.element("str", .byteArray, .required, converted: .utf8)],
                           leaves: [.init(type: .byteArray, repetitions: [0, 0], definitions: [2, 0],
                                          values: Builder.plainStrings(["a"]), maxRepetition: 1, maxDefinition: 2)],
                           rows: 2).build()
        let batch = try read(file)
        XCTAssertEqual(batch.schema.fields[0].type, .list(Field("element", .struct([Field("str", .string, nullable: false)]),
                                                               nullable: false)))
        XCTAssertEqual(batch.columns[0].values, [.list([.struct([.string("a")])]), .null])
    }

    func testMapKeyValueOutsideMapReadsAsMap() throws {
        // optional group m (MAP_KEY_VALUE) { repeated group map { required binary key (UTF8); optional int32 value; } }
        // rows {a: 1, b: null}, null, {}
        let file = Builder(schema: [Self.root(1), Self.element("m", nil, .optional, children: 1, converted: .mapKeyValue),
                                    Self.element("map", nil, .repeated, children: 2),
                                    Self.element("key", .byteArray, .required, converted: .utf8),
                                    Self.element("value", .int32, .optional)],
                           leaves: [.init(type: .byteArray, repetitions: [0, 1, 0, 0], definitions: [2, 2, 0, 1],
                                          values: Builder.plainStrings(["a", "b"]), maxRepetition: 1, maxDefinition: 2),
                                    .init(type: .int32, repetitions: [0, 1, 0, 0], definitions: [3, 2, 0, 1],
                                          values: Builder.plainInt32([1]), maxRepetition: 1, maxDefinition: 3)],
                           rows: 3).build()
        let batch = try read(file)
        guard case .map(let key, let value) = batch.schema.fields[0].type else { return XCTFail("not a map") }
        XCTAssertEqual(key.type, .string)
        XCTAssertEqual(value.type, .int32)
        XCTAssertEqual(batch.columns[0].values, [.map(keys: [.string("a"), .string("b")], values: [.int(1), .null]),
                                                 .null, .map(keys: [], values: [])])
    }

    func testDeprecatedBitPackedDefinitionLevels() throws {
        let file = Builder(schema: [Self.root(1), Self.element("x", .int32, .optional)],
                           leaves: [.init(type: .int32, definitions: [1, 0, 1, 1, 0, 0, 1, 1, 1, 0],
                                          values: Builder.plainInt32([1, 2, 3, 4, 5, 6]), definitionEncoding: .bitPacked,
                                          maxDefinition: 1)],
                           rows: 10).build()
        XCTAssertEqual(try read(file).columns[0].values,
                       [.int(1), .null, .int(2), .int(3), .null, .null, .int(4), .int(5), .int(6), .null])
    }
}
