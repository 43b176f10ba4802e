import LodeCore

/// The decoded content of one leaf column chunk.
struct DecodedLeaf {
    /// Without repetition: one slot per level entry, nulls marked in the validity.
    /// With repetition: the non-null values only, in order.
    var values: any ColumnArray
    /// Definition levels, kept for leaves inside groups (empty otherwise).
    var definitionLevels: [UInt8]
    /// Repetition levels, kept for repeated leaves (empty otherwise).
    var repetitionLevels: [UInt8]
    /// Number of level entries (rows for a leaf without repetition).
    var entryCount: Int
}

/// One page of a column chunk: its header and where its body lies in the chunk.
struct PageSpan {
    var header: PageHeader
    var body: Range<Int>
}

/// Decodes the pages of one leaf column chunk into a ``DecodedLeaf``.
struct ColumnChunkDecoder {
    let leaf: LeafDescriptor
    let metadata: ColumnMetaData
    /// The chunk's bytes, from its first page to its end.
    let bytes: UnsafeRawBufferPointer

    /// Largest number of values one column chunk may hold.
    static let maxValues = Int(Int32.max)

    func decode() throws -> DecodedLeaf {
        let (dictionaryPage, dataPages, entries) = try scanPages()
        switch leaf.physicalType {
        case .boolean: return try decode(BooleanStore.self, dictionaryPage, dataPages, entries)
        case .int32: return try decode(FixedWidthStore<Int32>.self, dictionaryPage, dataPages, entries)
        case .int64, .int96: return try decode(FixedWidthStore<Int64>.self, dictionaryPage, dataPages, entries)
        case .float: return try decode(FixedWidthStore<Float>.self, dictionaryPage, dataPages, entries)
        case .double: return try decode(FixedWidthStore<Double>.self, dictionaryPage, dataPages, entries)
        case .byteArray: return try decode(ByteArrayStore.self, dictionaryPage, dataPages, entries)
        case .fixedLenByteArray: return try decode(FixedBytesStore.self, dictionaryPage, dataPages, entries)
        default: throw ParquetError(.unsupported, "physical type \(leaf.physicalType.rawValue)")
        }
    }

    /// Walks the page headers, checking each page lies inside the chunk, until the
    /// chunk's value count is reached.
    func scanPages() throws -> (dictionary: PageSpan?, data: [PageSpan], entries: Int) {
        let expected = metadata.numValues
        guard expected >= 0, expected <= Int64(Self.maxValues) else {
            throw ParquetError(.corruptMetadata, "column chunk claims \(expected) values")
        }
        var dictionary: PageSpan?
        var pages: [PageSpan] = []
        var values = 0
        var offset = 0
        while offset < bytes.count && values < Int(expected) {
            let (header, headerLength) = try PageHeader.decode(thrift: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            offset += headerLength
            let size = Int(header.compressedPageSize)
            guard size >= 0, size <= bytes.count - offset, header.uncompressedPageSize >= 0 else {
                throw ParquetError(.corruptMetadata,
                                   "page of \(header.compressedPageSize) bytes at chunk offset \(offset) overruns the chunk's \(bytes.count) bytes")
            }
            let span = PageSpan(header: header, body: offset..<(offset + size))
            offset += size
            switch header.type {
            case .dictionaryPage:
                guard header.dictionaryPageHeader != nil else {
                    throw ParquetError(.corruptMetadata, "dictionary page without a dictionary page header")
                }
                guard dictionary == nil, pages.isEmpty else {
                    throw ParquetError(.corruptData, "dictionary page after the chunk's first page")
                }
                dictionary = span
            case .dataPage:
                guard let data = header.dataPageHeader, data.numValues >= 0 else {
                    throw ParquetError(.corruptMetadata, "data page without a valid data page header")
                }
                values += Int(data.numValues)
                pages.append(span)
            case .dataPageV2:
                guard let data = header.dataPageHeaderV2, data.numValues >= 0, data.numNulls >= 0,
                      data.numNulls <= data.numValues, data.repetitionLevelsByteLength >= 0,
                      data.definitionLevelsByteLength >= 0,
                      Int(data.repetitionLevelsByteLength) + Int(data.definitionLevelsByteLength) <= size,
                      Int(data.repetitionLevelsByteLength) + Int(data.definitionLevelsByteLength) <= Int(header.uncompressedPageSize)
                else {
                    throw ParquetError(.corruptMetadata, "data page V2 without a valid header")
                }
                values += Int(data.numValues)
                pages.append(span)
            default:
                continue
            }
            guard values <= Int(expected) else { break }
        }
        guard values == Int(expected) else {
            throw ParquetError(.corruptData, "pages hold \(values) values, the column chunk metadata says \(expected)")
        }
        return (dictionary, pages, values)
    }

    private func decode<Store: LeafValueStore>(_: Store.Type, _ dictionaryPage: PageSpan?, _ pages: [PageSpan],
                                               _ entries: Int) throws -> DecodedLeaf {
        let maxDef = leaf.maxDefinitionLevel, maxRep = leaf.maxRepetitionLevel
        let repeated = maxRep > 0
        let keepDefinitions = maxDef > 0 && (repeated || leaf.isNested)
        var dictionary: Store?
        if let page = dictionaryPage, let header = page.header.dictionaryPageHeader {
            guard header.encoding == .plain || header.encoding == .plainDictionary else {
                throw ParquetError(.unsupported, "dictionary page encoding \(header.encoding)")
            }
            guard header.numValues >= 0 else { throw ParquetError(.corruptMetadata, "dictionary page claims \(header.numValues) values") }
            let body = try pageBytes(page, uncompressedSize: Int(page.header.uncompressedPageSize))
            dictionary = try body.withBytes { try Store.dictionary($0, count: Int(header.numValues), leaf: leaf) }
        }

        if leaf.physicalType == .fixedLenByteArray {
            // Slots are allocated up front, nulls included: keep that within reason.
            let size = entries * leaf.typeLength
            guard size <= Int(Int32.max), size <= max(64 << 20, Int(clamping: metadata.totalUncompressedSize) * 16) else {
                throw ParquetError(.unsupported, "\(entries) values of \(leaf.typeLength) bytes are too large a column chunk")
            }
        }
        var store = Store(capacity: entries, leaf: leaf)
        var definitions = [UInt8](repeating: 0, count: maxDef > 0 ? (keepDefinitions ? entries : 0) : 0)
        var repetitions = [UInt8](repeating: 0, count: repeated ? entries : 0)
        var validity = [UInt64](repeating: 0, count: !repeated && maxDef > 0 ? (entries + 63) / 64 : 0)
        var pageDefinitions: [UInt8] = []
        var scratch: [UInt32] = []
        var entryPosition = 0, valuePosition = 0

        for page in pages {
            let layout = try PageLayout(page, decoder: self)
            let count = layout.entryCount
            if count == 0 { continue }
            if maxDef > 0 && !keepDefinitions && pageDefinitions.count < count {
                pageDefinitions = [UInt8](repeating: 0, count: count)
            }
            try layout.body.withBytes { body in
                var cursor = DecodeCursor(body)
                if repeated {
                    try repetitions.withUnsafeMutableBufferPointer { buffer in
                        try layout.decodeLevels(&cursor, maxLevel: maxRep, section: .repetition,
                                                into: buffer.baseAddress! + entryPosition)
                    }
                }
                var nonNull = count
                if maxDef > 0 {
                    func decodeDefinitions(_ target: UnsafeMutablePointer<UInt8>) throws -> Int {
                        try layout.decodeLevels(&cursor, maxLevel: maxDef, section: .definition, into: target)
                        return PageLevelsDecoder.count(target, count, equalTo: UInt8(maxDef))
                    }
                    if keepDefinitions {
                        nonNull = try definitions.withUnsafeMutableBufferPointer {
                            try decodeDefinitions($0.baseAddress! + entryPosition)
                        }
                    } else {
                        nonNull = try pageDefinitions.withUnsafeMutableBufferPointer { try decodeDefinitions($0.baseAddress!) }
                    }
                }
                let values = try layout.values(body, after: cursor.position, decoder: self)
                try values.withBytes { valueBytes in
                    try store.decode(valueBytes, encoding: layout.encoding, count: nonNull, at: valuePosition,
                                     dictionary: dictionary, scratch: &scratch)
                }
                if repeated {
                    valuePosition += nonNull
                    return
                }
                if maxDef > 0 && nonNull < count {
                    func spreadPage(_ levels: UnsafePointer<UInt8>) {
                        store.spread(start: entryPosition, denseCount: nonNull, slotCount: count, levels: levels,
                                     maxLevel: UInt8(maxDef))
                        setValidity(&validity, from: levels, count: count, start: entryPosition, maxLevel: UInt8(maxDef))
                    }
                    if keepDefinitions {
                        definitions.withUnsafeBufferPointer { spreadPage($0.baseAddress! + entryPosition) }
                    } else {
                        pageDefinitions.withUnsafeBufferPointer { spreadPage($0.baseAddress!) }
                    }
                } else if maxDef > 0 {
                    setValidity(&validity, allValidFrom: entryPosition, count: count)
                }
                valuePosition = entryPosition + count
            }
            entryPosition += count
        }

        let physical = store.finish(count: valuePosition)
        let bitmap = validity.isEmpty ? nil : Bitmap(words: validity, count: entries)
        let array = try physical.makeArray(type: leaf.type, conversion: leaf.conversion, validity: bitmap)
        return DecodedLeaf(values: array, definitionLevels: definitions, repetitionLevels: repetitions, entryCount: entries)
    }

    /// A page body, decompressed when the chunk's codec compresses it.
    func pageBytes(_ page: PageSpan, uncompressedSize: Int) throws -> PageBody {
        try decompress(UnsafeRawBufferPointer(rebasing: bytes[page.body]), uncompressedSize: uncompressedSize)
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> PageBody {
        if metadata.codec == .uncompressed { return .borrowed(input) }
        guard uncompressedSize >= 0, Int64(uncompressedSize) <= max(metadata.totalUncompressedSize, 64 << 20) else {
            throw ParquetError(.corruptMetadata, "page claims \(uncompressedSize) uncompressed bytes")
        }
        let output = try Codec.decompress(metadata.codec, input, uncompressedSize: uncompressedSize)
        guard output.count == uncompressedSize else {
            throw ParquetError(.corruptData, "page decompressed to \(output.count) bytes, header says \(uncompressedSize)")
        }
        return .owned(output)
    }
}

/// Page bytes either borrowed from the chunk or owned after decompression.
enum PageBody {
    case borrowed(UnsafeRawBufferPointer)
    case owned([UInt8])

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .borrowed(let bytes): return try body(bytes)
        case .owned(let array): return try array.withUnsafeBytes(body)
        }
    }
}
