/// LodeExecution runs optimized logical plans over columnar batches.
///
/// ``PhysicalPlanner`` turns a `LogicalPlan` into a tree of ``PhysicalOperator``s whose
/// expressions are compiled to ``PhysicalExpression``s over column positions. Operators are
/// pull-based and partitioned: each exposes ``PhysicalOperator/partitionCount`` streams that
/// threads read side by side; blocking operators (hash join build, aggregate, sort) gather
/// their inputs' partitions in parallel through the ``ExecutionContext``. Memory held by
/// operators is accounted in a ``MemoryPool`` with a limit.
///
/// This layer knows nothing of files, Delta tables or SQL text: scans read from the
/// `TableSource`s the engine layer supplies.
public enum LodeExecution {}
