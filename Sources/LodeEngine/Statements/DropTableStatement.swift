import Foundation
import LodeSQL

extension Session {
    /// `DROP TABLE [IF EXISTS] layer.t, …`: removes each table's folder with its data
    /// and history. This cannot be undone: unlike DELETE, no earlier version remains.
    func dropTable(_ drop: DropTable) throws -> QueryResult {
        let tables = try drop.names.map { try lakeTable($0) }
        for table in tables where try !table.exists() && !drop.ifExists {
            throw EngineError(.invalidArgument, "table \(table.name) does not exist")
        }
        var dropped = 0
        for table in tables where try table.exists() {
            do {
                try FileManager.default.removeItem(atPath: table.path)
            } catch {
                throw EngineError(.io, "cannot remove \(table.path): \(error.localizedDescription)")
            }
            dropped += 1
        }
        return .count(dropped)
    }
}
