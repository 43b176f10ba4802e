/// A struct or union that decodes itself from the Thrift compact protocol.
protocol ThriftDecodable {
    /// Reads the value's fields up to and including its stop byte.
    init(thrift reader: inout ThriftCompactReader) throws
}

/// A struct or union that encodes itself in the Thrift compact protocol.
protocol ThriftEncodable {
    /// Writes the value's fields and its stop byte.
    func write(to writer: inout ThriftCompactWriter)
}

typealias ThriftCodable = ThriftDecodable & ThriftEncodable
