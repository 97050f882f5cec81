import Foundation
import Synapse

/// Transfer learning on MNIST: a CNN learns digits 0–4; its convolutional base, frozen, gets a
/// new head for digits 5–9 from only 500 examples; then the whole network is fine-tuned at a
/// tenth of the learning rate; and the same architecture trained from scratch on the same 500
/// examples is the baseline.
///
/// The base: Conv2D 32 3×3 relu → MaxPooling2D 2 → Conv2D 64 3×3 relu → MaxPooling2D 2 →
/// Flatten, trained with Dense 64 relu → Dense 5 on the ≈ 30,600 training images of 0–4 for
/// 2 epochs (Adam 1e-3, batch 64). The new head, Dense 64 relu → Dense 5, trains for 20 epochs
/// (Adam 1e-3, batch 32) on the first 500 training images of 5–9 with the base frozen; fine-tuning
/// unfreezes it for 10 more epochs at Adam 1e-4; from scratch trains all 30 epochs at 1e-3.
/// Accuracies are on the ≈ 4,860 test images of 5–9. Target: the frozen base's weights stay
/// bit-identical while the head trains, both transferred models beat the scratch model, and
/// the frozen base with its new head reaches 96 %.
///
/// - Parameters:
///   - dataDirectory: the folder holding the MNIST files; `nil` searches as `DatasetCatalogue` does.
///   - seed: the seed of the initial weights and of the batch order.
///   - verbose: how much `fit` reports.
///   - log: where the table and the other notes go.
/// - Throws: the catalogue's errors when the data cannot be found or read.
public func transferLearning(dataDirectory: URL? = nil, seed: UInt64 = 0, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }) throws -> SeedReport {
    let ((images, labels), (testImages, testLabels)) = try mnistImages(dataDirectory: dataDirectory)
    func rows(of labels: Tensor, in digits: ClosedRange<Int>) -> [Int] {
        labels.scalars.enumerated().filter { digits.contains(Int($0.element)) }.map(\.offset)
    }
    let lowRows = rows(of: labels, in: 0...4), highRows = Array(rows(of: labels, in: 5...9).prefix(500))
    let testRows = rows(of: testLabels, in: 5...9)
    let (lowX, lowY) = (try images.gathering(atIndices: lowRows, alongAxis: 0), try labels.gathering(atIndices: lowRows, alongAxis: 0))
    let (fewX, fewY) = (try images.gathering(atIndices: highRows, alongAxis: 0), try labels.gathering(atIndices: highRows, alongAxis: 0) - 5)
    let (testX, testY) = (try testImages.gathering(atIndices: testRows, alongAxis: 0), try testLabels.gathering(atIndices: testRows, alongAxis: 0) - 5)

    /// The convolutional base and a new classifier head on symbolic images.
    func network(base: [any Layer], name: String) throws -> Functional {
        let input = Input.symbolic(shape: [28, 28, 1], name: "image")
        let features = try base.reduce(input) { try $1($0) }
        let hidden = try Dense(64, activation: .relu, name: "head_hidden")(features)
        return try Functional(inputs: input, outputs: try Dense(5, name: "head_logits")(hidden), name: name, seed: seed)
    }
    func convolutionalBase() -> [any Layer] {
        [Conv2D(32, kernelSize: 3, activation: .relu), MaxPooling2D(poolSize: 2), Conv2D(64, kernelSize: 3, activation: .relu),
         MaxPooling2D(poolSize: 2), Flatten()]
    }
    func accuracy(_ model: Functional) throws -> Double { Double(try model.evaluate(testX, testY, batchSize: 256)[.accuracy] ?? .nan) }
    let loss = SparseCategoricalCrossentropy(fromLogits: true)

    let base = convolutionalBase()
    let pretrained = try network(base: base, name: "digits_0_to_4")
    pretrained.compile(optimizer: Adam(learningRate: 1e-3), loss: loss, metrics: [.accuracy])
    try pretrained.fit(lowX, lowY, epochs: 2, batchSize: 64, verbose: verbose, seed: seed)
    log("base trained on \(lowRows.count) images of 0–4; transferring to 5–9 with \(highRows.count) examples")

    for layer in base { layer.isTrainable = false }
    let transferred = try network(base: base, name: "transfer")
    let frozenWeights = base.flatMap(\.parameters).map(\.value)
    transferred.compile(optimizer: Adam(learningRate: 1e-3), loss: loss, metrics: [.accuracy])
    try transferred.fit(fewX, fewY, epochs: 20, batchSize: 32, verbose: verbose, seed: seed)
    let baseUnchanged = base.flatMap(\.parameters).map(\.value) == frozenWeights
    let frozenTrainable = transferred.trainableParameters.reduce(0) { $0 + $1.value.elementCount }
    let frozenAccuracy = try accuracy(transferred)

    for layer in base { layer.isTrainable = true }
    transferred.compile(optimizer: Adam(learningRate: 1e-4), loss: loss, metrics: [.accuracy])
    try transferred.fit(fewX, fewY, epochs: 10, batchSize: 32, verbose: verbose, seed: seed)
    let fineTunedAccuracy = try accuracy(transferred)

    let scratch = try network(base: convolutionalBase(), name: "scratch")
    scratch.compile(optimizer: Adam(learningRate: 1e-3), loss: loss, metrics: [.accuracy])
    try scratch.fit(fewX, fewY, epochs: 30, batchSize: 32, verbose: verbose, seed: seed)
    let scratchAccuracy = try accuracy(scratch)

    log("method                         trainable params  test accuracy (5–9, \(testRows.count) images)")
    for (method, parameters, value) in [("frozen base + new head", frozenTrainable, frozenAccuracy),
                                        ("fine-tuned (Adam 1e-4)", transferred.parameterCount, fineTunedAccuracy),
                                        ("from scratch", scratch.parameterCount, scratchAccuracy)] {
        log(method.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: " %16d  %.4f", parameters, value))
    }
    log("frozen base unchanged while the head trained: \(baseUnchanged)")
    return SeedReport(
        name: "transfer",
        figures: [("frozen_base_test_accuracy", frozenAccuracy), ("fine_tuned_test_accuracy", fineTunedAccuracy),
                  ("scratch_test_accuracy", scratchAccuracy), ("frozen_trainable_parameters", Double(frozenTrainable)),
                  ("base_unchanged", baseUnchanged ? 1 : 0)],
        target: "frozen base unchanged; frozen and fine-tuned each above scratch; frozen ≥ 0.96",
        metTarget: baseUnchanged && frozenAccuracy > scratchAccuracy && fineTunedAccuracy > scratchAccuracy && frozenAccuracy >= 0.96)
}
