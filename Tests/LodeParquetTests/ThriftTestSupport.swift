import Foundation
import XCTest
@testable import LodeParquet

/// Shared plumbing for the Thrift codec tests: fixture files, footers, round trips.
enum ThriftTestSupport {
    static let fixtureDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/parquet/thrift")

    /// The bytes of a fixture file in `Tests/Fixtures/parquet/thrift`.
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtureDirectory.appendingPathComponent(name)))
    }

    /// The footer of a Parquet file: the bytes before the trailing LE u32 length and "PAR1".
    static func footer(of file: [UInt8]) throws -> [UInt8] {
        let magic: [UInt8] = Array("PAR1".utf8)
        guard file.count >= 12, Array(file.suffix(4)) == magic, Array(file.prefix(4)) == magic else {
            throw ParquetError(.notParquet, "missing PAR1 magic")
        }
        let lengthStart = file.count - 8
        let length = Int(file[lengthStart]) | Int(file[lengthStart + 1]) << 8
            | Int(file[lengthStart + 2]) << 16 | Int(file[lengthStart + 3]) << 24
        guard length <= lengthStart - 4 else { throw ParquetError(.notParquet, "footer length \(length) too large") }
        return Array(file[(lengthStart - length)..<lengthStart])
    }

    static func decodeFooter(_ bytes: [UInt8]) throws -> FileMetaData {
        try bytes.withUnsafeBytes { try FileMetaData(thrift: $0) }
    }

    /// The decoded footer of a fixture file.
    static func fixtureFooter(_ name: String) throws -> FileMetaData {
        try decodeFooter(footer(of: fixture(name)))
    }

    static func encode<T: ThriftEncodable>(_ value: T) -> [UInt8] {
        var writer = ThriftCompactWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    /// Decodes `bytes` as a `T`, requiring that every byte is consumed.
    static func decode<T: ThriftDecodable>(_ type: T.Type, from bytes: [UInt8],
                                           file: StaticString = #filePath, line: UInt = #line) throws -> T {
        try bytes.withUnsafeBytes { raw in
            var reader = ThriftCompactReader(raw, subject: "footer")
            let value = try T(thrift: &reader)
            XCTAssertEqual(reader.position, raw.count, "bytes left after decoding \(T.self)", file: file, line: line)
            return value
        }
    }

    /// Encodes then decodes `value`, asserting the result is equal.
    static func assertRoundTrip<T: ThriftCodable & Equatable>(_ value: T,
                                                               file: StaticString = #filePath, line: UInt = #line) {
        let bytes = encode(value)
        do {
            let decoded = try decode(T.self, from: bytes, file: file, line: line)
            XCTAssertEqual(decoded, value, file: file, line: line)
        } catch {
            XCTFail("\(T.self) did not decode: \(error)", file: file, line: line)
        }
    }

    /// Runs `body` over a reader on `bytes`.
    static func read<R>(_ bytes: [UInt8], _ body: (inout ThriftCompactReader) throws -> R) throws -> R {
        try bytes.withUnsafeBytes { raw in
            var reader = ThriftCompactReader(raw, subject: "footer")
            return try body(&reader)
        }
    }

    /// Asserts that `body` throws a corrupt-metadata ParquetError whose message contains `fragment`.
    static func assertCorrupt<R>(_ fragment: String, file: StaticString = #filePath, line: UInt = #line,
                                 _ body: () throws -> R) {
        do {
            _ = try body()
            XCTFail("expected an error containing '\(fragment)'", file: file, line: line)
        } catch let error as ParquetError {
            XCTAssertEqual(error.kind, .corruptMetadata, file: file, line: line)
            XCTAssertTrue(error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'",
                          file: file, line: line)
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }
}
