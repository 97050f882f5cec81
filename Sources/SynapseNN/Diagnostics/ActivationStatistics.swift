import SynapseTensor

/// Statistics of one layer's outputs on a batch: how large they are, how many are
/// non-finite, and, where the activation makes it meaningful, how many units are dead or
/// saturated.
public struct ActivationStatistics: Codable, Equatable, Sendable {
    /// The mean of the finite outputs.
    public var mean: Float
    /// The standard deviation of the finite outputs.
    public var standardDeviation: Float
    /// The fraction of outputs that are NaN or infinite.
    public var nonFiniteFraction: Float
    /// For a ReLU output: the fraction of units (positions along the last axis, e.g. neurons
    /// or channels) that are 0 for every sample of the batch; `nil` for other activations.
    public var deadUnitFraction: Float?
    /// For a sigmoid or tanh output: the fraction of outputs within 0.01 of the function's
    /// bounds (among the finite ones), where its derivative is nearly 0; `nil` for other activations.
    public var saturatedFraction: Float?

    /// The statistics of `output`, a batch `[samples, …, units]` computed by a layer whose last
    /// function is `activation` (`nil` when it has none).
    public init(of output: Tensor, activation: ActivationFunction?) {
        let units = output.rank >= 2 ? Swift.max(output.shape[output.rank - 1], 1) : 1
        var sum = 0.0, sumOfSquares = 0.0, finite = 0, saturated = 0
        var alive = [Bool](repeating: false, count: units)
        let saturation = ActivationStatistics.saturationTest(for: activation)
        let count = output.elementCount
        output.withUnsafeBufferPointer { values in
            for (index, value) in values.enumerated() {
                guard value.isFinite else { continue }
                finite += 1
                sum += Double(value)
                sumOfSquares += Double(value) * Double(value)
                if value > 0 { alive[index % units] = true }
                if let saturation, saturation(value) { saturated += 1 }
            }
        }
        let mean = finite > 0 ? sum / Double(finite) : 0
        self.mean = Float(mean)
        standardDeviation = finite > 0 ? Float(Swift.max(sumOfSquares / Double(finite) - mean * mean, 0).squareRoot()) : 0
        nonFiniteFraction = count > 0 ? Float(count - finite) / Float(count) : 0
        deadUnitFraction = activation == .relu ? Float(alive.lazy.filter { !$0 }.count) / Float(units) : nil
        saturatedFraction = saturation == nil ? nil : (finite > 0 ? Float(saturated) / Float(finite) : 0)
    }

    /// Whether an output of `activation` lies where its derivative is nearly 0, for the
    /// bounded activations.
    private static func saturationTest(for activation: ActivationFunction?) -> ((Float) -> Bool)? {
        switch activation {
        case .sigmoid: return { $0 < 0.01 || $0 > 0.99 }
        case .tanh: return { abs($0) > 0.99 }
        default: return nil
        }
    }
}
