import LodeCore

extension CSVReader {
    /// Tokenizes up to a batch of rows, decodes them column by column, and sets the
    /// bad ones aside. The batch may be empty when every row in it was bad.
    func readBatch() throws -> RecordBatch {
        window.discard(upTo: self.position)
        rows.removeAll()
        var position = 0, line = self.line
        defer {
            self.position = position
            self.line = line
        }
        var badRows: [BadRow] = []
        let columnCount = schema.count
        tokenizing: while rows.count < options.batchSize {
            let outcome = tokenizer.tokenizeRow(window.base, count: window.count, from: position,
                                                atEndOfInput: window.isExhausted,
                                                skipEmptyLines: options.skipEmptyLines, into: rows)
            switch outcome {
            case .row(let end, let next, let lines):
                let found = rows.fieldCount - rows.count * columnCount
                if found == columnCount {
                    rows.appendRow(start: position, end: end, line: line)
                } else {
                    rows.truncateFields(to: rows.count * columnCount)
                    badRows.append(badRow(from: position, to: end, line: line, column: nil,
                                          reason: "expected \(columnCount) fields, found \(found)"))
                }
                line += lines
                position = next
                if let first = rows.rowStarts.first, position - first >= CSVReader.maxBatchBytes { break tokenizing }
            case .blank(let next):
                line += 1
                position = next
            case .malformed(let reason, let end, let next, let lines):
                badRows.append(badRow(from: position, to: end, line: line, column: nil, reason: reason))
                line += lines
                position = next
            case .needMore:
                if window.count - position >= options.maxRowBytes {
                    if rows.count > 0 || !badRows.isEmpty { break tokenizing }
                    (self.position, self.line) = (position, line)
                    badRows.append(try skipOverlongRow())
                    (position, line) = (self.position, self.line)
                } else {
                    try window.fill()
                }
            case .finished:
                isFinished = true
                break tokenizing
            }
        }

        var failures: [CellFailure] = []
        var columns: [any ColumnArray] = []
        if rows.count > 0 {
            let rawStart = rows.rowStarts[0], rawEnd = rows.rowEnds[rows.count - 1]
            let knownValid = isValidUTF8(ByteSpan(start: window.base + rawStart, count: rawEnd - rawStart))
            columns = decoder.decode(rows, window.base, knownValidUTF8: knownValid, failures: &failures)
        } else {
            columns = RecordBatch.empty(schema).columns
        }
        var dropped: [Int] = []
        if !failures.isEmpty {
            failures.sort { ($0.row, $0.column) < ($1.row, $1.column) }
            for failure in failures where dropped.last != failure.row {
                dropped.append(failure.row)
                let r = failure.row
                badRows.append(badRow(from: rows.rowStarts[r], to: rows.rowEnds[r], line: rows.rowLines[r],
                                      column: schema.fields[failure.column].name, reason: failure.reason))
            }
            columns = columns.map { droppingRows($0, dropped) }
        }
        if !badRows.isEmpty {
            badRows.sort { $0.line < $1.line }
            for row in badRows { try log.record(row) }
        }
        return try RecordBatch(schema: schema, columns: columns)
    }

    private func badRow(from start: Int, to end: Int, line: Int, column: String?, reason: String) -> BadRow {
        let raw = Array(UnsafeBufferPointer(start: window.base + start, count: max(end - start, 0)))
        return BadRow(file: window.path, line: line, column: column, reason: reason, raw: raw)
    }

    /// Sets aside a row that grew past ``CSVReadOptions/maxRowBytes``: its first
    /// physical line (cut at the limit) is the bad row and reading resumes on the next.
    private func skipOverlongRow() throws -> BadRow {
        let startLine = line
        var raw: [UInt8] = []
        let limit = options.maxRowBytes
        while true {
            if let (end, next) = tokenizer.lineEnd(window.base, count: window.count, from: position,
                                                   atEndOfInput: window.isExhausted) {
                let take = max(0, min(end - position, limit - raw.count))
                raw.append(contentsOf: UnsafeBufferPointer(start: window.base + position, count: take))
                position = next
                line += 1
                break
            }
            let take = max(0, min(window.count - position, limit - raw.count))
            raw.append(contentsOf: UnsafeBufferPointer(start: window.base + position, count: take))
            window.discard(upTo: window.count)
            position = 0
            try window.fill()
        }
        return BadRow(file: window.path, line: startLine, column: nil,
                      reason: "row is longer than \(limit) bytes (an unterminated quote?); kept its first line",
                      raw: raw)
    }
}
