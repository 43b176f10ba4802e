import LodeCore
import LodeSQL

/// The window function calls of one `SELECT` and its named `WINDOW` clauses.
final class WindowState {
    let namedWindows: [NamedWindow]
    private(set) var calls: [WindowCall] = []
    private(set) var columns: [PlanColumn] = []
    private let ids: ColumnIDGenerator

    init(namedWindows: [NamedWindow], ids: ColumnIDGenerator) {
        self.namedWindows = namedWindows
        self.ids = ids
    }

    /// The column holding a window call's value, adding the call when new.
    func add(_ call: WindowCall, name: String) -> BoundExpression {
        if let index = calls.firstIndex(of: call) { return .column(columns[index].id, call.type) }
        let column = PlanColumn(id: ids.next(), name: name, type: call.type)
        calls.append(call)
        columns.append(column)
        return .column(column.id, call.type)
    }

    /// The window node over `input`, or `input` when there are no window calls.
    func plan(over input: LogicalPlan) -> LogicalPlan {
        calls.isEmpty ? input : .window(Window(input: input, functions: calls, columns: columns))
    }
}

extension Binder {
    /// Binds `f(...) OVER (...)` and returns the column of its value.
    func bindWindowFunction(_ function: FunctionCall, name: String, _ context: ExpressionContext) throws -> BoundExpression {
        let location = function.name.base?.location
        guard let windows = context.windows, !context.insideWindow, !context.insideAggregate else {
            let place = context.insideWindow ? "window function arguments" : context.insideAggregate ? "aggregate function arguments" : context.clause
            throw PlanError(.binding, "window functions are not allowed in \(place)", at: location)
        }
        let specification = try resolveWindow(function.window ?? WindowSpecification(), windows.namedWindows)
        var inner = context
        inner.windows = nil
        inner.insideWindow = true
        inner.clause = "window function arguments"
        let finalize: (BoundExpression) throws -> BoundExpression = { value in
            try context.aggregation?.finalize(value, location: location) ?? value
        }
        let (resolved, args) = try aggregateSignature(function, name: name, inner, window: true)
        let filter = try function.filter.map { try finalize(try requireBoolean(try bind($0, inner), "FILTER")) }
        let partitionBy = try specification.partitionBy.map { try finalize(try bind($0, inner)) }
        var orderBy = try specification.orderBy.map { try sortKey($0, inner) }
        orderBy = try orderBy.map { SortKey(try finalize($0.expression), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
        let frame = try bindFrame(specification.frame, hasOrder: !orderBy.isEmpty, inner)
        let call = WindowCall(name: resolved.name, arguments: try args.map(finalize), isDistinct: function.isDistinct,
                              filter: filter, partitionBy: partitionBy, orderBy: orderBy, frame: frame,
                              type: resolved.returnType)
        return windows.add(call, name: Expression.function(function).displayName)
    }

    /// A sort key with DuckDB's defaults: ascending, nulls last.
    func sortKey(_ item: OrderItem, _ context: ExpressionContext) throws -> SortKey {
        SortKey(try bind(item.expression, context), ascending: item.ascending ?? true, nullsFirst: item.nullsFirst ?? false)
    }

    /// Merges `OVER (w ...)` with the named window `w`.
    private func resolveWindow(_ specification: WindowSpecification, _ named: [NamedWindow], depth: Int = 0) throws -> WindowSpecification {
        guard let baseName = specification.baseName else { return specification }
        guard depth < 32, let base = named.first(where: { $0.name.name == baseName.name }) else {
            throw PlanError(.binding, "window \"\(baseName.spelling)\" is not defined", at: baseName.location)
        }
        var resolved = try resolveWindow(base.specification, named, depth: depth + 1)
        if !specification.partitionBy.isEmpty {
            guard resolved.partitionBy.isEmpty else {
                throw PlanError(.binding, "cannot override the PARTITION BY of window \"\(baseName.spelling)\"", at: baseName.location)
            }
            resolved.partitionBy = specification.partitionBy
        }
        if !specification.orderBy.isEmpty {
            guard resolved.orderBy.isEmpty else {
                throw PlanError(.binding, "cannot override the ORDER BY of window \"\(baseName.spelling)\"", at: baseName.location)
            }
            resolved.orderBy = specification.orderBy
        }
        if let frame = specification.frame { resolved.frame = frame }
        resolved.baseName = nil
        return resolved
    }

    /// The frame with SQL's defaults; offsets must be non-negative constants.
    private func bindFrame(_ frame: WindowFrame?, hasOrder: Bool, _ context: ExpressionContext) throws -> WindowFrameSpec {
        guard let frame else { return hasOrder ? .runningRange : .entirePartition }
        let unit: WindowFrameSpec.Unit
        switch frame.unit {
        case .rows: unit = .rows
        case .range: unit = .range
        case .groups: unit = .groups
        }
        let start = try bindBound(frame.start, unit, context)
        let end = try frame.end.map { try bindBound($0, unit, context) } ?? .currentRow
        if case .unboundedFollowing = start { throw PlanError(.binding, "a window frame cannot start at UNBOUNDED FOLLOWING") }
        if case .unboundedPreceding = end { throw PlanError(.binding, "a window frame cannot end at UNBOUNDED PRECEDING") }
        if unit == .groups, !hasOrder { throw PlanError(.binding, "a GROUPS frame needs ORDER BY") }
        return WindowFrameSpec(unit: unit, start: start, end: end)
    }

    private func bindBound(_ bound: WindowFrame.Bound, _ unit: WindowFrameSpec.Unit, _ context: ExpressionContext) throws -> WindowFrameSpec.Bound {
        switch bound {
        case .unboundedPreceding: return .unboundedPreceding
        case .unboundedFollowing: return .unboundedFollowing
        case .currentRow: return .currentRow
        case .preceding(let offset): return .preceding(try frameOffset(offset, unit, context))
        case .following(let offset): return .following(try frameOffset(offset, unit, context))
        }
    }

    private func frameOffset(_ offset: Expression, _ unit: WindowFrameSpec.Unit, _ context: ExpressionContext) throws -> Value {
        guard case .literal(let value, let type) = try bind(offset, context), !value.isNull else {
            throw PlanError(.binding, "a window frame offset must be a constant, not \(offset.sql)")
        }
        if unit != .range {
            guard type.isInteger, case .int(let n) = value, n >= 0 else {
                throw PlanError(.binding, "a \(unit.rawValue.uppercased()) frame offset must be a non-negative integer, not \(offset.sql)")
            }
        }
        switch value {
        case .int(let n) where n < 0: throw PlanError(.binding, "a window frame offset cannot be negative")
        case .double(let d) where d < 0: throw PlanError(.binding, "a window frame offset cannot be negative")
        case .decimal(let d) where d.unscaled < 0: throw PlanError(.binding, "a window frame offset cannot be negative")
        default: return value
        }
    }
}
