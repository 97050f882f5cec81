import SynapseTensor

/// The layer behind `Dropout`, `SpatialDropout1D/2D` and `GaussianDropout`: in training it
/// perturbs its input with noise drawn from its own generator (seeded from the model's seed
/// when the layer is built, saved by checkpoints), leaving the expected output equal to the
/// input; otherwise the input passes unchanged.
///
/// Use the subclasses; this class holds what they share, and its own noise is `Dropout`'s.
public class DropoutLayer: StochasticLayer {
    /// The fraction dropped in training (for `GaussianDropout`, the dropout rate whose
    /// variance its noise has), in [0, 1).
    public let rate: Float
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)
    /// The subclass's name for messages, e.g. `Dropout`.
    let kind: String
    /// The spatial axes a sample must have (1: sequences, 2: images), or `nil` for any shape.
    let spatialRank: Int?

    /// A dropout layer; the rate is checked when it is built.
    init(rate: Float, kind: String, spatialRank: Int? = nil, name: String) {
        self.rate = rate
        self.kind = kind
        self.spatialRank = spatialRank
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        guard rate >= 0 && rate < 1 else {
            throw ModelError.invalidArgument(owner: "\(kind) '\(name)'", argument: "rate", expected: "in [0, 1)", received: "\(rate)")
        }
        if let spatialRank, inputShape.rank != spatialRank + 1 {
            throw ModelError.invalidInput(
                layer: name, expected: "samples of shape \(spatialRank == 1 ? "[steps, channels]" : "[height, width, channels]")",
                received: "samples of shape \(inputShape)")
        }
        return inputShape
    }

    /// In training, `input` perturbed (`perturbed(_:)`); otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training, rate > 0 else { return input }
        return try perturbed(input)
    }

    /// `input` with elements dropped with probability `rate` and the rest scaled by
    /// `1 / (1 − rate)`; subclasses draw other noise.
    func perturbed(_ input: Tensor) throws -> Tensor {
        try input * dropoutMask(shape: input.shape)
    }

    /// A mask of `0` (probability `rate`) and `1 / (1 − rate)`, of `shape` (broadcast against
    /// the input where it has axes of size 1).
    func dropoutMask(shape: Shape) throws -> Tensor {
        let keep = 1 / (1 - rate)
        let values = (0..<shape.elementCount).map { _ in Float.random(in: 0..<1, using: &generator) < rate ? 0 : keep }
        return try Tensor(shape: shape, scalars: values)
    }
}
