import Foundation
import LodeCore

/// The right input of a join gathered into one batch, shared by every probe stream.
///
/// Right and full joins also track which build rows found a match: each probe stream
/// keeps its own bitmap and hands it in when it ends; the last stream to end gets the
/// union and emits the rows never matched.
final class JoinBuildSide: @unchecked Sendable {
    let rows: RecordBatch
    let reservation: MemoryReservation
    private let partitions: Int
    private let lock = NSLock()
    private var matched: Bitmap
    private var finished = 0

    init(rows: RecordBatch, partitions: Int, reservation: MemoryReservation) {
        self.rows = rows
        self.partitions = partitions
        self.reservation = reservation
        matched = Bitmap(count: rows.count, value: false)
    }

    /// Gathers every partition of `input` in parallel, reserving the batches' bytes;
    /// `perBatch` runs on each batch as it arrives (on the reading thread) and its result
    /// is kept with the batch.
    static func gather<Extra>(_ input: any PhysicalOperator, consumer: String, context: ExecutionContext,
                              perBatch: @escaping @Sendable (RecordBatch) throws -> Extra) throws
        -> (batches: [(batch: RecordBatch, extra: Extra)], reservation: MemoryReservation) {
        let reservation = context.memory.reservation(for: consumer)
        let results = PartitionResults<[(batch: RecordBatch, extra: Extra)]>(count: input.partitionCount, initial: [])
        try context.parallel(input.partitionCount) { partition in
            let stream = try input.execute(partition: partition, context: context)
            var batches: [(batch: RecordBatch, extra: Extra)] = []
            while let batch = try stream.next() {
                try context.checkCancelled()
                guard batch.count > 0 else { continue }
                try reservation.grow(batch.columns.reduce(0) { $0 + estimatedBytes($1) })
                batches.append((batch, try perBatch(batch)))
            }
            results[partition] = batches
        }
        return (results.values.flatMap { $0 }, reservation)
    }

    /// One batch of `batches`, all of `schema`.
    static func concatenateBatches(_ batches: [RecordBatch], schema: Schema) throws -> RecordBatch {
        if batches.count == 1 { return try batches[0].renamed(schema) }
        let columns = try schema.fields.indices.map { c in
            try concatenate(batches.map { $0.columns[c] }, type: schema.fields[c].type)
        }
        if columns.isEmpty { return RecordBatch.empty(schema) }
        return try makeBatch(schema, columns)
    }

    /// Records that a probe stream ended, with the build rows it matched; returns every
    /// matched row once all streams have ended, to the stream that ended last.
    func finishPartition(matched local: Bitmap?) -> Bitmap? {
        lock.withLock {
            if let local {
                var words = matched.words
                for (i, w) in local.words.enumerated() { words[i] |= w }
                matched = Bitmap(words: words, count: matched.count)
            }
            finished += 1
            return finished == partitions ? matched : nil
        }
    }
}

/// A value built once, by the first caller, for one ``ExecutionContext``.
final class BuildOnce<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private weak var owner: ExecutionContext?

    /// The value for `context`, building it with `make` when there is none yet (a new
    /// context builds afresh).
    func get(_ context: ExecutionContext, _ make: () throws -> Value) throws -> Value {
        try lock.withLock {
            if let value, owner === context { return value }
            let made = try make()
            value = made
            owner = context
            return made
        }
    }
}
