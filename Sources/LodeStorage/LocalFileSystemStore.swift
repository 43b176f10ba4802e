#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An ``ObjectStore`` over a folder of the local filesystem.
///
/// Paths are relative to `root` and use `/`. ``put(_:data:)`` writes a temporary file
/// and renames it into place, so readers never see a partial object;
/// ``putIfAbsent(_:data:)`` links the temporary file to its final name, which the
/// kernel refuses atomically if the name exists — safe across processes.
public struct LocalFileSystemStore: ObjectStore {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public func list(prefix: String) throws -> [ObjectMeta] {
        let folder = prefix.contains("/") ? String(prefix[..<prefix.lastIndex(of: "/")!]) : ""
        var found: [ObjectMeta] = []
        try walk(folder, prefix: prefix, into: &found)
        return found.sorted { $0.path < $1.path }
    }

    /// Collects the regular files below `folder` (relative to the root) whose paths
    /// start with `prefix`, descending only into folders that can hold such paths.
    private func walk(_ folder: String, prefix: String, into found: inout [ObjectMeta]) throws {
        let absolute = folder.isEmpty ? root : root + "/" + folder
        guard let dir = opendir(absolute) else {
            if errno == ENOENT || errno == ENOTDIR { return }
            throw error(folder, errno)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            // A folder matters if the prefix runs into it or it lies inside the prefix.
            let relevant = path.hasPrefix(prefix) || prefix.hasPrefix(path + "/")
            guard relevant || Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) else { continue }
            var info = stat()
            guard stat(absolute + "/" + name, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                if relevant { try walk(path, prefix: prefix, into: &found) }
            } else if info.st_mode & S_IFMT == S_IFREG, path.hasPrefix(prefix) {
                found.append(ObjectMeta(path: path, size: Int(info.st_size), lastModified: Self.milliseconds(info)))
            }
        }
    }

    public func get(_ path: String) throws -> [UInt8] {
        let meta = try head(path)
        return try get(path, range: 0..<meta.size)
    }

    public func get(_ path: String, range: Range<Int>) throws -> [UInt8] {
        let fd = open(try resolve(path), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path, errno) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { throw StorageError(.io, path: path, "range \(range) ends past the end of the object") }
                throw error(path, errno)
            }
            done += n
        }
        return bytes
    }

    public func head(_ path: String) throws -> ObjectMeta {
        var info = stat()
        guard stat(try resolve(path), &info) == 0 else { throw error(path, errno) }
        return ObjectMeta(path: path, size: Int(info.st_size), lastModified: Self.milliseconds(info))
    }

    public func put(_ path: String, data: [UInt8]) throws {
        let target = try resolve(path)
        let temp = try writeTemporary(for: target, path: path, data: data)
        guard rename(temp, target) == 0 else {
            let code = errno
            unlink(temp)
            throw error(path, code)
        }
    }

    public func putIfAbsent(_ path: String, data: [UInt8]) throws {
        let target = try resolve(path)
        let temp = try writeTemporary(for: target, path: path, data: data)
        defer { unlink(temp) }
        guard link(temp, target) == 0 else {
            let code = errno
            if code == EEXIST { throw StorageError(.alreadyExists, path: path) }
            throw error(path, code)
        }
    }

    public func delete(_ path: String) throws {
        guard unlink(try resolve(path)) == 0 else { throw error(path, errno) }
    }

    /// The absolute filesystem path of `path`, refusing paths that leave the root.
    func resolve(_ path: String) throws -> String {
        guard Self.isContained(path) else {
            throw StorageError(.invalidPath, path: path, "paths are relative to the store's root and may not contain '.' or '..'")
        }
        return root + "/" + path
    }

    /// Whether `path` is non-empty, relative, and has no `.` or `..` segment; checked
    /// on the bytes, as every ranged read passes through it.
    static func isContained(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
            var segmentStart = 0
            for i in 0...bytes.count {
                guard i == bytes.count || bytes[i] == UInt8(ascii: "/") else { continue }
                let length = i - segmentStart
                if (length == 1 || length == 2), bytes[segmentStart..<i].allSatisfy({ $0 == UInt8(ascii: ".") }) { return false }
                segmentStart = i + 1
            }
            return true
        }
    }

    private func writeTemporary(for target: String, path: String, data: [UInt8]) throws -> String {
        let directory = String(target[..<target.lastIndex(of: "/")!])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageError(.io, path: path, "cannot create folder \(directory): \(error.localizedDescription)")
        }
        let temp = directory + "/.tmp-\(UUID().uuidString)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw error(path, errno) }
        defer { close(fd) }
        var done = 0
        while done < data.count {
            let n = data.withUnsafeBytes { write(fd, $0.baseAddress! + done, data.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                unlink(temp)
                throw error(path, code)
            }
            done += n
        }
        guard fsync(fd) == 0 else {
            let code = errno
            unlink(temp)
            throw error(path, code)
        }
        return temp
    }

    private func error(_ path: String, _ code: Int32) -> StorageError {
        if code == ENOENT { return StorageError(.notFound, path: path) }
        return StorageError(.io, path: path, String(cString: strerror(code)))
    }

    private static func milliseconds(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
    }
}
