import LodeCore

/// A cheap fingerprint of one column across batches: its null count and one sum
/// over its valid slots.
///
/// The sum is the wrapping `Int64` sum for integers, dates and timestamps, the
/// `Double` sum for floats, the count of `true` for booleans and the total byte
/// length for strings and binaries — the same figures the Python harness computes
/// with pyarrow, so the two can be compared.
struct ColumnChecksum {
    var name: String
    var nulls: Int
    var integerSum: Int64?
    var floatSum: Double?

    var json: String {
        let sum = integerSum.map { "\($0)" } ?? floatSum.map { $0.isFinite ? "\($0)" : "null" } ?? "null"
        return "{\"name\": \"\(name)\", \"nulls\": \(nulls), \"sum\": \(sum)}"
    }

    static func of(_ batches: [RecordBatch], schema: Schema) -> [ColumnChecksum] {
        schema.fields.indices.map { column in
            var checksum = ColumnChecksum(name: schema.fields[column].name, nulls: 0)
            for batch in batches { checksum.add(batch.columns[column]) }
            return checksum
        }
    }

    private mutating func add(_ array: any ColumnArray) {
        nulls += array.nullCount
        switch array {
        case let array as PrimitiveArray<Int8>: addIntegers(array.storage, array.validity)
        case let array as PrimitiveArray<Int16>: addIntegers(array.storage, array.validity)
        case let array as PrimitiveArray<Int32>: addIntegers(array.storage, array.validity)
        case let array as PrimitiveArray<Int64>: addIntegers(array.storage, array.validity)
        case let array as PrimitiveArray<Float>: addFloats(array.storage, array.validity)
        case let array as PrimitiveArray<Double>: addFloats(array.storage, array.validity)
        case let array as BooleanArray:
            var trues: Int64 = 0
            for i in 0..<array.count where array.storage[i] && !array.isNull(i) { trues += 1 }
            integerSum = (integerSum ?? 0) &+ trues
        case let array as BinaryArray:
            var length: Int64 = 0
            for i in 0..<array.count where !array.isNull(i) { length += Int64(array.length(at: i)) }
            integerSum = (integerSum ?? 0) &+ length
        default:
            break
        }
    }

    private mutating func addIntegers<T: FixedWidthInteger>(_ values: [T], _ validity: Bitmap?) {
        var sum = integerSum ?? 0
        for i in values.indices where validity?[i] ?? true { sum &+= Int64(values[i]) }
        integerSum = sum
    }

    private mutating func addFloats<T: BinaryFloatingPoint>(_ values: [T], _ validity: Bitmap?) {
        var sum = floatSum ?? 0
        for i in values.indices where validity?[i] ?? true { sum += Double(values[i]) }
        floatSum = sum
    }
}
