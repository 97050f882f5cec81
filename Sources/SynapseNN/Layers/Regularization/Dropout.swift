import SynapseTensor

/// Inverted dropout, as Keras's `Dropout`: in training, each element is set to 0 with
/// probability `rate` and the others are scaled by `1 / (1 − rate)`, so the expected output
/// equals the input; otherwise the input passes unchanged.
///
/// The mask is drawn from the layer's own generator, seeded from the model's seed when the
/// layer is built (so the same seed gives the same run, and checkpoints save the generator).
///
/// ```swift
/// Dense(64, activation: .relu); Dropout(0.3)
/// ```
public final class Dropout: StochasticLayer {
    /// The fraction of elements dropped in training, in [0, 1).
    public let rate: Float
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)

    /// A dropout layer; the rate is checked when the layer is built.
    public init(_ rate: Float, name: String = "dropout") {
        self.rate = rate
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try DropoutMask.check(rate, owner: "Dropout '\(name)'")
        return inputShape
    }

    /// In training, `input` with elements dropped and the rest scaled; otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training, rate > 0 else { return input }
        return try input * DropoutMask.draw(shape: input.shape, rate: rate, using: &generator)
    }
}

/// The masks of the dropout layers: `0` with probability `rate`, `1 / (1 − rate)` otherwise.
enum DropoutMask {
    /// A mask of `shape` (broadcast against the input where it has axes of size 1: whole
    /// channels dropped together, for the spatial variants), drawn from `generator`.
    static func draw(shape: Shape, rate: Float, using generator: inout RandomGenerator) throws -> Tensor {
        let keep = 1 / (1 - rate)
        let values = (0..<shape.elementCount).map { _ in Float.random(in: 0..<1, using: &generator) < rate ? 0 : keep }
        return try Tensor(shape: shape, scalars: values)
    }

    /// Throws `ModelError.invalidArgument` naming `owner` unless `rate` is in [0, 1).
    static func check(_ rate: Float, owner: String) throws {
        guard rate >= 0 && rate < 1 else {
            throw ModelError.invalidArgument(owner: owner, argument: "rate", expected: "in [0, 1)", received: "\(rate)")
        }
    }
}
