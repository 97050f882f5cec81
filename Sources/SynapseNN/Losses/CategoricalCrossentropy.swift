import SynapseTensor

/// Categorical cross-entropy: `−Σ y·log p` over the last axis (the classes) per sample, then
/// reduced over the batch (Keras's `CategoricalCrossentropy`).
///
/// Labels are one-hot vectors or probability distributions with the predictions' shape
/// `[batch, …, classes]`; for integer class labels use `SparseCategoricalCrossentropy`.
///
/// - From probabilities (`fromLogits: false`, the default), each row of predictions is first
///   divided by its sum, then clipped to `[ε, 1 − ε]` with ε = 1e-7, as Keras does.
/// - From logits (`fromLogits: true`, more stable), `log p` is `logSoftmax(z)`, finite in value
///   and gradient for any finite logits.
///
/// ```swift
/// let loss = CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.1)
/// let value = try loss(Tensor([[0.0, 1.0, 0.0]]), Tensor([[0.5, 2.0, -1.0]]))
/// ```
public struct CategoricalCrossentropy: Loss {
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool
    /// How far labels are pulled toward uniform: `y·(1 − s) + s / classes`; in `[0, 1]`.
    public let labelSmoothing: Float
    /// How per-sample losses are combined.
    public let reduction: Reduction
    /// The loss's name in messages and training history.
    public var name: String

    /// A categorical cross-entropy loss; `labelSmoothing` is checked when the loss is computed.
    public init(
        fromLogits: Bool = false, labelSmoothing: Float = 0, reduction: Reduction = .mean,
        name: String = "categorical_crossentropy"
    ) {
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
        self.reduction = reduction
        self.name = name
    }

    /// The categorical cross-entropy of `predictions` against `labels`, one per sample (before `reduction`).
    ///
    /// - Throws: `ModelError.invalidLabels` when the labels' shape differs from the
    ///   predictions'; `ModelError.invalidArgument` for `labelSmoothing` outside `[0, 1]` or
    ///   predictions of rank < 2.
    public func perSampleLosses(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor {
        try checkArgument("labelSmoothing", labelSmoothing, in: 0...1, expected: "in [0, 1]")
        var labels = try labelsShaped(like: predictions, labels, allowingMissingUnitAxis: false)
        try checkLabelValues(labels, in: 0...1, expected: "probabilities in [0, 1] (one-hot or soft labels)")
        if labelSmoothing > 0 {
            let classes = Float(predictions.shape[predictions.rank - 1])
            labels = labels * (1 - labelSmoothing) + labelSmoothing / classes
        }
        let logProbabilities = fromLogits
            ? try predictions.logSoftmax(alongAxis: -1)
            : try CategoricalCrossentropy.clippedLogProbabilities(predictions)
        return try -(labels * logProbabilities).sum(alongAxes: [-1])
    }

    /// `log p` for probability predictions, Keras's way: each row along the last axis divided
    /// by its sum, then clipped to `[ε, 1 − ε]`.
    static func clippedLogProbabilities(_ predictions: Tensor) throws -> Tensor {
        let normalized = try predictions / predictions.sum(alongAxes: [-1], keepingDimensions: true)
        return log(normalized.clippedToProbabilities())
    }
}
