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
    /// Bytes written (write) or the file's size (read).
    var bytes: Int
    var timing: Timing
    var checksums: [ColumnChecksum]

    var json: String {
        let columns = checksums.map(\.json).joined(separator: ", ")
        return "{\"rows\": \(rows), \"bytes\": \(bytes), \"seconds\": \(timing.seconds), "
            + "\"cpu_seconds\": \(timing.cpuSeconds), \"peak_kib_before_timing\": \(timing.peakKiBBefore), "
            + "\"peak_kib\": \(timing.peakKiB), \"checksums\": [\(columns)]}"
    }
}

/// Wall and CPU time of a timed part, and the process's peak memory around it.
struct Timing {
    var seconds: Double
    /// CPU time of all the process's threads.
    var cpuSeconds: Double
    /// Peak resident memory before the timed part began, in KiB.
    var peakKiBBefore: Int
    /// Peak resident memory up to the end of the timed part, in KiB.
    var peakKiB: Int

    /// Runs `body` and measures it.
    static func of<R>(_ body: () throws -> R) rethrows -> (R, Timing) {
        let peakBefore = peakResidentKiB()
        let start = ContinuousClock.now, cpuStart = processCPUSeconds()
        let result = try body()
        let seconds = (ContinuousClock.now - start).seconds, cpuSeconds = processCPUSeconds() - cpuStart
        return (result, Timing(seconds: seconds, cpuSeconds: cpuSeconds, peakKiBBefore: peakBefore,
                               peakKiB: peakResidentKiB()))
    }
}

/// Loads a file into memory untimed, then times writing it with default options.
enum WriteMeasurement {
    static func run(input: String, output: String) throws -> Measurement {
        let reader = try ParquetReader(path: input)
        let batches = try (0..<reader.rowGroupCount).map { try reader.readRowGroup($0) }
        let (written, timing) = try Timing.of { try write(batches, schema: reader.schema, to: output) }
        return Measurement(rows: written.rows, bytes: written.bytes, timing: timing,
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
        let ((schema, batches), timing) = try Timing.of { try read(path) }
        return Measurement(rows: batches.reduce(0) { $0 + $1.count }, bytes: fileSize(path), timing: timing,
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

/// CPU time used so far by all of the process's threads.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
            if text.hasPrefix("VmHWM:"), let kib = Int(text.dropFirst(6).filter(\.isNumber)) { return kib }
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
