import Foundation
import Synapse

/// MNIST's training and test images as `[n, 28, 28, 1]` batches scaled to [0, 1], with their
/// labels: what the convolutional programs train and test on.
///
/// - Throws: the catalogue's errors when the data cannot be found or read.
func mnistImages(dataDirectory: URL?) throws -> (train: (x: Tensor, y: Tensor), test: (x: Tensor, y: Tensor)) {
    let mnist = try DatasetCatalogue().mnist(from: dataDirectory)
    return ((try mnist.trainImages.reshaped(to: [-1, 28, 28, 1]) / 255, mnist.trainLabels),
            (try mnist.testImages.reshaped(to: [-1, 28, 28, 1]) / 255, mnist.testLabels))
}
