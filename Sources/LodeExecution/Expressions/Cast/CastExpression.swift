import LodeCore

/// `CAST(x AS type)` and `TRY_CAST`: a failing row raises a conversion error, or becomes
/// NULL for `TRY_CAST`.
struct CastExpression: PhysicalExpression {
    let input: any PhysicalExpression
    let type: DataType
    let isTry: Bool

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let operand = try input.operand(batch)
        let converted = try Cast.apply(operand.array, to: type, isTry: isTry)
        return operand.isConstant ? broadcast(converted, count: batch.count) : converted
    }

    var description: String { "\(isTry ? "TRY_CAST" : "CAST")(\(input) AS \(type))" }
}
