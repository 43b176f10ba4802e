import XCTest
@testable import LodeParquet

final class ThriftCompactWriterTests: XCTestCase {
    private typealias Support = ThriftTestSupport

    func testIntegersAreZigzagVarints() {
        var writer = ThriftCompactWriter()
        writer.writeVarint(50399)
        writer.writeI32(-1)
        writer.writeI32(Int32.min)
        writer.writeI16(Int16.min)
        writer.writeI64(Int64.min)
        writer.writeI8(-128)
        XCTAssertEqual(writer.bytes, [
            0xDF, 0x89, 0x03,
            0x01,
            0xFF, 0xFF, 0xFF, 0xFF, 0x0F,
            0xFF, 0xFF, 0x03,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
            0x80,
        ])
    }

    func testScalarsReadBackExactly() throws {
        let i32s: [Int32] = [0, 1, -1, 63, -64, 64, 1 << 20, Int32.max, Int32.min]
        let i64s: [Int64] = [0, -1, 1 << 40, -(1 << 40), Int64.max, Int64.min]
        let doubles: [Double] = [0, -0.0, 1.5, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        var writer = ThriftCompactWriter()
        i32s.forEach { writer.writeI32($0) }
        i64s.forEach { writer.writeI64($0) }
        doubles.forEach { writer.writeDouble($0) }
        writer.writeString("héllo")
        writer.writeBinary([UInt8]())
        try Support.read(writer.bytes) { reader in
            XCTAssertEqual(try i32s.map { _ in try reader.readI32() }, i32s)
            XCTAssertEqual(try i64s.map { _ in try reader.readI64() }, i64s)
            XCTAssertEqual(try doubles.map { _ in try reader.readDouble().bitPattern }, doubles.map(\.bitPattern))
            XCTAssertEqual(try reader.readString(), "héllo")
            XCTAssertEqual(try reader.readBinary(), [])
            XCTAssertEqual(reader.remaining, 0)
        }
    }

    func testFieldHeadersUseShortFormForDeltasUpTo15() {
        var writer = ThriftCompactWriter()
        let outer = writer.beginStruct()
        writer.writeI32Field(1, 7)        // delta 1
        writer.writeFieldHeader(2, .struct)
        let inner = writer.beginStruct()
        writer.writeBoolField(1, true)    // deltas restart inside the struct
        writer.writeI64Field(300, -1)     // long form
        writer.endStruct(inner)
        writer.writeI32Field(3, 5)        // delta from 2, the outer struct's last id
        writer.writeBoolField(18, false)  // delta 15: still short
        writer.writeBoolField(34, true)   // delta 16: long form
        writer.writeBoolField(1, false)   // negative delta: long form
        writer.endStruct(outer)
        XCTAssertEqual(writer.bytes, [
            0x15, 0x0E,
            0x1C,
            0x11,
            0x06, 0xD8, 0x04, 0x01,
            0x00,
            0x15, 0x0A,
            0xF2,
            0x01, 0x44,
            0x02, 0x02,
            0x00,
        ])
    }

    func testListAndMapHeaders() {
        var writer = ThriftCompactWriter()
        writer.writeListHeader(.i32, count: 14)
        writer.writeListHeader(.binary, count: 15)
        writer.writeListHeader(.struct, count: 300)
        writer.writeMapHeader(keyType: .binary, valueType: .i32, count: 0)
        writer.writeMapHeader(keyType: .binary, valueType: .i32, count: 2)
        writer.writeBoolElement(true)
        writer.writeBoolElement(false)
        XCTAssertEqual(writer.bytes, [0xE5, 0xF8, 0x0F, 0xFC, 0xAC, 0x02, 0x00, 0x02, 0x85, 0x01, 0x00])
    }

    func testPageHeaderEncodeAppendsToBuffer() throws {
        var header = PageHeader(type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 80)
        header.dataPageHeader = DataPageHeader(numValues: 10, encoding: .plain,
                                               definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle)
        var buffer: [UInt8] = [0xAA, 0xBB]
        header.encode(into: &buffer)
        XCTAssertEqual(Array(buffer.prefix(2)), [0xAA, 0xBB])
        let encodedLength = buffer.count - 2
        buffer += [1, 2, 3]  // page data follows the header
        let (decoded, length) = try Array(buffer.dropFirst(2)).withUnsafeBytes { try PageHeader.decode(thrift: $0) }
        XCTAssertEqual(decoded, header)
        XCTAssertEqual(length, encodedLength)
    }
}
