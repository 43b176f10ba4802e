import LodeCore
import LodeParquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one timed run measured.
struct Measurement {
    var rows: Int
    var seconds: Double
    /// Bytes written (write) or the file's size (read).
    var bytes: Int
    /// Peak resident memory before the timed part began, in KiB.
    var peakKiBBeforeTiming: Int
    /// Peak resident memory up to the end of the timed part, in KiB.
    var peakKiB: Int
    var checksums: [ColumnChecksum]

    var json: String {
        let columns = checksums.map(\.json).joined(separator: ", ")
        return "{\"rows\": \(rows), \"seconds\": \(seconds), \"bytes\": \(bytes), "
            + "\"peak_kib_before_timing\": \(peakKiBBeforeTiming), "
            + "\"peak_kib\": \(peakKiB), \"checksums\": [\(columns)]}"
    }
}

/// Loads a file into memory untimed, then times writing it with default options.
enum WriteMeasurement {
    static func run(input: String, output: String) throws -> Measurement {
        let reader = try ParquetReader(path: input)
        let batches = try (0..<reader.rowGroupCount).map { try reader.readRowGroup($0) }
        let peakBefore = peakResidentKiB()

        let start = ContinuousClock.now
        let (rows, bytes) = try write(batches, schema: reader.schema, to: output)
        let seconds = (ContinuousClock.now - start).seconds
        let peakAfter = peakResidentKiB()

        return Measurement(rows: rows, seconds: seconds, bytes: bytes,
                           peakKiBBeforeTiming: peakBefore, peakKiB: peakAfter,
                           checksums: ColumnChecksum.of(batches, schema: reader.schema))
    }

    /// The timed part, kept out of line so that a profiler can single it out.
    @inline(never)
    static func write(_ batches: [RecordBatch], schema: Schema, to path: String) throws -> (rows: Int, bytes: Int) {
        let writer = try ParquetWriter(path: path, schema: schema)
        for batch in batches { try writer.write(batch) }
        try writer.close()
        return (writer.rowCount, writer.bytesWritten)
    }
}

/// Times opening a file and reading every row group fully into memory.
enum ReadMeasurement {
    static func run(path: String) throws -> Measurement {
        let peakBefore = peakResidentKiB()

        let start = ContinuousClock.now
        let (schema, batches) = try read(path)
        let seconds = (ContinuousClock.now - start).seconds
        let peakAfter = peakResidentKiB()

        return Measurement(rows: batches.reduce(0) { $0 + $1.count }, seconds: seconds, bytes: fileSize(path),
                           peakKiBBeforeTiming: peakBefore, peakKiB: peakAfter,
                           checksums: ColumnChecksum.of(batches, schema: schema))
    }

    /// The timed part, kept out of line so that a profiler can single it out.
    @inline(never)
    static func read(_ path: String) throws -> (Schema, [RecordBatch]) {
        let reader = try ParquetReader(path: path)
        var batches: [RecordBatch] = []
        batches.reserveCapacity(reader.rowGroupCount)
        for index in 0..<reader.rowGroupCount { batches.append(try reader.readRowGroup(index)) }
        return (reader.schema, batches)
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

/// The process's peak resident set so far, in KiB: `VmHWM` of `/proc/self/status`,
/// which counts this program only (`ru_maxrss` also holds the high-water mark of the
/// process image before `exec`, that is of whoever spawned it).
func peakResidentKiB() -> Int {
    #if os(Linux)
    if let file = fopen("/proc/self/status", "r") {
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(cString: line)
            if text.hasPrefix("VmHWM:") {
                let digits = text.dropFirst(6).filter(\.isNumber)
                if let kib = Int(digits) { return kib }
            }
        }
    }
    #endif
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss) / 1024
    #endif
}

func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : -1
}
