import Foundation
import LodeCore
import XCTest
@testable import LodeParquet

/// Column projection reads only the selected columns' chunks, one read each.
final class ReaderProjectionTests: XCTestCase {
    /// An in-memory input that records every read.
    final class RecordingInput: ParquetInput, @unchecked Sendable {
        let inner: ParquetMemoryInput
        private let lock = NSLock()
        private(set) var reads: [Range<Int>] = []

        init(_ bytes: [UInt8]) { inner = ParquetMemoryInput(bytes) }
        var size: Int { inner.size }

        func read(offset: Int, length: Int) throws -> [UInt8] {
            lock.lock()
            reads.append(offset..<(offset + length))
            lock.unlock()
            return try inner.read(offset: offset, length: length)
        }
    }

    func testOnlySelectedChunksAreRead() throws {
        let path = ReaderFixtureTests.directory.appendingPathComponent("pyarrow_nested_v1_snappy.parquet").path
        let input = RecordingInput(try Array(Data(contentsOf: URL(fileURLWithPath: path))))
        let reader = try ParquetReader(input: input, name: "nested.parquet")
        let footerReads = input.reads.count
        let lst = try XCTUnwrap(reader.schema.index(of: "lst"))
        let m = try XCTUnwrap(reader.schema.index(of: "m"))
        let batch = try reader.readRowGroup(0, columns: [m, lst])
        XCTAssertEqual(batch.schema.names, ["m", "lst"])
        // lst has two leaves (x, y.element), m two (key, value): four chunk reads.
        let chunkReads = Array(input.reads[footerReads...])
        XCTAssertEqual(chunkReads.count, 4)
        let expected = Set(reader.metadata.rowGroups[0].columns.filter {
            let path = $0.metaData?.pathInSchema.first
            return path == "lst" || path == "m"
        }.map { chunk -> Range<Int> in
            let meta = chunk.metaData!
            let start = Int(min(meta.dictionaryPageOffset.map { $0 > 0 ? $0 : meta.dataPageOffset } ?? meta.dataPageOffset,
                                meta.dataPageOffset))
            return start..<(start + Int(meta.totalCompressedSize))
        })
        XCTAssertEqual(Set(chunkReads), expected)
        XCTAssertThrowsError(try reader.readRowGroup(0, columns: [99]))
        XCTAssertThrowsError(try reader.readRowGroup(5))
    }

    func testConcurrentReadsOfOneReader() throws {
        let reader = try ParquetReader(path: ReaderFixtureTests.directory.appendingPathComponent("pyarrow_pruning.parquet").path)
        let expected = try (0..<reader.rowGroupCount).map { try reader.readRowGroup($0).columns[0].values }
        var results = [[Value]](repeating: [], count: reader.rowGroupCount)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: reader.rowGroupCount) { index in
            let values = (try? reader.readRowGroup(index).columns[0].values) ?? []
            lock.lock()
            results[index] = values
            lock.unlock()
        }
        XCTAssertEqual(results, expected)
    }
}
