/// A learning rate that falls as the inverse of time, as Keras's `InverseTimeDecay`:
///
/// ```text
/// lr(step) = initialLearningRate / (1 + decayRate · step / decaySteps)
/// ```
///
/// With `staircase`, `step / decaySteps` is rounded down.
public struct InverseTimeDecay: LearningRateSchedule, Hashable {
    /// The rate at step 0.
    public let initialLearningRate: Float
    /// The steps over which the denominator grows by `decayRate`.
    public let decaySteps: Int
    /// How fast the denominator grows.
    public let decayRate: Float
    /// Whether the rate changes only every `decaySteps` steps.
    public let staircase: Bool

    /// The schedule above.
    ///
    /// - Throws: `ModelError.invalidArgument` unless `initialLearningRate` is finite and
    ///   positive, `decayRate` finite and ≥ 0, and `decaySteps ≥ 1`.
    public init(initialLearningRate: Float, decaySteps: Int, decayRate: Float, staircase: Bool = false) throws {
        let check = OptimizerArgumentCheck(owner: "InverseTimeDecay")
        try check.positive(initialLearningRate, "initialLearningRate")
        try check.nonNegative(decayRate, "decayRate")
        try check.atLeastOne(decaySteps, "decaySteps")
        (self.initialLearningRate, self.decaySteps, self.decayRate, self.staircase) = (initialLearningRate, decaySteps, decayRate, staircase)
    }

    /// `initialLearningRate / (1 + decayRate · step / decaySteps)`, in `Double`.
    public func learningRate(atStep step: Int) -> Float {
        Float(Double(initialLearningRate) / (1 + Double(decayRate) * decayProgress(step: step, decaySteps: decaySteps, staircase: staircase)))
    }
}
