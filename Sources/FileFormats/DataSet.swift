import Foundation
import GANCore

/// Which rows of the training file are used to train and which to validate.
public struct DataSplit: Sendable, Hashable {
    public let training: Range<Int>
    public let validation: Range<Int>

    public init(training: Range<Int>, validation: Range<Int>) {
        precondition(training.lowerBound >= 0 && validation.lowerBound >= 0, "DataSplit ranges must start at 0 or later")
        precondition(!training.overlaps(validation), "DataSplit: training \(training) overlaps validation \(validation)")
        self.training = training
        self.validation = validation
    }

    /// The split of the authors' MNIST run: training rows 0..<50 000,
    /// validation rows 50 000..<60 000 of the training file; the test set is
    /// the separate t10k file.
    /// - Paper: the configuration released with the paper (shared/PAPER.md).
    public static let authors = DataSplit(training: 0..<50_000, validation: 50_000..<60_000)

    /// Rows the training file must hold for this split.
    public var requiredRows: Int { max(training.upperBound, validation.upperBound) }
}

/// Images with one label each.
public struct LabelledImages: Sendable, Hashable {
    public let images: IDXImages
    public let labels: IDXLabels

    public var count: Int { images.count }

    public init(images: IDXImages, labels: IDXLabels) {
        precondition(images.count == labels.count, "LabelledImages: \(images.count) images but \(labels.count) labels")
        self.images = images
        self.labels = labels
    }

    /// The images and labels in `range`.
    public func subset(_ range: Range<Int>) -> LabelledImages {
        LabelledImages(images: images.images(range), labels: labels.labels(range))
    }
}

/// An MNIST-style data set read from a folder: training, validation and test
/// images with their labels.
///
/// The folder holds MNIST's four files, each plain or gzip'd:
/// `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`,
/// `t10k-images-idx3-ubyte`, `t10k-labels-idx1-ubyte` (a `.gz` suffix, or a
/// dot before `idx` as some copies have, is found too). Fashion-MNIST, as
/// Debian installs it, is the default; the original MNIST reads the same way.
public struct DataSet: Sendable {
    /// Where Debian's `dataset-fashion-mnist` package puts the files.
    public static let fashionMNISTFolder = URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist")

    /// The four files of a folder in MNIST's layout, without suffixes.
    public static let fileNames = [
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
    ]

    public let folder: URL
    public let split: DataSplit
    public let training: LabelledImages
    public let validation: LabelledImages
    /// The whole t10k file.
    public let test: LabelledImages
    /// The file the training and validation images were read from.
    public let trainingImagesURL: URL

    /// Reads the four files in `folder` and splits the training file.
    ///
    /// Throws a `DataFileError` naming the file at fault when one is missing,
    /// unreadable, truncated or corrupt, when a label file's count differs
    /// from its image file's, when test and training images differ in size,
    /// or when the training file has fewer rows than `split` needs.
    public init(folder: URL = DataSet.fashionMNISTFolder, split: DataSplit = .authors) throws(DataFileError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw DataFileError(path: folder.path, kind: .missing, problem: "no such folder\(Self.installHint(folder))")
        }
        guard isFolder.boolValue else {
            throw DataFileError(path: folder.path, kind: .unreadable, problem: "not a folder; expected a folder of MNIST-format files")
        }
        let trainImagesURL = try Self.locate(Self.fileNames[0], in: folder)
        let trainLabelsURL = try Self.locate(Self.fileNames[1], in: folder)
        let testImagesURL = try Self.locate(Self.fileNames[2], in: folder)
        let testLabelsURL = try Self.locate(Self.fileNames[3], in: folder)

        let train = try Self.pair(trainImagesURL, trainLabelsURL)
        let test = try Self.pair(testImagesURL, testLabelsURL)
        guard test.images.rows == train.images.rows, test.images.columns == train.images.columns else {
            throw DataFileError(
                path: testImagesURL.path, kind: .mismatch,
                problem: "images are \(test.images.rows)×\(test.images.columns) pixels but the training images in \(trainImagesURL.lastPathComponent) are \(train.images.rows)×\(train.images.columns)")
        }
        guard train.count >= split.requiredRows else {
            throw DataFileError(
                path: trainImagesURL.path, kind: .mismatch,
                problem: "holds \(train.count) images; the split needs \(split.requiredRows) (training rows \(split.training), validation rows \(split.validation))")
        }
        self.folder = folder
        self.split = split
        trainingImagesURL = trainImagesURL
        training = train.subset(split.training)
        validation = train.subset(split.validation)
        self.test = test
    }

    /// Reads images and their labels, which must be as many.
    private static func pair(_ imagesURL: URL, _ labelsURL: URL) throws(DataFileError) -> LabelledImages {
        let images = try IDXImages(contentsOf: imagesURL)
        let labels = try IDXLabels(contentsOf: labelsURL)
        guard labels.count == images.count else {
            throw DataFileError(
                path: labelsURL.path, kind: .mismatch,
                problem: "holds \(labels.count) labels but \(imagesURL.lastPathComponent) holds \(images.count) images")
        }
        return LabelledImages(images: images, labels: labels)
    }

    /// The file for `name` in `folder`: plain, gzip'd, or with MNIST's
    /// other spelling (`train-images.idx3-ubyte`).
    private static func locate(_ name: String, in folder: URL) throws(DataFileError) -> URL {
        let dotted = name.replacingOccurrences(of: "-idx", with: ".idx")
        for candidate in [name, name + ".gz", dotted, dotted + ".gz"] {
            let url = folder.appendingPathComponent(candidate)
            // lstat, not fileExists: a dangling link or a loop of links is
            // there, and reading it says so, rather than "no such file".
            var status = stat()
            if lstat(url.path, &status) == 0 { return url }
        }
        throw DataFileError(
            path: folder.appendingPathComponent(name).path, kind: .missing,
            problem: "no such file (nor \(name).gz); a folder in MNIST's layout holds \(fileNames.joined(separator: ", ")), each plain or gzip'd\(installHint(folder))")
    }

    private static func installHint(_ folder: URL) -> String {
        folder.standardizedFileURL.path == fashionMNISTFolder.path
            ? " (install Debian's dataset-fashion-mnist package, as tools/bootstrap does, or pass --data DIR)" : ""
    }
}
