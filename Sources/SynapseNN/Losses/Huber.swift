import SynapseTensor

/// The Huber loss: with `e = predictions − labels`, `½e²` where `|e| ≤ delta` and
/// `delta·|e| − ½delta²` beyond, averaged over the last axis per sample, then reduced over the
/// batch (Keras's `Huber`).
///
/// Quadratic near zero like the squared error, linear for large errors like the absolute
/// error, so outliers pull less. Labels have the predictions' shape, or `[batch]` for
/// predictions `[batch, 1]`.
public struct Huber: Loss {
    /// Where the loss turns from quadratic to linear; must be greater than 0.
    public let delta: Float
    /// How per-sample losses are combined.
    public let reduction: Reduction
    /// The loss's name in messages and training history.
    public var name: String

    /// A Huber loss with threshold `delta`, checked when the loss is computed.
    public init(delta: Float = 1, reduction: Reduction = .mean, name: String = "huber_loss") {
        self.delta = delta
        self.reduction = reduction
        self.name = name
    }

    /// The Huber loss of `predictions` against `labels`, one per sample (before `reduction`).
    ///
    /// - Throws: `ModelError.invalidArgument` for `delta ≤ 0` (or not finite) and for
    ///   predictions of rank < 2; `ModelError.invalidLabels` when the labels' shape does not
    ///   fit the predictions.
    public func perSampleLosses(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor {
        try checkArgument("delta", delta, in: Float.leastNonzeroMagnitude...Float.greatestFiniteMagnitude,
                          expected: "a finite number greater than 0")
        let labels = try labelsShaped(like: predictions, labels, allowingMissingUnitAxis: true)
        let error = try predictions - labels
        let absoluteError = abs(error)
        let quadratic = 0.5 * squared(error)
        let linear = delta * absoluteError - 0.5 * delta * delta
        return try select(where: absoluteError .<= delta, quadratic, otherwise: linear).mean(alongAxes: [-1])
    }
}
