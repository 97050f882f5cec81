/// A learning rate constant between step boundaries, as Keras's `PiecewiseConstantDecay`:
/// `values[0]` up to and including step `boundaries[0]`, `values[1]` up to `boundaries[1]`, …,
/// and the last value after the last boundary.
///
/// ```swift
/// let schedule = try PiecewiseConstantDecay(boundaries: [1000, 2000], values: [0.1, 0.01, 0.001])
/// ```
public struct PiecewiseConstantDecay: LearningRateSchedule, Hashable {
    /// The steps after which the rate changes, increasing.
    public let boundaries: [Int]
    /// The rates, one more than the boundaries.
    public let values: [Float]

    /// A schedule taking `values[i]` until step `boundaries[i]`.
    ///
    /// - Throws: `ModelError.invalidArgument` unless there is one more value than boundaries,
    ///   the boundaries increase, and every value is finite and positive.
    public init(boundaries: [Int], values: [Float]) throws {
        let owner = "PiecewiseConstantDecay"
        guard values.count == boundaries.count + 1 else {
            throw ModelError.invalidArgument(owner: owner, argument: "values", expected: "one more than the \(boundaries.count) boundaries",
                                             received: "\(values.count)")
        }
        guard zip(boundaries, boundaries.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ModelError.invalidArgument(owner: owner, argument: "boundaries", expected: "increasing", received: "\(boundaries)")
        }
        for value in values { try OptimizerArgumentCheck(owner: owner).positive(value, "values") }
        self.boundaries = boundaries
        self.values = values
    }

    /// The value of the interval `step` falls in.
    public func learningRate(atStep step: Int) -> Float {
        values[boundaries.firstIndex(where: { step <= $0 }) ?? boundaries.count]
    }
}
