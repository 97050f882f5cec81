import SynapseTensor

/// The mean squared error: `mean((predictions − labels)²)` over the last axis per sample,
/// then reduced over the batch (Keras's `MeanSquaredError`).
///
/// Labels have the predictions' shape, or `[batch]` for predictions `[batch, 1]`.
///
/// ```swift
/// let loss = MeanSquaredError()
/// let value = try loss(Tensor([[0.0, 1.0]]), Tensor([[1.0, 1.0]]))   // 0.5
/// ```
public struct MeanSquaredError: Loss {
    /// How per-sample losses are combined.
    public let reduction: Reduction
    /// The loss's name in messages and training history.
    public var name: String

    /// A mean-squared-error loss.
    public init(reduction: Reduction = .mean, name: String = "mean_squared_error") {
        self.reduction = reduction
        self.name = name
    }

    /// The mean squared error of `predictions` against `labels`, one per sample (before `reduction`).
    ///
    /// - Throws: `ModelError.invalidLabels` when the labels' shape does not fit the
    ///   predictions; `ModelError.invalidArgument` for predictions of rank < 2.
    public func perSampleLosses(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor {
        let labels = try labelsShaped(like: predictions, labels, allowingMissingUnitAxis: true)
        return try squared(predictions - labels).mean(alongAxes: [-1])
    }
}
