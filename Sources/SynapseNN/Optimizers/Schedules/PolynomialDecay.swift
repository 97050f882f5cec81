import Foundation

/// A learning rate that falls polynomially to `endLearningRate` over `decaySteps`, as Keras's
/// `PolynomialDecay`:
///
/// ```text
/// lr(step) = (initialLearningRate − endLearningRate) · (1 − min(step, decaySteps) / decaySteps)^power + endLearningRate
/// ```
///
/// With `cycle`, the decay restarts: `decaySteps` is stretched to the next multiple of itself
/// past `step`.
public struct PolynomialDecay: LearningRateSchedule, Hashable {
    /// The rate at step 0.
    public let initialLearningRate: Float
    /// The steps of one decay.
    public let decaySteps: Int
    /// The rate at the end of the decay.
    public let endLearningRate: Float
    /// The polynomial's power (1: linear).
    public let power: Float
    /// Whether the decay repeats, each time over a longer span.
    public let cycle: Bool

    /// The schedule above.
    ///
    /// - Throws: `ModelError.invalidArgument` unless the rates are finite, `initialLearningRate`
    ///   positive and `endLearningRate` ≥ 0, `power` finite and positive, and `decaySteps ≥ 1`.
    public init(initialLearningRate: Float, decaySteps: Int, endLearningRate: Float = 1e-4, power: Float = 1, cycle: Bool = false) throws {
        let check = OptimizerArgumentCheck(owner: "PolynomialDecay")
        try check.positive(initialLearningRate, "initialLearningRate")
        try check.nonNegative(endLearningRate, "endLearningRate")
        try check.positive(power, "power")
        try check.atLeastOne(decaySteps, "decaySteps")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.endLearningRate = endLearningRate
        self.power = power
        self.cycle = cycle
    }

    /// The rate at `step`, in `Double`.
    public func learningRate(atStep step: Int) -> Float {
        var span = Double(decaySteps), progress = Double(step)
        if cycle {
            span *= Swift.max(1, (progress / span).rounded(.up))
        } else {
            progress = Swift.min(progress, span)
        }
        let fraction = Foundation.pow(1 - progress / span, Double(power))
        return Float(Double(initialLearningRate - endLearningRate) * fraction + Double(endLearningRate))
    }
}
