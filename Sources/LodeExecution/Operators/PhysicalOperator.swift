import LodeCore

/// A vectorized, partitioned query operator.
///
/// An operator produces ``partitionCount`` independent output streams. ``execute(partition:context:)``
/// is called once per partition, possibly from different threads at the same time, so an
/// operator keeps per-stream state in the stream it returns and shares only immutable or
/// lock-protected state (a join's build table, built once by whichever partition asks first).
/// Operators that need all of their input (sort, the final phase of an aggregate) read
/// every input partition through ``ExecutionContext/parallel(_:_:)`` and usually expose one
/// output partition.
public protocol PhysicalOperator: AnyObject, Sendable {
    /// The schema of every batch this operator returns.
    var schema: Schema { get }
    var children: [any PhysicalOperator] { get }
    /// The number of output streams.
    var partitionCount: Int { get }
    /// Opens output stream `partition` (in `0..<partitionCount`).
    func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream
    /// The operator's name in EXPLAIN: `HashJoin`, `Filter`.
    var name: String { get }
    /// Its arguments in EXPLAIN: `inner, #0 = #3`.
    var details: String { get }
}

extension PhysicalOperator {
    /// The indented operator tree, one operator a line.
    public func explain(indent: Int = 0) -> String {
        let head = String(repeating: "  ", count: indent) + name + (details.isEmpty ? "" : " [\(details)]")
        return ([head] + children.map { $0.explain(indent: indent + 1) }).joined(separator: "\n")
    }
}

/// A stream that produces batches from a closure; the building block of simple operators.
final class ClosureBatchStream: BatchStream {
    let schema: Schema
    private let produce: () throws -> RecordBatch?

    init(schema: Schema, _ produce: @escaping () throws -> RecordBatch?) {
        self.schema = schema
        self.produce = produce
    }

    func next() throws -> RecordBatch? { try produce() }
}
