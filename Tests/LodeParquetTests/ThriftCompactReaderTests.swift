import XCTest
@testable import LodeParquet

final class ThriftCompactReaderTests: XCTestCase {
    private typealias Support = ThriftTestSupport

    func testVarintFromSpecification() throws {
        XCTAssertEqual(try Support.read([0xDF, 0x89, 0x03]) { try $0.readVarint() }, 50399)
        XCTAssertEqual(try Support.read([0x7F]) { try $0.readVarint() }, 127)
        let maximum: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        XCTAssertEqual(try Support.read(maximum) { try $0.readVarint() }, UInt64.max)
    }

    func testZigzagIntegers() throws {
        XCTAssertEqual(try Support.read([0x00, 0x01, 0x02, 0x03, 0x04]) { reader in
            try (0..<5).map { _ in try reader.readI32() }
        }, [0, -1, 1, -2, 2])
        XCTAssertEqual(try Support.read([0xFE, 0xFF, 0xFF, 0xFF, 0x0F]) { try $0.readI32() }, Int32.max)
        XCTAssertEqual(try Support.read([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) { try $0.readI32() }, Int32.min)
        XCTAssertEqual(try Support.read([0xFF, 0xFF, 0x03]) { try $0.readI16() }, Int16.min)
        let i64Min: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        XCTAssertEqual(try Support.read(i64Min) { try $0.readI64() }, Int64.min)
        XCTAssertEqual(try Support.read([0x80]) { try $0.readI8() }, -128)
    }

    func testOversizedIntegersThrow() {
        Support.assertCorrupt("i16 value 32768 is out of range") {
            try Support.read([0x80, 0x80, 0x04]) { try $0.readI16() }
        }
        Support.assertCorrupt("overflows 32 bits") {
            try Support.read([0xFF, 0xFF, 0xFF, 0xFF, 0x1F]) { try $0.readI32() }
        }
        Support.assertCorrupt("varint overflows 64 bits") {
            try Support.read([UInt8](repeating: 0x80, count: 10) + [0x00]) { try $0.readVarint() }
        }
        Support.assertCorrupt("varint overflows 64 bits") {
            try Support.read([UInt8](repeating: 0xFF, count: 9) + [0x02]) { try $0.readVarint() }
        }
        Support.assertCorrupt("the footer ends inside a varint") {
            try Support.read([0x80, 0x80]) { try $0.readI64() }
        }
    }

    func testDoubleIsLittleEndian() throws {
        XCTAssertEqual(try Support.read([0, 0, 0, 0, 0, 0, 0xF8, 0x3F]) { try $0.readDouble() }, 1.5)
        Support.assertCorrupt("ends inside a double") {
            try Support.read([0, 0, 0, 0, 0, 0, 0xF8]) { try $0.readDouble() }
        }
    }

    func testBinaryLengthIsCheckedAgainstRemainingBytes() throws {
        XCTAssertEqual(try Support.read([0x03, 0x61, 0x62, 0x63]) { try $0.readString() }, "abc")
        XCTAssertEqual(try Support.read([0x00]) { try $0.readBinary() }, [])
        Support.assertCorrupt("binary of 4 bytes exceeds the 3 bytes left in the footer") {
            try Support.read([0x04, 0x61, 0x62, 0x63]) { try $0.readBinary() }
        }
        Support.assertCorrupt("binary of 4294967295 bytes") {
            try Support.read([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00]) { try $0.readBinary() }
        }
    }

    func testShortAndLongFieldHeadersKeepLastIDPerStruct() throws {
        // struct { 1: i32 7, 2: struct { 1: i32 9, 300: i64 -1 }, 3: i32 5, 1000: bool true }
        let bytes: [UInt8] = [
            0x15, 0x0E,
            0x1C,
            0x15, 0x12,
            0x06, 0xD8, 0x04, 0x01,
            0x00,
            0x15, 0x0A,
            0x01, 0xD0, 0x0F,
            0x00,
        ]
        let fields = try Support.read(bytes) { reader -> [String] in
            var seen: [String] = []
            let outer = try reader.beginStruct("Outer")
            while let field = try reader.readFieldHeader() {
                switch field.id {
                case 1, 3: seen.append("\(field.id)=\(try reader.readI32(field))")
                case 2:
                    let inner = try reader.beginStruct("Inner")
                    while let innerField = try reader.readFieldHeader() {
                        if innerField.id == 1 { seen.append("2.1=\(try reader.readI32(innerField))") }
                        if innerField.id == 300 { seen.append("2.300=\(try reader.readI64(innerField))") }
                    }
                    reader.endStruct(inner)
                case 1000: seen.append("1000=\(try reader.readBool(field))")
                default: XCTFail("unexpected field \(field.id)")
                }
            }
            reader.endStruct(outer)
            XCTAssertEqual(reader.remaining, 0)
            return seen
        }
        XCTAssertEqual(fields, ["1=7", "2.1=9", "2.300=-1", "3=5", "1000=true"])
    }

    func testBooleanFieldsLiveInTheTypeNibble() throws {
        let values = try Support.read([0x11, 0x12, 0x00]) { reader -> [Bool] in
            let scope = try reader.beginStruct("Flags")
            var values: [Bool] = []
            while let field = try reader.readFieldHeader() { values.append(try reader.readBool(field)) }
            reader.endStruct(scope)
            XCTAssertEqual(reader.position, 3)
            return values
        }
        XCTAssertEqual(values, [true, false])
    }

    func testBooleanListElementsAreBytes() throws {
        // Element type 1 (Java and C++ writers) and 2 (the specification) both mean bool.
        for elementType: UInt8 in [1, 2] {
            let bytes: [UInt8] = [0x19, 0x30 | elementType, 0x01, 0x00, 0x01, 0x00]
            let values = try Support.read(bytes) { reader -> [Bool] in
                let scope = try reader.beginStruct("Flags")
                var values: [Bool] = []
                while let field = try reader.readFieldHeader() {
                    values = try reader.readList(field, of: .booleanTrue) { try $0.readBoolElement() }
                }
                reader.endStruct(scope)
                return values
            }
            XCTAssertEqual(values, [true, false, true])
        }
    }

    func testListHeaders() throws {
        let short = try Support.read([0x35, 0, 0, 0]) { try $0.readListHeader() }
        XCTAssertEqual(short.count, 3)
        XCTAssertEqual(short.elementType, .i32)
        let long = try Support.read([0xF8, 0x14] + [UInt8](repeating: 0, count: 20)) { try $0.readListHeader() }
        XCTAssertEqual(long.count, 20)
        XCTAssertEqual(long.elementType, .binary)
        let emptyWithoutType = try Support.read([0x00]) { try $0.readListHeader() }
        XCTAssertEqual(emptyWithoutType.count, 0)
    }

    func testLyingListSizeThrowsBeforeAllocating() {
        Support.assertCorrupt("list of 4294967295 elements exceeds the 0 bytes left in the footer") {
            try Support.read([0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) { try $0.readListHeader() }
        }
        Support.assertCorrupt("list of 3 elements exceeds the 16 bytes left") {
            try Support.read([0x37] + [UInt8](repeating: 0, count: 16)) { try $0.readListHeader() }
        }
        Support.assertCorrupt("list of 1000 elements exceeds the 2 bytes left") {
            try Support.read([0xFC, 0xE8, 0x07, 0x00, 0x00]) { try $0.readListHeader() }
        }
        Support.assertCorrupt("map of 100 entries exceeds the 4 bytes left") {
            try Support.read([0x64, 0x85, 0, 0, 0, 0]) { try $0.readMapHeader() }
        }
        Support.assertCorrupt("invalid list element type 14") {
            try Support.read([0x1E, 0x00]) { try $0.readListHeader() }
        }
    }

    func testMapHeaders() throws {
        let empty = try Support.read([0x00]) { try $0.readMapHeader() }
        XCTAssertEqual(empty.count, 0)
        let map = try Support.read([0x02, 0x85, 0x01, 0x61, 0x02, 0x01, 0x62, 0x04]) { reader -> [String: Int32] in
            let header = try reader.readMapHeader()
            XCTAssertEqual(header.keyType, .binary)
            XCTAssertEqual(header.valueType, .i32)
            var result: [String: Int32] = [:]
            for _ in 0..<header.count { result[try reader.readString()] = try reader.readI32() }
            return result
        }
        XCTAssertEqual(map, ["a": 1, "b": 2])
    }

    func testInvalidFieldTypeAndFieldIDOverflowThrow() {
        Support.assertCorrupt("invalid field type 14") {
            try Support.read([0x1E, 0x00]) { reader in
                _ = try reader.beginStruct("Test")
                return try reader.readFieldHeader()
            }
        }
        // Long-form id 32767, then a short delta of 1.
        Support.assertCorrupt("field id 32768 is out of range") {
            try Support.read([0x05, 0xFE, 0xFF, 0x03, 0x00, 0x15, 0x00]) { reader in
                _ = try reader.beginStruct("Test")
                let first = try reader.readFieldHeader()
                XCTAssertEqual(first?.id, Int16.max)
                _ = try reader.readI32()
                return try reader.readFieldHeader()
            }
        }
    }

    func testStructsNestedBeyondTheLimitThrow() {
        // Unknown field 20 holding 100 nested structs.
        let deepStructs: [UInt8] = [0x0C, 0x28] + [UInt8](repeating: 0x1C, count: 100)
            + [UInt8](repeating: 0x00, count: 102)
        Support.assertCorrupt("nesting deeper than 64 levels") {
            try Support.read(deepStructs) { try Statistics(thrift: &$0) }
        }
        // Unknown field 20 holding 100 nested single-element lists.
        let deepLists: [UInt8] = [0x09, 0x28] + [UInt8](repeating: 0x19, count: 100) + [0x00, 0x00]
        Support.assertCorrupt("nesting deeper than 64 levels") {
            try Support.read(deepLists) { try Statistics(thrift: &$0) }
        }
    }

    func testSkipsUnknownFieldsOfEveryType() throws {
        var writer = ThriftCompactWriter()
        let scope = writer.beginStruct()
        writer.writeBoolField(20, true)
        writer.writeBoolField(21, false)
        writer.writeI8Field(22, -3)
        writer.writeI16Field(23, 300)
        writer.writeI32Field(24, -70000)
        writer.writeI64Field(25, Int64.min)
        writer.writeFieldHeader(26, .double)
        writer.writeDouble(2.5)
        writer.writeBinaryField(27, [1, 2, 3])
        writer.writeFieldHeader(28, .uuid)
        writer.bytes += [UInt8](repeating: 0xAB, count: 16)
        writer.writeListField(29, of: .list, [[Int32(1), 2], [], [3]]) { writer, inner in
            writer.writeListHeader(.i32, count: inner.count)
            for value in inner { writer.writeI32(value) }
        }
        writer.writeFieldHeader(30, .set)
        writer.writeListHeader(.booleanTrue, count: 20)
        for index in 0..<20 { writer.writeBoolElement(index % 3 == 0) }
        writer.writeFieldHeader(31, .map)
        writer.writeMapHeader(keyType: .binary, valueType: .struct, count: 2)
        for key in ["a", "b"] {
            writer.writeString(key)
            Statistics().write(to: &writer)
        }
        writer.writeFieldHeader(32, .map)
        writer.writeMapHeader(keyType: .i32, valueType: .double, count: 0)
        writer.writeFieldHeader(33, .struct)
        var nested = Statistics()
        nested.maxValue = [9]
        nested.write(to: &writer)
        writer.writeListField(34, of: .double, [1.0, 2.0]) { writer, value in writer.writeDouble(value) }
        // Known fields after the unknown ones: ids go down, so headers take the long form.
        writer.writeI64Field(3, 42)
        writer.writeBinaryField(5, [7])
        writer.writeBoolField(8, true)
        writer.endStruct(scope)

        var expected = Statistics()
        expected.nullCount = 42
        expected.maxValue = [7]
        expected.isMinValueExact = true
        XCTAssertEqual(try Support.decode(Statistics.self, from: writer.bytes), expected)
    }

    func testMissingRequiredFieldNamesStructAndField() {
        var writer = ThriftCompactWriter()
        let scope = writer.beginStruct()
        writer.writeI32Field(1, 2)
        writer.writeListField(2, of: .struct, [SchemaElement(name: "schema")]) { $1.write(to: &$0) }
        writer.writeListField(4, of: .struct, [RowGroup]()) { $1.write(to: &$0) }
        writer.endStruct(scope)
        Support.assertCorrupt("FileMetaData is missing required field 'num_rows' (3)") {
            try Support.decodeFooter(writer.bytes)
        }
        Support.assertCorrupt("SchemaElement is missing required field 'name' (4)") {
            try Support.decode(SchemaElement.self, from: [0x15, 0x02, 0x00])
        }
    }

    func testFieldOfWrongTypeThrows() {
        // Statistics field 3 (null_count, i64) sent as binary.
        Support.assertCorrupt("field 3 has type binary, expected i64 (in Statistics") {
            try Support.decode(Statistics.self, from: [0x38, 0x00, 0x00])
        }
        // ColumnMetaData field 2 (encodings, list<i32>) sent as a list of binary.
        Support.assertCorrupt("field 2 is a list of binary, expected i32") {
            try Support.decode(ColumnMetaData.self, from: [0x15, 0x00, 0x19, 0x18, 0x00, 0x00])
        }
    }

    func testUnionsCarryExactlyOneMember() throws {
        XCTAssertEqual(try Support.decode(LogicalType.self, from: [0x1C, 0x00, 0x00]), .string)
        XCTAssertEqual(try Support.decode(LogicalType.self, from: [0x0C, 0x24, 0x00, 0x00]), .other(fieldID: 18))
        XCTAssertEqual(try Support.decode(ColumnOrder.self, from: [0x1C, 0x00, 0x00]), .typeDefinedOrder)
        XCTAssertEqual(try Support.decode(ColumnOrder.self, from: [0x2C, 0x11, 0x00, 0x00]), .other(fieldID: 2))
        Support.assertCorrupt("LogicalType union has no member") {
            try Support.decode(LogicalType.self, from: [0x00])
        }
        Support.assertCorrupt("LogicalType union has more than one member") {
            try Support.decode(LogicalType.self, from: [0x1C, 0x00, 0x1C, 0x00, 0x00])
        }
        Support.assertCorrupt("unknown TimeUnit member 4") {
            try Support.decode(ParquetTimeUnit.self, from: [0x4C, 0x00, 0x00])
        }
    }

    func testTruncatedStructThrows() {
        Support.assertCorrupt("the footer ends inside a struct (in KeyValue") {
            try Support.decode(KeyValue.self, from: [0x18, 0x01, 0x61])
        }
    }
}
