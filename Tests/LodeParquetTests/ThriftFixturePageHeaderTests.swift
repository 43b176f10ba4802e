import XCTest
@testable import LodeParquet

/// Walks every column chunk of the fixture files page by page: each header
/// decodes, and header lengths plus page sizes add up to the chunk's size.
final class ThriftFixturePageHeaderTests: XCTestCase {
    private typealias Support = ThriftTestSupport

    private struct ChunkPages {
        var headers: [PageHeader] = []
        var offsets: [Int] = []
    }

    private func pages(of chunk: ColumnMetaData, in file: [UInt8]) throws -> ChunkPages {
        var pages = ChunkPages()
        var offset = Int(chunk.dictionaryPageOffset ?? chunk.dataPageOffset)
        let end = offset + Int(chunk.totalCompressedSize)
        while offset < end {
            let (header, length) = try file[offset..<end].withUnsafeBytes { try PageHeader.decode(thrift: $0) }
            pages.headers.append(header)
            pages.offsets.append(offset)
            offset += length + Int(header.compressedPageSize)
        }
        XCTAssertEqual(offset, end, "pages overrun the chunk")
        return pages
    }

    func testEveryPageHeaderOfEveryFixtureDecodes() throws {
        for name in ["pyarrow_v1.parquet", "pyarrow_v2.parquet", "duckdb.parquet", "polars.parquet"] {
            let file = try Support.fixture(name)
            let metadata = try Support.decodeFooter(Support.footer(of: file))
            for group in metadata.rowGroups {
                for column in group.columns {
                    let chunk = try XCTUnwrap(column.metaData)
                    let pages = try pages(of: chunk, in: file)
                    let dataPages = pages.headers.filter { $0.type != .dictionaryPage }
                    let values = dataPages.reduce(Int64(0)) { sum, page in
                        sum + Int64(page.dataPageHeader?.numValues ?? page.dataPageHeaderV2?.numValues ?? 0)
                    }
                    XCTAssertEqual(values, chunk.numValues, "\(name) \(chunk.pathInSchema)")
                    if let dictionaryOffset = chunk.dictionaryPageOffset {
                        XCTAssertEqual(pages.headers.first?.type, .dictionaryPage)
                        XCTAssertEqual(pages.headers.first?.dictionaryPageHeader?.encoding, .plain)
                        XCTAssertEqual(pages.offsets.first, Int(dictionaryOffset))
                    }
                    let firstData = try XCTUnwrap(pages.headers.firstIndex { $0.type != .dictionaryPage })
                    XCTAssertEqual(pages.offsets[firstData], Int(chunk.dataPageOffset))
                    if let stats = chunk.encodingStats {
                        let total = stats.reduce(0) { $0 + Int($1.count) }
                        XCTAssertEqual(total, pages.headers.count, "\(name) \(chunk.pathInSchema)")
                    }
                }
            }
        }
    }

    func testDataPageKindsMatchTheWriter() throws {
        let v1File = try Support.fixture("pyarrow_v1.parquet")
        let v1 = try Support.decodeFooter(Support.footer(of: v1File))
        let idPages = try pages(of: XCTUnwrap(v1.rowGroups[0].columns[0].metaData), in: v1File).headers
        XCTAssertEqual(idPages.map(\.type), [.dictionaryPage, .dataPage])
        XCTAssertEqual(idPages[0].dictionaryPageHeader?.numValues, 4)
        XCTAssertEqual(idPages[0].dictionaryPageHeader?.isSorted, false)
        let data = try XCTUnwrap(idPages[1].dataPageHeader)
        XCTAssertEqual(data.encoding, .rleDictionary)
        XCTAssertEqual(data.definitionLevelEncoding, .rle)
        XCTAssertEqual(data.repetitionLevelEncoding, .rle)
        XCTAssertEqual(data.statistics?.nullCount, 0)

        let v2File = try Support.fixture("pyarrow_v2.parquet")
        let v2 = try Support.decodeFooter(Support.footer(of: v2File))
        var compressedFlags: [Bool] = []
        for column in v2.rowGroups[0].columns {
            let chunk = try XCTUnwrap(column.metaData)
            let headers = try pages(of: chunk, in: v2File).headers.filter { $0.type != .dictionaryPage }
            XCTAssertTrue(headers.allSatisfy { $0.type == .dataPageV2 && $0.dataPageHeaderV2 != nil })
            XCTAssertEqual(headers.reduce(0) { $0 + Int($1.dataPageHeaderV2?.numRows ?? 0) }, 6)
            // pyarrow stores a V2 page uncompressed (is_compressed = false) when zstd does not help.
            XCTAssertTrue(headers.allSatisfy {
                $0.dataPageHeaderV2?.isCompressed == true || $0.compressedPageSize == $0.uncompressedPageSize
            })
            compressedFlags += headers.compactMap { $0.dataPageHeaderV2?.isCompressed }
        }
        XCTAssertEqual(Set(compressedFlags), [true, false])
        let tags = try XCTUnwrap(v2.rowGroups[0].columns[5].metaData)
        let tagsPage = try XCTUnwrap(pages(of: tags, in: v2File).headers.last?.dataPageHeaderV2)
        XCTAssertEqual(tagsPage.numValues, 9)
        XCTAssertEqual(tagsPage.numNulls, 2)  // the empty and the null list
        XCTAssertGreaterThan(tagsPage.repetitionLevelsByteLength, 0)
    }

    func testTruncatedPageHeaderThrows() throws {
        let file = try Support.fixture("pyarrow_v1.parquet")
        // The data page header of column "id" starts at byte 46 and is 63 bytes long.
        let header = Array(file[46..<(46 + 30)])
        Support.assertCorrupt("exceeds the 2 bytes left in the page header (in Statistics at byte 28") {
            try header.withUnsafeBytes { try PageHeader.decode(thrift: $0) }
        }
    }
}
