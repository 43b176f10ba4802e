import LodeCore
import XCTest
@testable import LodeParquet

/// Damaged and unsupported files throw ``ParquetError`` naming the file and,
/// where known, the row group and column.
final class ReaderErrorTests: XCTestCase {
    typealias Builder = ReaderTestFileBuilder

    static func simpleFile(_ edit: (inout Builder.Leaf) -> Void = { _ in },
                           metadata: (inout FileMetaData) -> Void = { _ in }) -> [UInt8] {
        var leaf = Builder.Leaf(type: .int32, definitions: [1, 0, 1], values: Builder.plainInt32([7, 8]), maxDefinition: 1)
        edit(&leaf)
        var x = SchemaElement(name: "x")
        x.type = .int32
        x.repetitionType = .optional
        var root = SchemaElement(name: "schema")
        root.numChildren = 1
        return Builder(schema: [root, x], leaves: [leaf], rows: 3).build(editMetadata: metadata)
    }

    func error(_ bytes: [UInt8], readRowGroup: Bool = true, file: StaticString = #filePath, line: UInt = #line) -> ParquetError? {
        do {
            let reader = try ParquetReader(input: ParquetMemoryInput(bytes), name: "bad.parquet")
            if readRowGroup { _ = try reader.readRowGroup(0) }
            XCTFail("no error", file: file, line: line)
            return nil
        } catch let error as ParquetError {
            XCTAssertEqual(error.file, "bad.parquet", file: file, line: line)
            return error
        } catch {
            XCTFail("not a ParquetError: \(error)", file: file, line: line)
            return nil
        }
    }

    func testTheBuilderFileReads() throws {
        let reader = try ParquetReader(input: ParquetMemoryInput(Self.simpleFile()), name: "ok.parquet")
        XCTAssertEqual(try reader.readRowGroup(0).columns[0].values, [.int(7), .null, .int(8)])
    }

    func testFileFraming() {
        XCTAssertEqual(error(Array("PAR1PAR1".utf8))?.kind, .notParquet)
        var bytes = Self.simpleFile()
        bytes[bytes.count - 1] = UInt8(ascii: "X")
        XCTAssertEqual(error(bytes)?.kind, .notParquet)
        bytes = Self.simpleFile()
        bytes[0] = 0
        XCTAssertEqual(error(bytes)?.kind, .notParquet)
        bytes = Self.simpleFile()
        bytes[bytes.count - 5] = 0x7f
        XCTAssertEqual(error(bytes)?.kind, .corruptMetadata)
        bytes = Self.simpleFile()
        bytes.replaceSubrange((bytes.count - 4)..<bytes.count, with: Array("PARE".utf8))
        XCTAssertEqual(error(bytes)?.kind, .unsupported)
        bytes = Self.simpleFile()
        let length = Int(bytes[bytes.count - 8])
        for i in (bytes.count - 8 - length)..<(bytes.count - 8) { bytes[i] = 0xff }
        XCTAssertEqual(error(bytes)?.kind, .corruptMetadata)
        XCTAssertThrowsError(try ParquetReader(path: "/nonexistent/file.parquet")) {
            XCTAssertEqual(($0 as? ParquetError)?.file, "/nonexistent/file.parquet")
        }
    }

    func testColumnChunkOutsideTheFile() {
        let e = error(Self.simpleFile(metadata: { $0.rowGroups[0].columns[0].metaData?.dataPageOffset = 1 << 40 }))
        XCTAssertEqual(e?.kind, .corruptMetadata)
        XCTAssertEqual(e?.rowGroup, 0)
        XCTAssertEqual(e?.column, "x")
    }

    func testCountsThatDoNotAddUp() {
        XCTAssertEqual(error(Self.simpleFile(metadata: { $0.rowGroups[0].columns[0].metaData?.numValues = 4 }))?.kind,
                       .corruptData)
        XCTAssertEqual(error(Self.simpleFile(metadata: { $0.rowGroups[0].numRows = 5 }))?.kind, .corruptData)
        XCTAssertEqual(error(Self.simpleFile { $0.values = Builder.plainInt32([7]) })?.kind, .corruptData)
        XCTAssertEqual(error(Self.simpleFile { $0.definitions = [1, 1, 1] })?.kind, .corruptData)
    }

    func testUnsupportedFeatures() {
        var e = error(Self.simpleFile { $0.codec = .lzo })
        XCTAssertEqual(e?.kind, .unsupported)
        XCTAssertTrue(e?.message.contains("LZO") ?? false, "\(String(describing: e))")
        e = error(Self.simpleFile { $0.encoding = Encoding(rawValue: 42) })
        XCTAssertEqual(e?.kind, .unsupported)
        XCTAssertEqual(e?.column, "x")
        XCTAssertEqual(error(Self.simpleFile { $0.encoding = .rleDictionary })?.kind, .corruptData)
        e = error(Self.simpleFile(metadata: {
            $0.schema[1].logicalType = .decimal(scale: 2, precision: 50)
            $0.schema[1].type = .byteArray
        }), readRowGroup: false)
        XCTAssertEqual(e?.kind, .unsupported)
    }

    func testDictionaryIndexOutOfRange() throws {
        let leaf = LeafDescriptor(index: 0, path: ["x"], physicalType: .int32, typeLength: 0, maxDefinitionLevel: 0,
                                  maxRepetitionLevel: 0, type: .int32, conversion: .identity)
        let dictionary = try Builder.plainInt32([10, 20]).withUnsafeBytes {
            try FixedWidthStore<Int32>.dictionary($0, count: 2, leaf: leaf)
        }
        var store = FixedWidthStore<Int32>(capacity: 3, leaf: leaf)
        var scratch: [UInt32] = []
        // Bit width 2, one bit-packed group: 0, 1, 3.
        let indices: [UInt8] = [0x02, 0x03, 0b0011_0100, 0x00]
        XCTAssertThrowsError(try indices.withUnsafeBytes {
            try store.decode($0, encoding: .rleDictionary, count: 3, at: 0, dictionary: dictionary, scratch: &scratch)
        }) { XCTAssertEqual(($0 as? ParquetError)?.kind, .corruptData) }
        let good: [UInt8] = [0x02, 0x03, 0b0001_0100, 0x00]
        try good.withUnsafeBytes {
            try store.decode($0, encoding: .rleDictionary, count: 3, at: 0, dictionary: dictionary, scratch: &scratch)
        }
        guard case .int32(let values) = store.finish(count: 3) else { return XCTFail() }
        XCTAssertEqual(values, [10, 20, 20])
    }

    func testUnsignedSixtyFourBitOverflow() {
        var e = error(Self.simpleFile(
            { $0.type = .int64; $0.values = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0, 0, 0, 0, 0] },
            metadata: {
                $0.schema[1].type = .int64
                $0.schema[1].convertedType = .uint64
            }))
        XCTAssertEqual(e?.kind, .unsupported)
        XCTAssertTrue(e?.message.contains("18446744073709551615") ?? false)
        e = error(Self.simpleFile(metadata: { $0.rowGroups[0].columns[0].metaData?.type = .int64 }))
        XCTAssertEqual(e?.kind, .corruptMetadata)
    }
}
