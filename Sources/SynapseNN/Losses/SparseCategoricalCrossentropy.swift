import SynapseTensor

/// Categorical cross-entropy for integer class labels: `−log p[label]` per sample, then
/// reduced over the batch (Keras's `SparseCategoricalCrossentropy`).
///
/// Predictions are `[batch, classes]` (or `[batch, …, classes]`); labels hold one class index
/// in `0..<classes` per sample, stored as whole-number `Float`s, with shape `[batch]` or
/// `[batch, 1]` (generally: the predictions' shape without its last axis, or with it as 1).
///
/// - From logits (`fromLogits: true`, faster and more stable), the loss is
///   `logΣexp(z) − z[label]`, computed by the fused `sparseSoftmaxCrossEntropy(labels:)` and
///   finite in value and gradient for any finite logits.
/// - From probabilities (the default), each row is divided by its sum and clipped to
///   `[ε, 1 − ε]` with ε = 1e-7 before the logarithm, as `CategoricalCrossentropy` does.
///
/// Keras's `ignore_class` is not supported: every label must be a valid class.
///
/// ```swift
/// model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true))
/// ```
public struct SparseCategoricalCrossentropy: Loss {
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool
    /// How per-sample losses are combined.
    public let reduction: Reduction
    /// The loss's name in messages and training history.
    public var name: String

    /// A sparse categorical cross-entropy loss.
    public init(fromLogits: Bool = false, reduction: Reduction = .mean, name: String = "sparse_categorical_crossentropy") {
        self.fromLogits = fromLogits
        self.reduction = reduction
        self.name = name
    }

    /// The cross-entropy of `predictions` against the class indices in `labels`, reduced by
    /// `reduction`.
    ///
    /// - Throws: `ModelError.invalidLabels` for labels of the wrong shape or batch size, or a
    ///   label that is not a whole number in `0..<classes`; `ModelError.invalidArgument` for
    ///   predictions of rank < 2.
    public func perSampleLosses(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor {
        let classIndices = try checkedClassIndices(labels, predictions)
        if fromLogits {
            return try predictions.sparseSoftmaxCrossEntropy(labels: classIndices)
        }
        // −log p at each sample's class: a gather from the flattened log-probabilities.
        let classes = predictions.shape[predictions.rank - 1]
        let logProbabilities = try CategoricalCrossentropy.clippedLogProbabilities(predictions)
        let positions = classIndices.enumerated().map { sample, label in sample * classes + label }
        let picked = try logProbabilities.reshaped(to: [predictions.elementCount]).gathering(atIndices: positions, alongAxis: 0)
        return try -picked.reshaped(to: Shape(predictions.shape.dimensions.dropLast()))
    }

    /// The labels as class indices, after checking their shape and values against `predictions`.
    private func checkedClassIndices(_ labels: Tensor, _ predictions: Tensor) throws -> [Int] {
        try checkBatch(labels, predictions, featuresAxis: "classes")
        let sampleShape = Shape(predictions.shape.dimensions.dropLast())
        let withUnitAxis = Shape(sampleShape.dimensions + [1])
        guard labels.shape == sampleShape || labels.shape == withUnitAxis else {
            throw ModelError.invalidLabels(
                owner: errorOwner,
                expected: "of shape \(sampleShape) or \(withUnitAxis), one class index per sample for predictions of shape \(predictions.shape)",
                received: "shape \(labels.shape)")
        }
        let classes = predictions.shape[predictions.rank - 1]
        return try labels.scalars.enumerated().map { index, value in
            guard value >= 0, value < Float(classes), value == value.rounded() else {
                throw ModelError.invalidLabels(
                    owner: errorOwner, expected: "whole-number class indices in 0..<\(classes)",
                    received: "\(value) at element \(index)")
            }
            return Int(value)
        }
    }
}
