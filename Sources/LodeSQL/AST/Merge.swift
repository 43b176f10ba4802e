/// `MERGE INTO target [AS alias] USING source ON condition WHEN ... THEN ...`.
public struct Merge: Hashable, Sendable {
    public var target: QualifiedName
    public var targetAlias: Identifier?
    public var source: TableReference
    public var condition: Expression
    public var clauses: [MergeClause]

    public init(target: QualifiedName, targetAlias: Identifier? = nil, source: TableReference, condition: Expression, clauses: [MergeClause]) {
        self.target = target
        self.targetAlias = targetAlias
        self.source = source
        self.condition = condition
        self.clauses = clauses
    }
}

/// One `WHEN [NOT] MATCHED [BY SOURCE] [AND condition] THEN action` arm.
public struct MergeClause: Hashable, Sendable {
    public enum Match: Hashable, Sendable {
        /// `WHEN MATCHED`.
        case matched
        /// `WHEN NOT MATCHED [BY TARGET]`: source rows without a target row.
        case notMatched
        /// `WHEN NOT MATCHED BY SOURCE`: target rows without a source row.
        case notMatchedBySource
    }

    public enum Action: Hashable, Sendable {
        /// `UPDATE SET column = value, ...`.
        case update([Assignment])
        /// `UPDATE SET *`.
        case updateAll
        case delete
        /// `INSERT [(columns)] VALUES (values)`.
        case insert(columns: [Identifier], values: [Expression])
        /// `INSERT *`.
        case insertAll
        /// `DO NOTHING`.
        case doNothing
    }

    public var match: Match
    public var condition: Expression?
    public var action: Action

    public init(match: Match, condition: Expression? = nil, action: Action) {
        self.match = match
        self.condition = condition
        self.action = action
    }
}
