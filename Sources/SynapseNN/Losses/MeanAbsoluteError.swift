import SynapseTensor

/// The mean absolute error: `mean(|predictions − labels|)` over the last axis per sample,
/// then reduced over the batch (Keras's `MeanAbsoluteError`).
///
/// Labels have the predictions' shape, or `[batch]` for predictions `[batch, 1]`. The gradient
/// where a prediction equals its label is taken as 0.
public struct MeanAbsoluteError: Loss {
    /// How per-sample losses are combined.
    public let reduction: Reduction
    /// The loss's name in messages and training history.
    public var name: String

    /// A mean-absolute-error loss.
    public init(reduction: Reduction = .mean, name: String = "mean_absolute_error") {
        self.reduction = reduction
        self.name = name
    }

    /// The mean absolute error of `predictions` against `labels`, one per sample (before `reduction`).
    ///
    /// - Throws: `ModelError.invalidLabels` when the labels' shape does not fit the
    ///   predictions; `ModelError.invalidArgument` for predictions of rank < 2.
    public func perSampleLosses(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor {
        let labels = try labelsShaped(like: predictions, labels, allowingMissingUnitAxis: true)
        return try abs(predictions - labels).mean(alongAxes: [-1])
    }
}
