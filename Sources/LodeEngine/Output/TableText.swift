import LodeCore

/// DuckDB's box table: names and types centered in the header, numbers right-aligned,
/// everything else left-aligned, NULL written out.
///
/// ```
/// ┌───────┬─────────┐
/// │   a   │    b    │
/// │ int32 │ varchar │
/// ├───────┼─────────┤
/// │     1 │ x       │
/// │  NULL │ NULL    │
/// └───────┴─────────┘
/// ```
struct TableText {
    let result: QueryResult
    let maxRows: Int?

    func render() -> String {
        let fields = result.schema.fields
        guard !fields.isEmpty else { return result.rowCount == 0 ? "" : "\(result.rowCount) rows\n" }
        let total = result.rowCount
        let (head, tail) = shownRows(total: total)
        var cells: [[String]] = []
        cells.reserveCapacity(head.count + tail.count)
        var position = 0
        for batch in result.batches {
            let range = position..<(position + batch.count)
            position += batch.count
            for row in range where head.contains(row) || tail.contains(row) {
                cells.append(fields.indices.map { ValueDisplay.text(batch.columns[$0].value(at: row - range.lowerBound), fields[$0].type) })
            }
        }
        let types = fields.map { ValueDisplay.typeName($0.type) }
        let rightAligned = fields.map { $0.type.isNumeric }
        let truncated = head.count + tail.count < total
        var widths = fields.indices.map { max(fields[$0].name.count, types[$0].count) }
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        if truncated { widths = widths.map { max($0, 1) } }

        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
        }
        func line(_ texts: [String], align: (Int) -> Alignment) -> String {
            "│" + texts.enumerated().map { " " + pad($1, to: widths[$0], align($0)) + " " }.joined(separator: "│") + "│\n"
        }
        var out = rule("┌", "┬", "┐")
        out += line(fields.map(\.name)) { _ in .center }
        out += line(types) { _ in .center }
        if cells.isEmpty { return out + rule("└", "┴", "┘") }
        out += rule("├", "┼", "┤")
        let alignment: (Int) -> Alignment = { rightAligned[$0] ? .right : .left }
        for (index, row) in cells.enumerated() {
            if truncated && index == head.count {
                for _ in 0..<3 { out += line(Array(repeating: "·", count: fields.count)) { _ in .center } }
            }
            out += line(row, align: alignment)
        }
        out += rule("└", "┴", "┘")
        if truncated { out += "\(total) rows (\(head.count + tail.count) shown)\n" }
        return out
    }

    /// The row numbers shown: all, or the first and last halves of ``maxRows``.
    private func shownRows(total: Int) -> (Range<Int>, Range<Int>) {
        guard let maxRows, total > maxRows else { return (0..<total, total..<total) }
        let first = (maxRows + 1) / 2
        return (0..<first, (total - (maxRows - first))..<total)
    }

    enum Alignment { case left, right, center }

    private func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
        let gap = max(0, width - text.count)
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }
}
