import LodeCore
import LodeSQL

/// Turns a parsed ``LodeSQL/Query`` into a ``LogicalPlan``: resolves table, column and
/// function names, types every expression with DuckDB's implicit casts, and lays out
/// `FROM` → `WHERE` → `GROUP BY` → `HAVING` → windows → `QUALIFY` → `SELECT` →
/// `DISTINCT` → `ORDER BY` → `LIMIT`.
///
/// ```swift
/// let plan = try Binder(catalog: catalog).bind(query)
/// plan.schema  // the result columns as a user sees them
/// ```
/// Unknown or ambiguous names throw ``PlanError`` of kind `.binding`, mismatched types
/// `.type`, both with the position of the offending name when known.
public struct Binder {
    let catalog: any Catalog
    let ids: ColumnIDGenerator
    var functions: FunctionLookup = .registry
    /// The views being bound, innermost last: a view reading itself is an error.
    let viewsBeingBound = ViewNesting()

    public init(catalog: any Catalog, ids: ColumnIDGenerator = ColumnIDGenerator()) {
        self.catalog = catalog
        self.ids = ids
    }

    /// Binds a query; the output columns are named as a user sees them (alias, column
    /// name, or the expression's text such as `sum(l_quantity)`).
    public func bind(_ query: Query) throws -> LogicalPlan {
        try bindQuery(query, parent: nil).plan
    }

    /// Binds a scalar expression over given columns (used for UPDATE SET, MERGE conditions,
    /// expectations). Aggregates and window functions are not allowed; subqueries are.
    public func bindExpression(_ expression: Expression, over columns: [PlanColumn]) throws -> BoundExpression {
        let frame = BindFrame(scope: BindScope(columns: columns, qualifier: nil), parent: nil)
        return try bind(expression, ExpressionContext(frame: frame, clause: "this expression"))
    }

    /// Binds a scalar expression over the columns of named tables, so that qualified
    /// names resolve (`target.id = source.id` in MERGE); a bare name must be unambiguous.
    public func bindExpression(_ expression: Expression, over tables: [(name: String, columns: [PlanColumn])]) throws -> BoundExpression {
        var scope = BindScope()
        for table in tables { scope.entries += BindScope(columns: table.columns, qualifier: table.name.lowercased()).entries }
        let frame = BindFrame(scope: scope, parent: nil)
        return try bind(expression, ExpressionContext(frame: frame, clause: "this expression"))
    }

    /// A fresh column for a new value.
    func newColumn(_ name: String, _ type: DataType) -> PlanColumn {
        PlanColumn(id: ids.next(), name: name, type: type)
    }
}

/// The names of the views a binder is inside of.
final class ViewNesting {
    private var names: [String] = []

    func contains(_ name: String) -> Bool { names.contains(name) }
    func insert(_ name: String) { names.append(name) }
    func remove(_ name: String) { names.removeAll { $0 == name } }
}
