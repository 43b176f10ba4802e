import LodeCore

/// A batch-at-a-time implementation of one scalar function: its evaluated arguments and
/// the row count in, a `count`-row column out.
typealias Kernel = @Sendable (_ arguments: [Operand], _ count: Int) throws -> any ColumnArray

/// A scalar function or operator applied to compiled arguments through its kernel.
struct FunctionExpression: PhysicalExpression {
    let name: String
    let arguments: [any PhysicalExpression]
    let type: DataType
    let kernel: Kernel

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        var operands: [Operand] = []
        operands.reserveCapacity(arguments.count)
        for argument in arguments { operands.append(try argument.operand(batch)) }
        return try kernel(operands, batch.count)
    }

    var description: String {
        let infix: Set<String> = ["=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "//", "%", "||"]
        if infix.contains(name), arguments.count == 2 { return "(\(arguments[0]) \(name) \(arguments[1]))" }
        return "\(name)(\(arguments.map(\.description).joined(separator: ", ")))"
    }
}
