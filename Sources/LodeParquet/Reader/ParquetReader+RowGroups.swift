import Dispatch
import LodeCore

extension ParquetReader {
    /// Reads row group `index`, keeping the top-level columns at `columns` (all when
    /// `nil`) in the order given.
    public func readRowGroup(_ index: Int, columns: [Int]? = nil) throws -> RecordBatch {
        guard index >= 0, index < rowGroupCount else {
            throw ParquetError(.invalidArgument, "row group \(index) does not exist (the file has \(rowGroupCount))", file: name)
        }
        let selected = columns ?? Array(schema.fields.indices)
        for column in selected where !schema.fields.indices.contains(column) {
            throw ParquetError(.invalidArgument, "column \(column) does not exist (the file has \(schema.count))", file: name)
        }
        do {
            return try decodeRowGroup(index, selected)
        } catch {
            throw ParquetReader.wrap(error).with(file: name, rowGroup: index)
        }
    }

    private func decodeRowGroup(_ index: Int, _ selected: [Int]) throws -> RecordBatch {
        let rowGroup = metadata.rowGroups[index]
        guard rowGroup.columns.count == leaves.count else {
            throw ParquetError(.corruptMetadata, "row group has \(rowGroup.columns.count) column chunks, the schema \(leaves.count) leaves")
        }
        guard rowGroup.numRows >= 0, rowGroup.numRows <= Int64(ColumnChunkDecoder.maxValues) else {
            throw ParquetError(.corruptMetadata, "row group claims \(rowGroup.numRows) rows")
        }
        let rows = Int(rowGroup.numRows)
        var needed: [LeafDescriptor] = []
        var seen = Set<Int>()
        for column in selected {
            for leaf in shapes[column].leafDescriptors where seen.insert(leaf.index).inserted { needed.append(leaf) }
        }
        let decoded = try decodeLeaves(needed, rowGroup: rowGroup)
        var byIndex: [Int: DecodedLeaf] = [:]
        for (leaf, result) in zip(needed, decoded) {
            if leaf.maxRepetitionLevel == 0 && result.entryCount != rows {
                throw ParquetError(.corruptData, "column chunk holds \(result.entryCount) values for \(rows) rows",
                                   column: leaf.name)
            }
            byIndex[leaf.index] = result
        }
        let assembler = RecordAssembler(leaves: byIndex)
        var arrays: [any ColumnArray] = []
        for column in selected {
            let field = schema.fields[column]
            let array: any ColumnArray
            do {
                array = try assembler.assemble(shapes[column])
            } catch {
                throw ParquetReader.wrap(error).with(column: field.name)
            }
            guard array.count == rows else {
                throw ParquetError(.corruptData, "column has \(array.count) rows, the row group \(rows)", column: field.name)
            }
            arrays.append(array)
        }
        return try RecordBatch(schema: schema.project(selected), columns: arrays)
    }

    /// Reads and decodes the chunks of `leaves`, in parallel when there are several.
    private func decodeLeaves(_ leaves: [LeafDescriptor], rowGroup: RowGroup) throws -> [DecodedLeaf] {
        var results = [Result<DecodedLeaf, ParquetError>?](repeating: nil, count: leaves.count)
        let work = { (i: Int) -> Result<DecodedLeaf, ParquetError> in
            do {
                return .success(try self.decodeChunk(leaves[i], rowGroup.columns[leaves[i].index]))
            } catch {
                return .failure(ParquetReader.wrap(error).with(column: leaves[i].name))
            }
        }
        if leaves.count == 1 {
            results[0] = work(0)
        } else {
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = buffer
                DispatchQueue.concurrentPerform(iterations: leaves.count) { i in slots[i] = work(i) }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// Reads one column chunk's byte range (one read) and decodes it.
    func decodeChunk(_ leaf: LeafDescriptor, _ chunk: ColumnChunk) throws -> DecodedLeaf {
        guard !chunk.isEncrypted else { throw ParquetError(.unsupported, "encrypted columns are not supported") }
        guard chunk.filePath == nil else {
            throw ParquetError(.unsupported, "column chunk stored in another file (\(chunk.filePath ?? ""))")
        }
        guard let meta = chunk.metaData else { throw ParquetError(.corruptMetadata, "column chunk without metadata") }
        guard meta.type == leaf.physicalType else {
            throw ParquetError(.corruptMetadata,
                               "column chunk of type \(meta.type), schema says \(leaf.physicalType)")
        }
        var start = meta.dataPageOffset
        if let dictionaryOffset = meta.dictionaryPageOffset, dictionaryOffset > 0, dictionaryOffset < start {
            start = dictionaryOffset
        }
        let length = meta.totalCompressedSize
        guard start >= 4, length >= 0, start <= Int64(dataEnd), length <= Int64(dataEnd) - start else {
            throw ParquetError(.corruptMetadata,
                               "column chunk at offset \(start) of \(length) bytes lies outside the file's data (\(dataEnd) bytes)")
        }
        let bytes = try input.read(offset: Int(start), length: Int(length))
        return try bytes.withUnsafeBytes { raw in
            try ColumnChunkDecoder(leaf: leaf, metadata: meta, bytes: raw).decode()
        }
    }
}
