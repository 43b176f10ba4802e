/// LodePlan turns a parsed statement into an optimized logical plan.
///
/// The ``Binder`` resolves names against a ``Catalog`` and types every expression
/// (``BoundExpression``), producing a ``LogicalPlan`` whose columns are identified by
/// ``ColumnID``s rather than positions, so that rules can move operators around without
/// renumbering. The ``Optimizer`` applies one ``OptimizerRule`` per file. The
/// ``FunctionRegistry`` knows every function's name, signatures and result type.
///
/// This layer never reads data or executes anything: tables are opaque ``TableSource``s,
/// and running a plan belongs to LodeExecution.
public enum LodePlan {}
