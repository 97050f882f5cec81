import Foundation

/// Cosine decay with warm restarts (SGDR, Loshchilov and Hutter), as Keras's
/// `CosineDecayRestarts`: a cosine from the peak down to `alpha` of it over `firstDecaySteps`,
/// then again from `mMul` times the last peak over `tMul` times as many steps, and so on.
public struct CosineDecayRestarts: LearningRateSchedule, Hashable {
    /// The first peak.
    public let initialLearningRate: Float
    /// The steps of the first period.
    public let firstDecaySteps: Int
    /// How much longer each period is than the one before.
    public let tMul: Float
    /// How much lower each peak is than the one before.
    public let mMul: Float
    /// The floor, as a fraction of the initial rate.
    public let alpha: Float

    /// The schedule above.
    ///
    /// - Throws: `ModelError.invalidArgument` unless `initialLearningRate` and `tMul` are finite
    ///   and positive, `mMul` finite and ≥ 0, `alpha` in [0, 1] and `firstDecaySteps ≥ 1`.
    public init(initialLearningRate: Float, firstDecaySteps: Int, tMul: Float = 2, mMul: Float = 1, alpha: Float = 0) throws {
        let check = OptimizerArgumentCheck(owner: "CosineDecayRestarts")
        try check.positive(initialLearningRate, "initialLearningRate")
        try check.positive(tMul, "tMul")
        try check.nonNegative(mMul, "mMul")
        try check.fraction(alpha, "alpha")
        try check.atLeastOne(firstDecaySteps, "firstDecaySteps")
        self.initialLearningRate = initialLearningRate
        self.firstDecaySteps = firstDecaySteps
        self.tMul = tMul
        self.mMul = mMul
        self.alpha = alpha
    }

    /// The rate at `step`: Keras's formula, in `Double`.
    public func learningRate(atStep step: Int) -> Float {
        var completed = Double(step) / Double(firstDecaySteps)
        let tMul = Double(self.tMul), restart: Double
        if tMul == 1 {
            restart = completed.rounded(.down)
            completed -= restart
        } else {
            restart = (Foundation.log(1 - completed * (1 - tMul)) / Foundation.log(tMul)).rounded(.down)
            let elapsed = (1 - Foundation.pow(tMul, restart)) / (1 - tMul)
            completed = (completed - elapsed) / Foundation.pow(tMul, restart)
        }
        let cosine = 0.5 * Foundation.pow(Double(mMul), restart) * (1 + Foundation.cos(Double.pi * completed))
        return Float(Double(initialLearningRate) * ((1 - Double(alpha)) * cosine + Double(alpha)))
    }
}
