import LodeCore
import LodePlan

/// A compiled expression evaluated a batch at a time.
///
/// Columns are read by position in the input batch. Evaluation of a row that raises an
/// error (division by zero, a bad cast) throws ``ExecutionError``; `TRY_CAST` and
/// functions documented as NULL-on-error return NULL instead.
public protocol PhysicalExpression: Sendable, CustomStringConvertible {
    var type: DataType { get }
    /// One value per row of `batch`, `batch.count` long.
    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray
}

/// Where each plan column sits in an operator's input batch.
public struct ColumnLayout: Sendable {
    public var positions: [ColumnID: Int]

    public init(_ columns: [PlanColumn]) {
        var positions: [ColumnID: Int] = [:]
        for (i, c) in columns.enumerated() where positions[c.id] == nil { positions[c.id] = i }
        self.positions = positions
    }

    public subscript(id: ColumnID) -> Int? { positions[id] }
}

/// Reads column `index` of the input.
public struct ColumnExpression: PhysicalExpression {
    public let index: Int
    public let type: DataType

    public init(index: Int, type: DataType) {
        self.index = index
        self.type = type
    }

    public func evaluate(_ batch: RecordBatch) throws -> any ColumnArray { batch.columns[index] }

    public var description: String { "#\(index)" }
}
