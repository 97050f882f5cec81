import Foundation

/// A learning rate that decays exponentially with the step, as Keras's `ExponentialDecay`:
///
/// ```text
/// lr(step) = initialLearningRate · decayRate^(step / decaySteps)
/// ```
///
/// With `staircase`, the exponent is rounded down, so the rate drops by `decayRate` once every
/// `decaySteps` steps instead of a little on every step.
///
/// ```swift
/// let schedule = try ExponentialDecay(initialLearningRate: 0.1, decaySteps: 1000, decayRate: 0.96)
/// let optimizer = SGD(learningRate: schedule)
/// ```
public struct ExponentialDecay: LearningRateSchedule, Hashable {
    /// The rate at step 0.
    public let initialLearningRate: Float
    /// The number of steps over which the rate is multiplied by `decayRate`.
    public let decaySteps: Int
    /// The factor applied every `decaySteps` steps.
    public let decayRate: Float
    /// Whether the rate changes in steps (every `decaySteps`) rather than continuously.
    public let staircase: Bool

    /// A schedule starting at `initialLearningRate`, multiplied by `decayRate` every `decaySteps`.
    ///
    /// - Throws: `ModelError.invalidArgument` unless `initialLearningRate` and `decayRate` are
    ///   finite and positive and `decaySteps ≥ 1`.
    public init(initialLearningRate: Float, decaySteps: Int, decayRate: Float, staircase: Bool = false) throws {
        let check = OptimizerArgumentCheck(owner: "ExponentialDecay")
        try check.positive(initialLearningRate, "initialLearningRate")
        try check.positive(decayRate, "decayRate")
        try check.atLeastOne(decaySteps, "decaySteps")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
    }

    /// `initialLearningRate · decayRate^(step / decaySteps)`, the exponent rounded down with
    /// `staircase`; computed in `Double`.
    public func learningRate(atStep step: Int) -> Float {
        Float(Double(initialLearningRate) * Foundation.pow(Double(decayRate), decayProgress(step: step, decaySteps: decaySteps, staircase: staircase)))
    }
}
