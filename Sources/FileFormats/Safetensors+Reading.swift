import Foundation
import GANCore

extension Safetensors {
    /// The largest header read, as in the reference implementation: a
    /// damaged length cannot make the reader parse hundreds of megabytes.
    public static let maximumHeaderBytes = 100_000_000

    /// Reads and validates a safetensors file.
    ///
    /// Throws a `CheckpointError` naming the file when it is missing or
    /// unreadable, or breaks the format in any way `init(decoding:path:)` checks.
    public init(contentsOf url: URL) throws(CheckpointError) {
        let path = url.path
        func failure(_ kind: CheckpointError.Kind, _ problem: String) -> CheckpointError {
            CheckpointError(path: path, kind: kind, problem: problem)
        }
        if let problem = RegularFile.problem(at: path) {
            throw failure(problem.isMissing ? .missing : .unreadable, problem.description)
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure(.unreadable, "cannot read: \(String(cString: strerror(errno)))") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(.unreadable, "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }

        let size = Int(status.st_size)
        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { readError = errno }
                if got <= 0 { break }
                count += got
            }
        }
        guard readError == 0 else { throw failure(.unreadable, "cannot read: \(String(cString: strerror(readError)))") }
        try self.init(decoding: bytes, path: path)
    }

    /// Parses and validates safetensors bytes; `path` names them in errors.
    ///
    /// Checks, in order: at least the 8-byte length; a header length within
    /// `maximumHeaderBytes` and within the file; a JSON object; string
    /// metadata; for every tensor a known dtype, a non-negative shape and
    /// `data_offsets` spanning exactly dtype size × element count; and
    /// tensors that tile the data area exactly, without gaps or overlaps.
    public init(decoding bytes: [UInt8], path: String) throws(CheckpointError) {
        func corrupt(_ problem: String) -> CheckpointError { CheckpointError(path: path, kind: .corrupt, problem: problem) }
        func truncated(_ problem: String) -> CheckpointError { CheckpointError(path: path, kind: .truncated, problem: problem) }

        guard bytes.count >= 8 else {
            throw truncated(bytes.isEmpty ? "the file is empty; a safetensors file starts with an 8-byte header length"
                : "the file is \(bytes.count) bytes long; a safetensors file starts with an 8-byte header length")
        }
        let declared = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard declared <= UInt64(Self.maximumHeaderBytes) else {
            throw corrupt("header length \(declared) is more than the \(Self.maximumHeaderBytes) bytes allowed: not a safetensors file, or a damaged one")
        }
        let headerLength = Int(declared)
        guard headerLength <= bytes.count - 8 else {
            throw truncated("header length \(headerLength) runs past the end of the file (\(bytes.count - 8) bytes follow it): the file is truncated or damaged")
        }

        let header: JSONValue
        do throws(JSONSyntaxError) {
            header = try JSONParser.parse(Array(bytes[8..<(8 + headerLength)]))
        } catch {
            throw corrupt("header is not valid JSON: \(error.message) at byte \(8 + error.offset)")
        }
        guard case .object(let members) = header else { throw corrupt("header is \(header.kindName), expected a JSON object") }

        let dataStart = 8 + headerLength
        let dataLength = bytes.count - dataStart
        var seen = Set<String>()
        var metadata: [String: String] = [:]
        var entries: [(name: String, dtype: TensorDType, shape: [Int], begin: Int, end: Int)] = []
        for member in members {
            guard seen.insert(member.name).inserted else { throw corrupt("header lists '\(member.name)' twice") }
            if member.name == "__metadata__" {
                metadata = try Self.metadata(from: member.value, corrupt: corrupt)
                continue
            }
            let name = member.name
            guard case .object(let fields) = member.value else {
                throw corrupt("tensor '\(name)' is described by \(member.value.kindName), expected an object")
            }
            func field(_ key: String) throws(CheckpointError) -> JSONValue {
                guard let value = fields.first(where: { $0.name == key })?.value else { throw corrupt("tensor '\(name)' has no \(key)") }
                return value
            }
            guard case .string(let dtypeName) = try field("dtype") else { throw corrupt("tensor '\(name)': dtype must be a string") }
            guard let dtype = TensorDType(rawValue: dtypeName) else {
                throw corrupt("tensor '\(name)' has unknown dtype '\(dtypeName)'")
            }
            guard case .array(let shapeValues) = try field("shape") else {
                throw corrupt("tensor '\(name)': shape must be a list of non-negative integers")
            }
            let shape = shapeValues.compactMap(\.nonNegativeInteger)
            guard shape.count == shapeValues.count else {
                throw corrupt("tensor '\(name)': shape must be a list of non-negative integers")
            }
            guard case .array(let offsetValues) = try field("data_offsets"), offsetValues.count == 2,
                  let begin = offsetValues[0].nonNegativeInteger, let end = offsetValues[1].nonNegativeInteger else {
                throw corrupt("tensor '\(name)': data_offsets must be two non-negative integers [begin, end]")
            }
            guard begin <= end else { throw corrupt("tensor '\(name)': data_offsets [\(begin), \(end)] end before they begin") }
            var byteCount = dtype.size
            for size in shape {
                let (product, overflow) = byteCount.multipliedReportingOverflow(by: size)
                guard !overflow else { throw corrupt("tensor '\(name)': shape \(shape) is impossibly large") }
                byteCount = product
            }
            guard end - begin == byteCount else {
                throw corrupt("tensor '\(name)': data_offsets [\(begin), \(end)] span \(end - begin) bytes, but dtype \(dtype.rawValue) and shape \(shape) need \(byteCount)")
            }
            guard end <= dataLength else {
                throw truncated("tensor '\(name)' lies at bytes \(begin)..<\(end) of the data, but only \(dataLength) bytes follow the header: the file is truncated")
            }
            entries.append((name, dtype, shape, begin, end))
        }

        // Sorted by position, the tensors must follow one another without a
        // gap and without overlapping, and end where the file ends.
        entries.sort { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var position = 0
        var previous: String?
        for entry in entries {
            if entry.begin < position, let previous {
                throw corrupt("tensors '\(previous)' and '\(entry.name)' overlap in the data area")
            }
            if entry.begin > position {
                throw corrupt("bytes \(position)..<\(entry.begin) of the data area belong to no tensor")
            }
            position = entry.end
            previous = entry.name
        }
        guard position == dataLength else {
            throw corrupt("\(dataLength - position) bytes after the last tensor belong to no tensor")
        }

        var tensors: [String: Tensor] = [:]
        for entry in entries {
            tensors[entry.name] = Tensor(
                dtype: entry.dtype, shape: entry.shape,
                bytes: Array(bytes[(dataStart + entry.begin)..<(dataStart + entry.end)]))
        }
        self.init(tensors: tensors, metadata: metadata, path: path)
    }

    /// `__metadata__`: an object whose values are all strings.
    private static func metadata(
        from value: JSONValue, corrupt: (String) -> CheckpointError
    ) throws(CheckpointError) -> [String: String] {
        guard case .object(let members) = value else { throw corrupt("__metadata__ is \(value.kindName), expected an object of strings") }
        var result: [String: String] = [:]
        for member in members {
            guard case .string(let text) = member.value else {
                throw corrupt("__metadata__ entry '\(member.name)' is \(member.value.kindName), expected a string")
            }
            guard result.updateValue(text, forKey: member.name) == nil else {
                throw corrupt("__metadata__ lists '\(member.name)' twice")
            }
        }
        return result
    }
}
