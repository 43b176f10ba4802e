#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times Lode's Parquet writer and reader on one file and prints the result as one
/// line of JSON, for `Benchmarks/parquet_bench.py` to collect.
///
///     lode-bench write <input.parquet> <output.parquet>
///     lode-bench read <file.parquet>
///
/// `write` loads every row group of the input into memory (untimed), then times
/// writing those batches to the output with the default options. `read` times
/// opening the file and reading every row group into memory. Both print the rows,
/// the wall and CPU seconds, the peak resident memory before and up to the end of
/// the timed part, and per-column checksums of the batches involved.
let arguments = Array(CommandLine.arguments.dropFirst())

do {
    switch arguments.first {
    case "write" where arguments.count == 3:
        print(try WriteMeasurement.run(input: arguments[1], output: arguments[2]).json)
    case "read" where arguments.count == 2:
        print(try ReadMeasurement.run(path: arguments[1]).json)
    default:
        if let line = try DeltaWorkload.run(arguments) {
            print(line)
        } else {
            fputs("usage: lode-bench write <input.parquet> <output.parquet>\n       lode-bench read <file.parquet>\n"
                  + "       \(DeltaWorkload.usage)\n", stderr)
            exit(2)
        }
    }
} catch {
    fputs("lode-bench: \(error)\n", stderr)
    exit(1)
}
