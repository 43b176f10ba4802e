import LodeDelta
import LodeFormats
import LodeParquet

extension EngineError {
    /// `error` from a lower layer as an ``EngineError`` whose message names `subject`
    /// (a file or table) when the lower error does not already.
    static func wrapping(_ error: any Error, _ subject: String) -> EngineError {
        if let error = error as? EngineError { return error }
        let text = "\(error)"
        let message = text.contains(subject) ? text : "\(subject): \(text)"
        switch error {
        case let error as ParquetError:
            return EngineError(error.kind == .io ? .io : .badData, message)
        case let error as DeltaError:
            switch error.kind {
            case .io: return EngineError(.io, message)
            case .notATable, .versionNotFound, .invalidArgument, .unsupportedFeature, .conflict:
                return EngineError(.invalidArgument, message)
            case .corruptLog: return EngineError(.badData, message)
            }
        case let error as FormatError:
            return EngineError(error.kind == .io ? .io : .badData, message)
        default:
            return EngineError(.badData, message)
        }
    }
}

/// Runs `body`, wrapping what it throws with ``EngineError/wrapping(_:_:)``.
func naming<T>(_ subject: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw EngineError.wrapping(error, subject)
    }
}
