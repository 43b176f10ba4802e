import Foundation
import LodeCore
import LodeStorage
import XCTest
@testable import LodeDelta

/// A fresh folder under the temporary directory, removed when the test ends.
func temporaryTableFolder(_ test: XCTestCase, file: StaticString = #filePath) -> String {
    let path = NSTemporaryDirectory() + "lode-delta-ops-" + UUID().uuidString.lowercased()
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// A batch of `id BIGINT, region VARCHAR, amount DOUBLE` rows.
func salesBatch(ids: [Int64], regions: [String?], amounts: [Double?]? = nil) -> RecordBatch {
    let schema = Schema([Field("id", .int64), Field("region", .string), Field("amount", .float64)])
    let amounts = amounts ?? ids.map { Double($0) * 1.5 }
    return try! RecordBatch(schema: schema, columns: [
        PrimitiveArray<Int64>(.int64, ids.map { Optional($0) }),
        BinaryArray(strings: regions),
        PrimitiveArray<Double>(.float64, amounts),
    ])
}

/// The JSON objects of every line of commit `version`.
func commitLines(_ folder: String, _ version: Int64) throws -> [JSONValue] {
    let path = folder + "/_delta_log/" + String(format: "%020lld", version) + ".json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
}
