import Foundation
import Synapse

/// A small residual network (ResNet) on MNIST, drawn with the functional API: each block adds
/// its input back to the output of two convolutions (`Add`), so the gradient has a shortcut
/// past them.
///
/// 28×28×1 images scaled to [0, 1]; Conv2D 16 3×3 stride 2 same relu → residual block 16 →
/// MaxPooling2D 2 → Conv2D 32 3×3 same relu → residual block 32 → MaxPooling2D 2 → Flatten →
/// Dense 10 logits, where a block is Conv2D 3×3 same relu → Conv2D 3×3 same, added to its
/// input, then relu. Adam 1e-3, batch 64, 3 epochs on the 60,000 training images.
/// Target: ≥ 98.5 % on the 10,000 test images.
///
/// - Parameters:
///   - dataDirectory: the folder holding the MNIST files; `nil` searches as `DatasetCatalogue` does.
///   - epochs: passes over the training images.
///   - seed: the seed of the initial weights and of the batch order.
///   - verbose: how much `fit` reports.
///   - log: where the summary and the other notes go.
/// - Throws: the catalogue's errors when the data cannot be found or read.
public func residualDigits(
    dataDirectory: URL? = nil, epochs: Int = 3, seed: UInt64 = 0, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }
) throws -> SeedReport {
    let ((x, y), (xTest, yTest)) = try mnistImages(dataDirectory: dataDirectory)

    /// Two convolutions, added back to `input`.
    func residualBlock(_ input: SymbolicTensor, filters: Int) throws -> SymbolicTensor {
        var branch = try Conv2D(filters, kernelSize: 3, padding: .same, activation: .relu)(input)
        branch = try Conv2D(filters, kernelSize: 3, padding: .same)(branch)
        return try Activation(.relu)(try Add()([input, branch]))
    }
    let images = Input.symbolic(shape: [28, 28, 1], name: "image")
    var features = try Conv2D(16, kernelSize: 3, strides: 2, padding: .same, activation: .relu)(images)
    features = try MaxPooling2D(poolSize: 2)(try residualBlock(features, filters: 16))
    features = try Conv2D(32, kernelSize: 3, padding: .same, activation: .relu)(features)
    features = try residualBlock(features, filters: 32)
    let logits = try Dense(10, name: "logits")(try Flatten()(try MaxPooling2D(poolSize: 2)(features)))
    let model = try Functional(inputs: images, outputs: logits, name: "small_resnet", seed: seed)
    log(model.summary())
    model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
    let seconds = try secondsElapsed { try model.fit(x, y, epochs: epochs, batchSize: 64, verbose: verbose, seed: seed) }
    let test = try model.evaluate(xTest, yTest, batchSize: 256)
    let accuracy = Double(test[.accuracy] ?? 0)
    log(String(format: "fit: %d epochs of %d images in %.1f s (%.0f images/s)", epochs, x.shape[0], seconds, Double(epochs * x.shape[0]) / seconds))
    return SeedReport(
        name: "resnet",
        figures: [("test_accuracy", accuracy), ("test_loss", Double(test[.loss] ?? .nan)), ("parameters", Double(model.parameterCount)),
                  ("epochs", Double(epochs)), ("fit_seconds", seconds)],
        target: "test accuracy ≥ 0.985", metTarget: accuracy >= 0.985)
}
