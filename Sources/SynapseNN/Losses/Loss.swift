import SynapseTensor

/// How a loss turns per-sample losses into its result.
public enum Reduction: Hashable, Codable, Sendable {
    /// The mean over the batch (Keras's `sum_over_batch_size`): the default.
    case mean
    /// The sum over the batch.
    case sum
    /// No reduction: one loss per sample, shape `[batch]` (`[batch, …]` for predictions of
    /// rank above 2). `fit` and `evaluate` average it.
    case none
}

/// A loss function: how far predictions are from labels, as a differentiable tensor.
///
/// Arguments come in Keras's order, labels first: `loss(labels, predictions)`. Conformers
/// compute per-sample losses and reduce them by their `reduction`.
///
/// - Throws: `ModelError.invalidLabels` naming the loss when the labels do not fit
///   (out of range, wrong shape, a batch-size mismatch), and `ModelError.invalidArgument`
///   for settings or predictions out of range.
public protocol Loss: Sendable {
    /// The loss's name in messages and training history, e.g. `sparse_categorical_crossentropy`.
    var name: String { get }
    /// How per-sample losses are combined.
    var reduction: Reduction { get }
    /// The loss of each sample, before reduction: shape `[batch]` (`[batch, …]` for
    /// predictions of rank above 2). `fit` weights these when given class or sample weights.
    func perSampleLosses(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor
    /// The loss of `predictions` against `labels`, reduced by `reduction`. Has a default.
    func callAsFunction(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor
}

extension Loss {
    /// `perSampleLosses` reduced by `reduction`.
    public func callAsFunction(_ labels: Tensor, _ predictions: Tensor) throws -> Tensor {
        try reduction.apply(to: perSampleLosses(labels, predictions))
    }
}

extension Reduction {
    /// `perSample` (shape `[batch]`) reduced as this case says.
    public func apply(to perSample: Tensor) throws -> Tensor {
        switch self {
        case .mean: return perSample.elementCount == 0 ? perSample.sum() : try perSample.mean()
        case .sum: return perSample.sum()
        case .none: return perSample
        }
    }
}
