import SynapseTensor

/// Dropout of whole feature maps, as Keras's `SpatialDropout1D` and `SpatialDropout2D`: in
/// training each channel of each sample is dropped entirely with probability `rate` (and the
/// others scaled by `1 / (1 − rate)`), which regularises convolutional layers whose
/// neighbouring activations are strongly correlated; otherwise the input passes unchanged.
///
/// `SpatialDropout1D` takes `[batch, steps, channels]`, `SpatialDropout2D`
/// `[batch, height, width, channels]`; both are this class with the input's rank fixed.
public class SpatialDropout: StochasticLayer {
    /// The fraction of channels dropped in training, in [0, 1).
    public let rate: Float
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)
    /// The spatial axes of a sample (1 for sequences, 2 for images).
    let spatialRank: Int
    /// The subclass's name for messages.
    let kind: String

    /// A spatial dropout layer over samples with `spatialRank` spatial axes.
    init(rate: Float, spatialRank: Int, kind: String, name: String) {
        self.rate = rate
        self.spatialRank = spatialRank
        self.kind = kind
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try DropoutMask.check(rate, owner: "\(kind) '\(name)'")
        guard inputShape.rank == spatialRank + 1 else {
            throw ModelError.invalidInput(
                layer: name, expected: "samples of shape \(spatialRank == 1 ? "[steps, channels]" : "[height, width, channels]")",
                received: "samples of shape \(inputShape)")
        }
        return inputShape
    }

    /// In training, `input` with whole channels dropped and the rest scaled; otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training, rate > 0 else { return input }
        // One draw per sample and channel, shared by every position.
        let maskShape = Shape([input.shape[0]] + Array(repeating: 1, count: spatialRank) + [input.shape[input.rank - 1]])
        return try input * DropoutMask.draw(shape: maskShape, rate: rate, using: &generator)
    }
}

/// `SpatialDropout` over sequences `[batch, steps, channels]`, as Keras's `SpatialDropout1D`.
public final class SpatialDropout1D: SpatialDropout {
    /// A layer dropping whole channels with probability `rate` in training.
    public init(_ rate: Float, name: String = "spatial_dropout1d") {
        super.init(rate: rate, spatialRank: 1, kind: "SpatialDropout1D", name: name)
    }
}

/// `SpatialDropout` over images `[batch, height, width, channels]`, as Keras's `SpatialDropout2D`.
public final class SpatialDropout2D: SpatialDropout {
    /// A layer dropping whole feature maps with probability `rate` in training.
    public init(_ rate: Float, name: String = "spatial_dropout2d") {
        super.init(rate: rate, spatialRank: 2, kind: "SpatialDropout2D", name: name)
    }
}
