/// The parts of one data page (V1 or V2): levels, value encoding and value bytes.
///
/// A V1 page is compressed whole and its RLE levels carry a 4-byte length; a V2
/// page keeps its levels uncompressed, without prefix, ahead of values that are
/// compressed only when `is_compressed` says so.
struct PageLayout {
    enum Section { case repetition, definition }

    let entryCount: Int
    let encoding: Encoding
    /// V1: the decompressed page. V2: the raw page as stored.
    let body: PageBody
    private let header: PageHeader

    init(_ page: PageSpan, decoder: ColumnChunkDecoder) throws {
        header = page.header
        if let v2 = page.header.dataPageHeaderV2, page.header.type == .dataPageV2 {
            entryCount = Int(v2.numValues)
            encoding = v2.encoding
            body = .borrowed(UnsafeRawBufferPointer(rebasing: decoder.bytes[page.body]))
        } else if let v1 = page.header.dataPageHeader {
            entryCount = Int(v1.numValues)
            encoding = v1.encoding
            body = try decoder.pageBytes(page, uncompressedSize: Int(page.header.uncompressedPageSize))
        } else {
            throw ParquetError(.corruptMetadata, "data page without a data page header")
        }
    }

    /// Decodes `entryCount` levels of `section` at the cursor into `out`.
    func decodeLevels(_ cursor: inout DecodeCursor, maxLevel: Int, section: Section,
                      into out: UnsafeMutablePointer<UInt8>) throws {
        if let v2 = header.dataPageHeaderV2, header.type == .dataPageV2 {
            let repetitionLength = Int(v2.repetitionLevelsByteLength)
            let range = section == .repetition
                ? 0..<repetitionLength
                : repetitionLength..<(repetitionLength + Int(v2.definitionLevelsByteLength))
            try PageLevelsDecoder.decodeV2(UnsafeRawBufferPointer(rebasing: cursor.bytes[range]), count: entryCount,
                                           maxLevel: maxLevel, into: out)
        } else if let v1 = header.dataPageHeader {
            let encoding = section == .repetition ? v1.repetitionLevelEncoding : v1.definitionLevelEncoding
            let consumed = try PageLevelsDecoder.decodeV1(cursor.rest, encoding: encoding, count: entryCount,
                                                          maxLevel: maxLevel, into: out)
            try cursor.skip(consumed)
        }
    }

    /// The page's value bytes; `levelsEnd` is where a V1 page's levels ended in `body`.
    func values(_ body: UnsafeRawBufferPointer, after levelsEnd: Int, decoder: ColumnChunkDecoder) throws -> PageBody {
        guard let v2 = header.dataPageHeaderV2, header.type == .dataPageV2 else {
            return .borrowed(UnsafeRawBufferPointer(rebasing: body[levelsEnd...]))
        }
        let levelsLength = Int(v2.repetitionLevelsByteLength) + Int(v2.definitionLevelsByteLength)
        let stored = UnsafeRawBufferPointer(rebasing: body[levelsLength...])
        guard v2.isCompressed else { return .borrowed(stored) }
        return try decoder.decompress(stored, uncompressedSize: Int(header.uncompressedPageSize) - levelsLength)
    }
}
