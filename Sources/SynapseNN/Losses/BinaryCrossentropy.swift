import SynapseTensor

/// Binary cross-entropy: `−(y·log p + (1 − y)·log(1 − p))` per element, averaged over the last
/// axis per sample, then reduced over the batch (Keras's `BinaryCrossentropy`).
///
/// Labels are in `[0, 1]` (usually 0 or 1) and have the predictions' shape, or `[batch]` for
/// predictions `[batch, 1]`.
///
/// - From probabilities (`fromLogits: false`, the default), `p` is first clipped to
///   `[ε, 1 − ε]` with ε = 1e-7, as Keras 3 does.
/// - From logits `z` (`fromLogits: true`, more stable), the loss is computed as
///   `max(z, 0) − z·y + log(1 + e^−|z|)`, finite in value and gradient for any finite `z`.
///
/// ```swift
/// let loss = BinaryCrossentropy(fromLogits: true)
/// let value = try loss(Tensor([[1.0], [0.0]]), Tensor([[2.5], [-1.0]]))
/// ```
public struct BinaryCrossentropy: Loss {
    /// Whether predictions are logits rather than probabilities.
    public let fromLogits: Bool
    /// How far labels are pulled toward ½: `y·(1 − s) + ½s`; in `[0, 1]`.
    public let labelSmoothing: Float
    /// How per-sample losses are combined.
    public let reduction: Reduction
    /// The loss's name in messages and training history.
    public var name: String

    /// A binary cross-entropy loss; `labelSmoothing` is checked when the loss is computed.
    public init(
        fromLogits: Bool = false, labelSmoothing: Float = 0, reduction: Reduction = .mean,
        name: String = "binary_crossentropy"
    ) {
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
        self.reduction = reduction
        self.name = name
    }

    /// The binary cross-entropy of `predictions` against `labels`, one per sample (before `reduction`).
    ///
    /// - Throws: `ModelError.invalidLabels` for labels outside `[0, 1]` or whose shape does
    ///   not fit the predictions; `ModelError.invalidArgument` for `labelSmoothing` outside
    ///   `[0, 1]` or predictions of rank < 2.
    public func perSampleLosses(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor {
        try checkArgument("labelSmoothing", labelSmoothing, in: 0...1, expected: "in [0, 1]")
        var labels = try labelsShaped(like: predictions, labels, allowingMissingUnitAxis: true)
        try checkLabelValues(labels, in: 0...1, expected: "probabilities in [0, 1]")
        if labelSmoothing > 0 { labels = labels * (1 - labelSmoothing) + 0.5 * labelSmoothing }
        let elementwise: Tensor
        if fromLogits {
            // softplus(z) = max(z, 0) + log1p(e^−|z|), so this is the stable form above, and its
            // gradient is sigmoid(z) − y everywhere, z = 0 included.
            elementwise = try softplus(predictions) - predictions * labels
        } else {
            let p = predictions.clippedToProbabilities()
            elementwise = try -(labels * log(p) + (1 - labels) * log(1 - p))
        }
        return try elementwise.mean(alongAxes: [-1])
    }
}
