import FileFormats

/// Which data a checkpoint was trained on, as recorded in its metadata.
public struct TrainingProvenance: Sendable, Equatable {
    public var folder: String?
    public var file: String?
    public var sha256: String?
    public var rows: Int?

    public init(folder: String, file: String, sha256: String, rows: Int) {
        (self.folder, self.file, self.sha256, self.rows) = (folder, file, sha256, rows)
    }

    /// nil for a checkpoint written before provenance was recorded.
    public init?(of file: Safetensors) {
        let m = file.metadata
        guard m["data.folder"] != nil || m["data.rows"] != nil else { return nil }
        folder = m["data.folder"]
        self.file = m["data.training_images"]
        sha256 = m["data.training_images.sha256"]
        rows = m["data.rows"].flatMap { Int($0) }
    }

    /// The metadata entries a checkpoint carries.
    public var metadata: [String: String] {
        var m: [String: String] = [:]
        m["data.folder"] = folder
        m["data.training_images"] = file
        m["data.training_images.sha256"] = sha256
        m["data.rows"] = rows.map(String.init)
        return m
    }
}
