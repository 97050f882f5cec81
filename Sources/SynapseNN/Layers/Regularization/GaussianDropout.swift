import SynapseTensor

/// Multiplicative Gaussian noise, as Keras's `GaussianDropout`: in training each element is
/// multiplied by a draw from N(1, rate / (1 − rate)) — the variance of inverted dropout at the
/// same `rate` — so the expected output equals the input; otherwise the input passes unchanged.
public final class GaussianDropout: StochasticLayer {
    /// The equivalent dropout rate, in [0, 1).
    public let rate: Float
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)

    /// A Gaussian dropout layer; the rate is checked when the layer is built.
    public init(_ rate: Float, name: String = "gaussian_dropout") {
        self.rate = rate
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try DropoutMask.check(rate, owner: "GaussianDropout '\(name)'")
        return inputShape
    }

    /// In training, `input` times noise of mean 1; otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training, rate > 0 else { return input }
        let noise = try Tensor.randomNormal(input.shape, mean: 1, standardDeviation: (rate / (1 - rate)).squareRoot(), using: &generator)
        return try input * noise
    }
}
