/// The learning rate as a function of the optimizer's step count.
///
/// A plain `Float` is a constant schedule, so `Adam(learningRate: 1e-3)` and
/// `Adam(learningRate: ExponentialDecay(…))` both read naturally.
public protocol LearningRateSchedule: Sendable {
    /// The learning rate for update number `step` (0 for the first update).
    func learningRate(atStep step: Int) -> Float
}

extension Float: LearningRateSchedule {
    /// The constant rate `self`.
    public func learningRate(atStep step: Int) -> Float { self }
}

/// `step / decaySteps`, rounded down with `staircase`: how far the exponential and inverse-time
/// decays have gone, in `Double`.
func decayProgress(step: Int, decaySteps: Int, staircase: Bool) -> Double {
    let progress = Double(step) / Double(decaySteps)
    return staircase ? progress.rounded(.down) : progress
}
