import LodeCore

/// Keeps the rows whose predicate is TRUE; partitions pass through.
public final class FilterOperator: PhysicalOperator {
    public let input: any PhysicalOperator
    public let predicate: any PhysicalExpression

    public init(input: any PhysicalOperator, predicate: any PhysicalExpression) {
        self.input = input
        self.predicate = predicate
    }

    public var schema: Schema { input.schema }
    public var children: [any PhysicalOperator] { [input] }
    public var partitionCount: Int { input.partitionCount }
    public var name: String { "Filter" }
    public var details: String { predicate.description }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let stream = try input.execute(partition: partition, context: context)
        let predicate = self.predicate
        return ClosureBatchStream(schema: schema) {
            while let batch = try stream.next() {
                let kept = try filterRows(batch, by: predicate)
                if kept.count > 0 { return kept }
            }
            return nil
        }
    }
}
