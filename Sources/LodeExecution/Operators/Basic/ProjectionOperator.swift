import LodeCore

/// Computes one expression per output column; partitions pass through.
public final class ProjectionOperator: PhysicalOperator {
    public let input: any PhysicalOperator
    public let expressions: [any PhysicalExpression]
    public let schema: Schema

    public init(input: any PhysicalOperator, expressions: [any PhysicalExpression], schema: Schema) {
        self.input = input
        self.expressions = expressions
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [input] }
    public var partitionCount: Int { input.partitionCount }
    public var name: String { "Projection" }
    public var details: String { expressions.map(\.description).joined(separator: ", ") }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let stream = try input.execute(partition: partition, context: context)
        let expressions = self.expressions, schema = self.schema
        return ClosureBatchStream(schema: schema) {
            guard let batch = try stream.next() else { return nil }
            let columns = try expressions.map { try $0.evaluate(batch) }
            return try RecordBatch(schema: schema, columns: columns, count: batch.count)
        }
    }
}
