import Foundation
import GANCore

extension Safetensors {
    /// The tensors in the order their data are laid out: widest dtype first,
    /// then by name. With the data area 8-byte aligned, every tensor then
    /// starts at a multiple of its element size, as the reference writer does.
    private var layout: [(name: String, tensor: Tensor)] {
        tensors.map { (name: $0.key, tensor: $0.value) }.sorted {
            ($0.tensor.dtype.size, $1.name) > ($1.tensor.dtype.size, $0.name)
        }
    }

    /// The 8-byte length and the JSON header, padded with spaces so that the
    /// data area starts at a multiple of 8 bytes.
    private func headerBytes(for layout: [(name: String, tensor: Tensor)]) -> [UInt8] {
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { JSONValue.quoted($0) + ":" + JSONValue.quoted(metadata[$0]!) }
            entries.append(JSONValue.quoted("__metadata__") + ":{" + pairs.joined(separator: ",") + "}")
        }
        var offset = 0
        for (name, tensor) in layout {
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append(
                JSONValue.quoted(name) + ":{\"dtype\":\"\(tensor.dtype.rawValue)\",\"shape\":[\(shape)],"
                    + "\"data_offsets\":[\(offset),\(offset + tensor.bytes.count)]}")
            offset += tensor.bytes.count
        }
        var json = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        json.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - json.count % 8) % 8))
        return withUnsafeBytes(of: UInt64(json.count).littleEndian) { Array($0) } + json
    }

    /// The whole file as bytes.
    public func encoded() -> [UInt8] {
        let layout = layout
        var bytes = headerBytes(for: layout)
        for (_, tensor) in layout { bytes.append(contentsOf: tensor.bytes) }
        return bytes
    }

    /// Writes the file atomically: to a temporary file in the same folder,
    /// flushed to disk, then renamed over `url`. On failure the temporary
    /// is removed and any existing file at `url` is left as it was.
    public func write(to url: URL) throws(CheckpointError) {
        guard tensors["__metadata__"] == nil else {
            throw CheckpointError(path: url.path, kind: .unwritable, problem: "cannot write a tensor named '__metadata__': the format reserves the name")
        }
        let layout = layout
        do throws(FileWriteError) {
            try AtomicFile.write(to: url) { (output) throws(FileWriteError) in
                try output.write(headerBytes(for: layout))
                for (_, tensor) in layout { try output.write(tensor.bytes) }
            }
        } catch {
            throw CheckpointError(path: url.path, kind: .unwritable, problem: error.problem)
        }
    }
}
