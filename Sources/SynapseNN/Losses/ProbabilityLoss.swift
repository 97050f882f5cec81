/// A loss that compares labels with probabilities, or with the logits behind them:
/// the cross-entropies. Diagnostics read it to check the model's output fits the loss.
public protocol ProbabilityLoss: Loss {
    /// Whether predictions are logits (turned into probabilities inside the loss).
    var fromLogits: Bool { get }
    /// Whether each prediction row is one distribution over classes (a softmax output)
    /// rather than independent probabilities (sigmoid outputs).
    var expectsDistribution: Bool { get }
}

extension BinaryCrossentropy: ProbabilityLoss {
    public var expectsDistribution: Bool { false }
}

extension CategoricalCrossentropy: ProbabilityLoss {
    public var expectsDistribution: Bool { true }
}

extension SparseCategoricalCrossentropy: ProbabilityLoss {
    public var expectsDistribution: Bool { true }
}
