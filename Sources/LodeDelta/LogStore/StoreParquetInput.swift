import LodeParquet
import LodeStorage

/// A Parquet file read through an ``ObjectStore`` with ranged reads.
struct StoreParquetInput: ParquetInput {
    let store: any ObjectStore
    let path: String
    let size: Int

    func read(offset: Int, length: Int) throws -> [UInt8] {
        guard offset >= 0, length >= 0, offset <= size - length else {
            throw ParquetError(.io, "read of \(length) bytes at offset \(offset) is outside the \(size)-byte file", file: path)
        }
        do {
            return try store.get(path, range: offset..<(offset + length))
        } catch {
            throw ParquetError(.io, "\(error)", file: path)
        }
    }
}
