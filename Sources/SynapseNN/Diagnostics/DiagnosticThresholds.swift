/// When diagnostics raise a warning. The defaults stay quiet on healthy runs of the examples
/// and fire on the textbook failures; tighten or loosen them for unusual models.
public struct DiagnosticThresholds: Equatable, Sendable {
    /// The fraction of a ReLU layer's units dead on the sampled rows that raises `deadReLU`.
    public var deadUnitFraction: Float = 0.5
    /// The fraction of a sigmoid or tanh layer's outputs at its bounds that raises `saturatedActivations`.
    public var saturatedFraction: Float = 0.5
    /// A gradient depth ratio (first layer's norm ÷ last layer's) below this raises `vanishingGradients`.
    public var vanishingRatio: Float = 1e-2
    /// A gradient depth ratio above this raises `explodingGradients`.
    public var explodingRatio: Float = 1e2
    /// The validation loss's rise above its best (as a fraction of the best) that, with the
    /// training loss still falling, raises `overfitting`.
    public var overfittingRise: Float = 0.1
    /// How far the training loss may climb above its lowest value (as a multiple) before
    /// `learningRateTooHigh` is raised.
    public var divergenceFactor: Float = 1.5
    /// How many times the first batch's loss a later batch's may reach before
    /// `learningRateTooHigh` is raised.
    public var batchDivergenceFactor: Float = 1000
    /// The relative fall in training loss, since the first epoch, below which a run counts
    /// as making no progress.
    public var noProgressFraction: Float = 0.01
    /// The update ratio below which, with no progress, `learningRateTooLow` is raised.
    public var smallUpdateRatio: Float = 1e-4
    /// The epochs to wait before judging progress.
    public var patience: Int = 3

    /// The default thresholds.
    public init() {}
}
