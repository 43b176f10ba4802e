import XCTest
@testable import LodeParquet

/// Footers written by pyarrow, DuckDB and polars (see `Tests/Fixtures/parquet/thrift/make_fixtures.py`).
final class ThriftFixtureFooterTests: XCTestCase {
    private typealias Support = ThriftTestSupport

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    private func int64(_ value: Int64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
    private func int32(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }

    func testPyarrowV1Footer() throws {
        let metadata = try Support.fixtureFooter("pyarrow_v1.parquet")
        XCTAssertEqual(metadata.version, 2)
        XCTAssertEqual(metadata.numRows, 6)
        XCTAssertEqual(metadata.createdBy, "parquet-cpp-arrow version 26.0.1")
        XCTAssertEqual(metadata.keyValueMetadata?.map(\.key), ["ARROW:schema"])
        XCTAssertEqual(metadata.columnOrders, Array(repeating: .typeDefinedOrder, count: 12))
        XCTAssertFalse(metadata.isEncrypted)

        let schema = metadata.schema
        XCTAssertEqual(schema.map(\.name), ["schema", "id", "name", "price", "ts", "day", "tags", "list", "element",
                                            "point", "x", "y", "attrs", "key_value", "key", "value", "flag", "small"])
        XCTAssertEqual(schema[0].numChildren, 10)
        XCTAssertNil(schema[0].type)
        XCTAssertEqual(schema[1].type, .int64)
        XCTAssertEqual(schema[1].repetitionType, .optional)
        XCTAssertEqual(schema[2].logicalType, .string)
        XCTAssertEqual(schema[2].convertedType, .utf8)
        XCTAssertEqual(schema[3].type, .fixedLenByteArray)
        XCTAssertEqual(schema[3].typeLength, 4)
        XCTAssertEqual(schema[3].logicalType, .decimal(scale: 2, precision: 9))
        XCTAssertEqual(schema[3].scale, 2)
        XCTAssertEqual(schema[3].precision, 9)
        XCTAssertEqual(schema[4].logicalType, .timestamp(isAdjustedToUTC: true, unit: .micros))
        XCTAssertEqual(schema[4].convertedType, .timestampMicros)
        XCTAssertEqual(schema[5].logicalType, .date)
        XCTAssertEqual(schema[6].logicalType, .list)
        XCTAssertEqual(schema[6].numChildren, 1)
        XCTAssertEqual(schema[7].repetitionType, .repeated)
        XCTAssertNil(schema[9].logicalType)
        XCTAssertEqual(schema[9].numChildren, 2)
        XCTAssertEqual(schema[10].type, .double)
        XCTAssertEqual(schema[12].logicalType, .map)
        XCTAssertEqual(schema[12].convertedType, .map)
        XCTAssertEqual(schema[14].repetitionType, .required)
        XCTAssertEqual(schema[16].type, .boolean)
        XCTAssertEqual(schema[17].logicalType, .integer(bitWidth: 8, isSigned: true))
        XCTAssertEqual(schema[17].convertedType, .int8)

        XCTAssertEqual(metadata.rowGroups.map(\.numRows), [4, 2])
        let group = metadata.rowGroups[0]
        XCTAssertEqual(group.totalByteSize, 1054)
        XCTAssertEqual(group.fileOffset, 4)
        XCTAssertEqual(group.columns.compactMap { $0.metaData?.pathInSchema.joined(separator: ".") }, [
            "id", "name", "price", "ts", "day", "tags.list.element", "point.x", "point.y",
            "attrs.key_value.key", "attrs.key_value.value", "flag", "small",
        ])
        let id = try XCTUnwrap(group.columns[0].metaData)
        XCTAssertEqual(id.type, .int64)
        XCTAssertEqual(id.codec, .snappy)
        XCTAssertEqual(id.encodings, [.plain, .rle, .rleDictionary])
        XCTAssertEqual(id.numValues, 4)
        XCTAssertEqual(id.totalCompressedSize, 117)
        XCTAssertEqual(id.totalUncompressedSize, 119)
        XCTAssertEqual(id.dictionaryPageOffset, 4)
        XCTAssertEqual(id.dataPageOffset, 46)
        XCTAssertEqual(id.statistics?.minValue, int64(1))
        XCTAssertEqual(id.statistics?.maxValue, int64(4))
        XCTAssertEqual(id.statistics?.nullCount, 0)
        XCTAssertEqual(id.statistics?.isMinValueExact, true)
        XCTAssertEqual(id.encodingStats, [PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1),
                                          PageEncodingStats(pageType: .dataPage, encoding: .rleDictionary, count: 1)])
        let name = try XCTUnwrap(group.columns[1].metaData)
        XCTAssertEqual(name.statistics?.minValue, bytes("a"))
        XCTAssertEqual(name.statistics?.maxValue, bytes("b"))
        XCTAssertEqual(name.statistics?.nullCount, 1)
        XCTAssertEqual(group.columns[5].metaData?.numValues, 5)
        XCTAssertEqual(group.columns[10].metaData?.encodings, [.rle, .plain])
        XCTAssertNil(group.columns[10].metaData?.dictionaryPageOffset)
        XCTAssertEqual(group.columns[11].metaData?.statistics?.minValue, int32(-4))

        let second = metadata.rowGroups[1]
        XCTAssertEqual(second.columns[0].metaData?.statistics?.minValue, int64(5))
        XCTAssertEqual(second.columns[0].metaData?.dataPageOffset, 1125)
    }

    func testPyarrowV2Footer() throws {
        let metadata = try Support.fixtureFooter("pyarrow_v2.parquet")
        XCTAssertEqual(metadata.numRows, 6)
        XCTAssertEqual(metadata.rowGroups.count, 1)
        let columns = metadata.rowGroups[0].columns
        XCTAssertTrue(columns.allSatisfy { $0.metaData?.codec == .zstd })
        XCTAssertTrue(columns.allSatisfy { $0.offsetIndexOffset != nil && $0.columnIndexOffset != nil })
        XCTAssertEqual(columns[0].offsetIndexOffset, 997)
        XCTAssertEqual(columns[0].columnIndexLength, 35)
        XCTAssertEqual(columns[0].metaData?.encodings, [.rle, .plain])
        XCTAssertEqual(columns[0].metaData?.encodingStats, [PageEncodingStats(pageType: .dataPage, encoding: .plain, count: 1)])
        XCTAssertEqual(columns[1].metaData?.encodings, [.plain, .rle, .rleDictionary])
        XCTAssertEqual(columns[1].metaData?.dictionaryPageOffset, 62)
        XCTAssertEqual(columns[2].metaData?.statistics?.nullCount, 2)
        XCTAssertEqual(columns[10].metaData?.encodings, [.rle])
    }

    func testDuckDBFooter() throws {
        let metadata = try Support.fixtureFooter("duckdb.parquet")
        XCTAssertEqual(metadata.version, 1)
        XCTAssertEqual(metadata.numRows, 10)
        XCTAssertEqual(metadata.createdBy, "DuckDB version v2.0.1 (build 8d78114e90)")
        XCTAssertNil(metadata.keyValueMetadata)
        XCTAssertEqual(metadata.columnOrders?.count, 7)
        XCTAssertEqual(metadata.schema.map(\.name),
                       ["duckdb_schema", "id", "label", "score", "day", "pair", "list", "element", "rec", "a", "b"])
        XCTAssertEqual(metadata.schema[1].convertedType, .int32)
        XCTAssertNil(metadata.schema[1].logicalType)
        XCTAssertEqual(metadata.schema[3].logicalType, .decimal(scale: 1, precision: 21))
        XCTAssertEqual(metadata.schema[3].typeLength, 16)
        XCTAssertEqual(metadata.schema[5].repetitionType, .required)
        XCTAssertEqual(metadata.schema[5].convertedType, .list)
        XCTAssertEqual(metadata.schema[8].numChildren, 2)
        let columns = metadata.rowGroups[0].columns
        XCTAssertTrue(columns.allSatisfy { $0.metaData?.codec == .snappy && $0.metaData?.encodings == [.plain] })
        XCTAssertEqual(columns[1].metaData?.statistics?.minValue, bytes("row 0"))
        XCTAssertEqual(columns[1].metaData?.statistics?.maxValue, bytes("row 2"))
        XCTAssertEqual(columns[4].metaData?.numValues, 20)
        XCTAssertEqual(columns[0].metaData?.statistics?.minValue, int32(0))
        XCTAssertEqual(columns[0].metaData?.statistics?.maxValue, int32(9))
    }

    func testPolarsFooter() throws {
        let metadata = try Support.fixtureFooter("polars.parquet")
        XCTAssertEqual(metadata.version, 1)
        XCTAssertEqual(metadata.numRows, 5)
        XCTAssertEqual(metadata.createdBy?.hasPrefix("Polars (python) version 2.1.0"), true)
        XCTAssertEqual(metadata.schema.map(\.name), ["root", "k", "s", "f", "l", "list", "element"])
        XCTAssertNil(metadata.schema[0].repetitionType)
        XCTAssertEqual(metadata.schema[2].logicalType, .string)
        XCTAssertEqual(metadata.rowGroups[0].ordinal, 0)
        let columns = metadata.rowGroups[0].columns
        XCTAssertEqual(columns[0].fileOffset, 150)
        XCTAssertTrue(columns.allSatisfy { $0.metaData?.codec == .zstd })
        let statistics = try XCTUnwrap(columns[1].metaData?.statistics)
        XCTAssertNil(statistics.min)
        XCTAssertEqual(statistics.minValue, bytes("x"))
        XCTAssertEqual(statistics.maxValue, bytes("zzz"))
        XCTAssertEqual(statistics.nullCount, 1)
        XCTAssertEqual(columns[3].metaData?.pathInSchema, ["l", "list", "element"])
        XCTAssertEqual(columns[3].metaData?.numValues, 8)
    }

    func testReencodedFootersDecodeEqual() throws {
        for name in ["pyarrow_v1.parquet", "pyarrow_v2.parquet", "duckdb.parquet", "polars.parquet"] {
            let metadata = try Support.fixtureFooter(name)
            XCTAssertEqual(try Support.decodeFooter(metadata.thriftEncoded()), metadata, name)
        }
    }

    func testReencodingReproducesDuckDBAndPolarsFootersByteForByte() throws {
        for name in ["duckdb.parquet", "polars.parquet"] {
            let footer = try Support.footer(of: Support.fixture(name))
            XCTAssertEqual(try Support.decodeFooter(footer).thriftEncoded(), footer, name)
        }
        // pyarrow also writes SizeStatistics (ColumnMetaData field 16), which is skipped.
        let pyarrow = try Support.footer(of: Support.fixture("pyarrow_v1.parquet"))
        XCTAssertLessThan(try Support.decodeFooter(pyarrow).thriftEncoded().count, pyarrow.count)
    }
}
