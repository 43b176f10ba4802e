import LodeCore
import LodeExecution
import LodePlan
import LodeSQL

/// A query planned and ready to run: its optimized logical plan and physical operators.
struct PreparedQuery {
    var logical: LogicalPlan
    var physical: any PhysicalOperator
    var context: ExecutionContext

    var schema: Schema { logical.schema }

    /// Runs the operators to the end.
    func collect() throws -> QueryResult {
        QueryResult(schema: schema, batches: try context.collect(physical))
    }
}

extension Session {
    /// A fresh execution context with the session's options.
    func makeContext() -> ExecutionContext {
        ExecutionContext(threads: options.threads, batchSize: options.batchSize, memoryLimit: options.memoryLimit)
    }

    /// The catalog queries bind against, with `tables` visible as one-part names over the lake's.
    func bindingCatalog(_ tables: [String: any TableSource]) -> any Catalog {
        tables.isEmpty ? catalog : ScopedCatalog(base: catalog, tables: tables)
    }

    /// Binds `query`; `shape` may wrap the bound plan (casts to a table's types) before optimizing.
    func prepare(_ query: Query, tables: [String: any TableSource] = [:],
                 shape: (LogicalPlan, ColumnIDGenerator) throws -> LogicalPlan = { plan, _ in plan }) throws -> PreparedQuery {
        let ids = ColumnIDGenerator()
        let bound = try Binder(catalog: bindingCatalog(tables), ids: ids).bind(query)
        let shaped = try shape(bound, ids)
        let optimized = try Optimizer().optimize(shaped, context: OptimizerContext(ids: ids, evaluator: ExecutionConstantEvaluator()))
        let context = makeContext()
        let physical = try PhysicalPlanner(context: context).plan(optimized)
        return PreparedQuery(logical: optimized, physical: physical, context: context)
    }

    /// The output columns of `query` as bound, without running it.
    func boundColumns(_ query: Query, tables: [String: any TableSource] = [:]) throws -> [PlanColumn] {
        try Binder(catalog: bindingCatalog(tables), ids: ColumnIDGenerator()).bind(query).columns
    }

    func runQuery(_ query: Query, tables: [String: any TableSource] = [:]) throws -> QueryResult {
        try prepare(query, tables: tables).collect()
    }
}

extension LogicalPlan {
    /// This plan's columns cast to `fields`' types (by position) and named after them.
    /// A `nil` source fills the field with NULL.
    func casting(_ sources: [Int?], to fields: [Field], ids: ColumnIDGenerator) -> LogicalPlan {
        let input = columns
        var expressions: [BoundExpression] = []
        var output: [PlanColumn] = []
        for (source, field) in zip(sources, fields) {
            if let source {
                let column = input[source]
                let reference = BoundExpression.column(column.id, column.type)
                expressions.append(column.type == field.type ? reference : .cast(reference, to: field.type, isTry: false))
            } else {
                expressions.append(.literal(.null, field.type))
            }
            output.append(PlanColumn(id: ids.next(), name: field.name, type: field.type, nullable: true))
        }
        return .project(Project(input: self, expressions: expressions, columns: output))
    }
}
