import Foundation
import Synapse

/// The seed's convolutional network on all of MNIST: 28×28×1 images scaled to [0, 1];
/// Conv2D 32 3×3 relu → MaxPooling2D 2 → Conv2D 64 3×3 relu → MaxPooling2D 2 → Conv2D 64 3×3
/// relu → Flatten → Dense 64 relu → Dense 10 logits; sparse categorical cross-entropy from
/// logits, Adam 1e-3, batch 64, on the 60,000 training images. Target: ≥ 99.0 % accuracy on the
/// 10,000 test images.
///
/// - Parameters:
///   - dataDirectory: the folder holding the MNIST files; `nil` searches as `DatasetCatalogue` does.
///   - epochs: passes over the training images.
///   - seed: the seed of the initial weights and of the batch order.
///   - verbose: how much `fit` reports.
///   - log: where the summary and the other notes go.
/// - Throws: the catalogue's errors when the data cannot be found or read.
public func convolutionalDigits(
    dataDirectory: URL? = nil, epochs: Int = 6, seed: UInt64 = 0, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }
) throws -> SeedReport {
    let ((x, y), (xTest, yTest)) = try mnistImages(dataDirectory: dataDirectory)

    let model = seedCNN(seed: seed)
    log(model.summary())
    model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
    let seconds = try secondsElapsed { try model.fit(x, y, epochs: epochs, batchSize: 64, verbose: verbose, seed: seed) }
    let test = try model.evaluate(xTest, yTest)
    let accuracy = Double(test[.accuracy] ?? 0)
    log(String(format: "fit: %d epochs of %d images in %.1f s (%.0f images/s)", epochs, x.shape[0], seconds,
               Double(epochs * x.shape[0]) / seconds))
    return SeedReport(
        name: "cnn",
        figures: [("test_accuracy", accuracy), ("test_loss", Double(test[.loss] ?? .nan)), ("epochs", Double(epochs)),
                  ("fit_seconds", seconds), ("train_images_per_second", Double(epochs * x.shape[0]) / seconds)],
        target: "test accuracy ≥ 0.99", metTarget: accuracy >= 0.99)
}

/// The seed's convolutional network for 28×28×1 images, uncompiled: Conv2D 32 3×3 relu →
/// MaxPooling2D 2 → Conv2D 64 3×3 relu → MaxPooling2D 2 → Conv2D 64 3×3 relu → Flatten →
/// Dense 64 relu → Dense 10 logits.
public func seedCNN(seed: UInt64) -> Sequential {
    Sequential(name: "seed_cnn", seed: seed) {
        Input(shape: [28, 28, 1])
        Conv2D(32, kernelSize: 3, activation: .relu)
        MaxPooling2D(poolSize: 2)
        Conv2D(64, kernelSize: 3, activation: .relu)
        MaxPooling2D(poolSize: 2)
        Conv2D(64, kernelSize: 3, activation: .relu)
        Flatten()
        Dense(64, activation: .relu)
        Dense(10)
    }
}
