import FileFormats
import Foundation
import GANCore

extension TrainingRun {
    /// The training images a run reads, and what identifies them.
    struct TrainingImages {
        let dataSet: DataSet
        /// The data folder as given (or recorded), for messages.
        let path: String
        /// The first rows of the training split.
        let images: Matrix<Float>
        /// The training file's SHA-256.
        let digest: String

        var provenance: TrainingProvenance {
            TrainingProvenance(folder: dataSet.folder.path, file: dataSet.trainingImagesURL.lastPathComponent, sha256: digest, rows: images.rows)
        }
    }

    /// The data folder's training images: the options' rows, or a resumed run's,
    /// refused when they are not square or not what the checkpoint trained on.
    func loadImages(resuming resumed: ResumedCheckpoint?) throws -> TrainingImages {
        let provenance = resumed?.provenance
        let dataPath = options.dataFolder ?? provenance?.folder ?? DataSet.fashionMNISTFolder.path
        let dataSet = try DataSet(folder: URL(fileURLWithPath: dataPath))
        let (height, width) = (dataSet.training.images.rows, dataSet.training.images.columns)
        guard height == width else {
            throw Refusal.data("\(dataSet.trainingImagesURL.path): images are \(height)×\(width) pixels; study train needs square images (its figures and checkpoints assume them)")
        }
        let rowCount = min(options.rows ?? provenance?.rows ?? dataSet.training.count, dataSet.training.count)
        let images = rowCount < dataSet.training.count
            ? dataSet.training.images.matrix(0..<rowCount, as: Float.self) : dataSet.training.images.matrix(as: Float.self)
        let data = TrainingImages(dataSet: dataSet, path: dataPath, images: images, digest: try SHA256.hex(ofFile: dataSet.trainingImagesURL))
        if let resumed { try refuseOtherData(data, resuming: resumed) }
        return data
    }
}
