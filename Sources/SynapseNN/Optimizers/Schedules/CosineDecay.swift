import Foundation

/// A learning rate that follows half a cosine down to `alpha` of its peak, after an optional
/// linear warm-up, as Keras 3's `CosineDecay`:
///
/// ```text
/// warm-up (step < warmupSteps):  lr = initial + (warmupTarget − initial) · step / warmupSteps
/// then, t = min(step − warmupSteps, decaySteps) / decaySteps:
///                                lr = peak · ((1 − alpha) · ½(1 + cos πt) + alpha)
/// ```
///
/// where `peak` is `warmupTarget` with a warm-up and `initialLearningRate` without.
///
/// ```swift
/// let schedule = try CosineDecay(initialLearningRate: 0, decaySteps: 9000, warmupTarget: 1e-3, warmupSteps: 1000)
/// ```
public struct CosineDecay: LearningRateSchedule, Hashable {
    /// The rate at step 0.
    public let initialLearningRate: Float
    /// The steps of the cosine, after the warm-up.
    public let decaySteps: Int
    /// The floor, as a fraction of the peak rate.
    public let alpha: Float
    /// The peak the warm-up climbs to (`nil`: no warm-up).
    public let warmupTarget: Float?
    /// The steps of the warm-up.
    public let warmupSteps: Int

    /// The schedule above.
    ///
    /// - Throws: `ModelError.invalidArgument` unless the rates are finite and ≥ 0 (the peak
    ///   positive), `alpha` in [0, 1], `decaySteps ≥ 1` and `warmupSteps ≥ 0`.
    public init(initialLearningRate: Float, decaySteps: Int, alpha: Float = 0, warmupTarget: Float? = nil, warmupSteps: Int = 0) throws {
        let check = OptimizerArgumentCheck(owner: "CosineDecay")
        try check.nonNegative(initialLearningRate, "initialLearningRate")
        try check.positive(warmupTarget ?? initialLearningRate, warmupTarget == nil ? "initialLearningRate" : "warmupTarget")
        try check.fraction(alpha, "alpha")
        try check.atLeastOne(decaySteps, "decaySteps")
        try check.atLeastOne(warmupSteps + 1, "warmupSteps + 1")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.alpha = alpha
        self.warmupTarget = warmupTarget
        self.warmupSteps = warmupSteps
    }

    /// The rate at `step`, in `Double`.
    public func learningRate(atStep step: Int) -> Float {
        if let warmupTarget, step < warmupSteps {
            return Float(Double(initialLearningRate) + Double(warmupTarget - initialLearningRate) * Double(step) / Double(warmupSteps))
        }
        let peak = Double(warmupTarget ?? initialLearningRate)
        let done = Swift.min(Double(step - (warmupTarget == nil ? 0 : warmupSteps)), Double(decaySteps)) / Double(decaySteps)
        let cosine = 0.5 * (1 + Foundation.cos(Double.pi * done))
        return Float(peak * ((1 - Double(alpha)) * cosine + Double(alpha)))
    }
}
