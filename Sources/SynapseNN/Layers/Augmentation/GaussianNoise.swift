import SynapseTensor

/// Adds zero-mean Gaussian noise to its input in training, as Keras's `GaussianNoise`: each
/// element becomes `x + ε` with `ε ~ N(0, stddev²)` drawn afresh on every pass; the identity
/// otherwise. Works on inputs of any shape. The gradient with respect to the input is the
/// identity.
///
/// ```swift
/// let regularize = GaussianNoise(stddev: 0.1)
/// ```
public final class GaussianNoise: StochasticLayer {
    /// The standard deviation of the noise (≥ 0; 0 adds nothing).
    public let stddev: Float
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)

    /// A layer adding noise of standard deviation `stddev`. The argument is checked when the
    /// layer is built.
    public init(stddev: Float, name: String = "gaussian_noise") {
        self.stddev = stddev
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        try checkArguments()
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try checkArguments()
        return inputShape
    }

    /// In training, `input` plus fresh noise drawn from the layer's generator; otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training else { return input }
        return try perturbed(input, using: &generator)
    }

    /// `input` plus noise N(0, stddev²) drawn from `generator`: the deterministic form of a
    /// training pass (the same generator state gives the same noise). Gradients flow back
    /// through it unchanged.
    ///
    /// - Throws: `ModelError.invalidArgument` naming the layer when `stddev` is negative or
    ///   not finite.
    public func perturbed(_ input: Tensor, using generator: inout RandomGenerator) throws -> Tensor {
        try checkArguments()
        guard stddev > 0 else { return input }
        return try input + Tensor.randomNormal(input.shape, standardDeviation: stddev, using: &generator)
    }

    /// Throws `ModelError.invalidArgument` unless `stddev` is finite and ≥ 0.
    private func checkArguments() throws {
        guard stddev >= 0 && stddev.isFinite else {
            throw ModelError.invalidArgument(
                owner: "GaussianNoise '\(name)'", argument: "stddev", expected: "a finite value ≥ 0", received: "\(stddev)")
        }
    }
}
