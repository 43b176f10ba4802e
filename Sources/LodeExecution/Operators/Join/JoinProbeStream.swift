import LodeCore
import LodePlan

/// Joins the batches of one left stream with the build side, for every ``JoinKind``.
///
/// A ``JoinPairSource`` proposes pairs; the condition (a hash join's residual, a nested
/// loop join's whole condition) is evaluated over the left columns followed by the build
/// columns of each chunk of at most `batchSize` pairs. Per left row the stream counts true
/// matches and notes NULL results, and once a batch is done emits what its kind asks for:
/// the unmatched left rows of left, full and single joins, the rows of semi and anti
/// joins, the mark. The stream that ends last emits the unmatched build rows of right and
/// full joins.
final class JoinProbeStream<Source: JoinPairSource>: BatchStream {
    let schema: Schema
    private let kind: JoinKind
    private let input: any BatchStream
    private let build: JoinBuildSide
    private var source: Source
    private let condition: (any PhysicalExpression)?
    /// Whether a NULL condition result may be a match (`NOT IN`, `IN` marks).
    private let nullConditionIsMaybe: Bool
    private let pairSchema: Schema
    private let context: ExecutionContext
    private var queue: [RecordBatch] = []
    private var queuePosition = 0
    private var batch: RecordBatch?
    private var matchCounts: [Int32] = []
    private var maybe: [Bool]?
    private var buildMatched: Bitmap?
    private var finished = false

    init(kind: JoinKind, input: any BatchStream, build: JoinBuildSide, source: Source,
         condition: (any PhysicalExpression)?, nullConditionIsMaybe: Bool, schema: Schema, context: ExecutionContext) {
        self.kind = kind
        self.input = input
        self.build = build
        self.source = source
        self.condition = condition
        self.nullConditionIsMaybe = nullConditionIsMaybe
        self.schema = schema
        self.context = context
        pairSchema = Schema(input.schema.fields + build.rows.schema.fields)
        if kind == .right || kind == .full { buildMatched = Bitmap(count: build.rows.count, value: false) }
    }

    private var emitsPairs: Bool {
        switch kind {
        case .inner, .left, .right, .full, .single: return true
        case .semi, .anti, .mark: return false
        }
    }

    func next() throws -> RecordBatch? {
        while true {
            if queuePosition < queue.count {
                defer { queuePosition += 1 }
                return queue[queuePosition]
            }
            queue.removeAll(keepingCapacity: true)
            queuePosition = 0
            if let batch {
                try context.checkCancelled()
                if !emitsPairs, condition == nil {
                    matchCounts = source.rowsWithPairs().map { $0 ? 1 : 0 }
                    try finishBatch(batch)
                    continue
                }
                var left: [Int] = [], right: [Int] = []
                if source.nextPairs(left: &left, right: &right, limit: context.batchSize) {
                    try matchPairs(batch, left: left, right: right)
                } else {
                    try finishBatch(batch)
                }
                continue
            }
            if finished { return nil }
            if let next = try input.next() {
                guard next.count > 0 else { continue }
                batch = next
                maybe = try source.start(next)
                matchCounts = [Int32](repeating: 0, count: next.count)
                continue
            }
            finished = true
            if let all = build.finishPartition(matched: buildMatched), buildMatched != nil {
                try emitUnmatchedBuildRows(all)
            }
        }
    }

    /// Checks one chunk of pairs and queues the matches of pair-emitting kinds.
    private func matchPairs(_ batch: RecordBatch, left: [Int], right: [Int]) throws {
        var keptLeft = left, keptRight = right
        if let condition {
            let pairs = try makeBatch(pairSchema, batch.take(left).columns + build.rows.take(right).columns)
            guard let verdict = try condition.evaluate(pairs) as? BooleanArray else {
                throw ExecutionError(.internal, "join condition \(condition) is not boolean")
            }
            keptLeft.removeAll(keepingCapacity: true)
            keptRight.removeAll(keepingCapacity: true)
            for k in left.indices {
                if verdict.isNull(k) {
                    if nullConditionIsMaybe {
                        if maybe == nil { maybe = [Bool](repeating: false, count: batch.count) }
                        maybe?[left[k]] = true
                    }
                } else if verdict.storage[k] {
                    keptLeft.append(left[k])
                    keptRight.append(right[k])
                }
            }
        }
        for l in keptLeft { matchCounts[l] += 1 }
        if kind == .single, keptLeft.contains(where: { matchCounts[$0] > 1 }) {
            throw ExecutionError(.invalidInput, "more than one row returned by a subquery used as an expression")
        }
        if buildMatched != nil { for r in keptRight { buildMatched?[r] = true } }
        guard emitsPairs, !keptLeft.isEmpty else { return }
        queue.append(try makeBatch(schema, batch.take(keptLeft).columns + build.rows.take(keptRight).columns))
    }

    /// Queues what the finished batch adds beyond its matched pairs.
    private func finishBatch(_ batch: RecordBatch) throws {
        self.batch = nil
        let rows = batch.count
        switch kind {
        case .inner, .right:
            break
        case .left, .full, .single:
            let unmatched = (0..<rows).filter { matchCounts[$0] == 0 }
            guard !unmatched.isEmpty else { break }
            let nulls = try build.rows.schema.fields.map { try nullArray($0.type, count: unmatched.count) }
            enqueue(try makeBatch(schema, batch.take(unmatched).columns + nulls))
        case .semi:
            enqueue(try batch.take((0..<rows).filter { matchCounts[$0] > 0 }).renamed(schema))
        case .anti(let nullAware):
            let kept = (0..<rows).filter { matchCounts[$0] == 0 && !(nullAware && maybe?[$0] == true) }
            enqueue(try batch.take(kept).renamed(schema))
        case .mark:
            var marks = BooleanBuilder(capacity: rows)
            for row in 0..<rows {
                if matchCounts[row] > 0 { marks.append(true) } else if maybe?[row] == true { marks.appendNull() } else {
                    marks.append(false)
                }
            }
            enqueue(try makeBatch(schema, batch.columns + [marks.finish()]))
        }
    }

    /// Queues the build rows no stream matched, with NULL left columns.
    private func emitUnmatchedBuildRows(_ matched: Bitmap) throws {
        let unmatched = (0..<matched.count).filter { !matched[$0] }
        var start = 0
        while start < unmatched.count {
            let rows = Array(unmatched[start..<min(unmatched.count, start + context.batchSize)])
            let nulls = try input.schema.fields.map { try nullArray($0.type, count: rows.count) }
            queue.append(try makeBatch(schema, nulls + build.rows.take(rows).columns))
            start += rows.count
        }
    }

    /// Queues `batch` in slices of at most the batch size.
    private func enqueue(_ batch: RecordBatch) {
        guard batch.count > context.batchSize else {
            if batch.count > 0 { queue.append(batch) }
            return
        }
        var start = 0
        while start < batch.count {
            let end = min(batch.count, start + context.batchSize)
            queue.append(batch.slice(start..<end))
            start = end
        }
    }
}
