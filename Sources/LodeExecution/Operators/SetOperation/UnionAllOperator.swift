import LodeCore

/// `UNION ALL`: the partitions of every input, one after the other, under one schema.
public final class UnionAllOperator: PhysicalOperator {
    public let schema: Schema
    let inputs: [any PhysicalOperator]

    /// Concatenates the inputs' partitions, renaming their columns to `schema`.
    public init(inputs: [any PhysicalOperator], schema: Schema) {
        self.inputs = inputs
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { inputs }
    public var partitionCount: Int { inputs.reduce(0) { $0 + $1.partitionCount } }
    public var name: String { "UnionAll" }
    public var details: String { "" }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        var local = partition
        for input in inputs {
            if local < input.partitionCount {
                let stream = try input.execute(partition: local, context: context)
                return ClosureBatchStream(schema: schema) { [schema] in try stream.next()?.renamed(schema) }
            }
            local -= input.partitionCount
        }
        throw ExecutionError(.internal, "UnionAll has \(partitionCount) partitions, not \(partition + 1)")
    }
}
