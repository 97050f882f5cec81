import SynapseTensor

/// Mirrors each image of a batch at random in training, as Keras's `RandomFlip`; the identity
/// otherwise. Images are channels-last, `[batch, height, width, channels]`.
///
/// Each image is mirrored left–right with probability 1/2 when `mode` includes horizontal
/// flips, and top–bottom with probability 1/2 when it includes vertical ones, the two drawn
/// independently per image (Keras 2's behaviour; Keras 3 draws once per image for both axes).
///
/// ```swift
/// let augment = RandomFlip(.horizontal)
/// ```
public final class RandomFlip: StochasticLayer {
    /// The axes the layer may mirror along.
    public let mode: FlipMode
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)

    /// A layer mirroring images along the axes of `mode`.
    public init(_ mode: FlipMode = .horizontalAndVertical, name: String = "random_flip") {
        self.mode = mode
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        try ImageLayerInput.check(inputShape, layer: name)
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try ImageLayerInput.check(inputShape, layer: name)
        return inputShape
    }

    /// In training, each image mirrored at random along the axes of `mode`; otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training else { return input }
        let count = try ImageAugmentation.imageCount(of: input, layer: name)
        var horizontal = [Bool](), vertical = [Bool]()
        for _ in 0..<count {
            horizontal.append(mode.includesHorizontal && Bool.random(using: &generator))
            vertical.append(mode.includesVertical && Bool.random(using: &generator))
        }
        return try flipped(input, horizontally: horizontal, vertically: vertical)
    }

    /// `images` with image `i` mirrored left–right where `horizontally[i]` and top–bottom where
    /// `vertically[i]`, whatever the layer's `mode`: the deterministic form of a training pass.
    /// Gradients flow back through it.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when `images` is not a batch
    ///   `[batch, height, width, channels]`; `ModelError.invalidArgument` when either array
    ///   does not hold one value per image.
    public func flipped(_ images: Tensor, horizontally: [Bool], vertically: [Bool]) throws -> Tensor {
        let count = try ImageAugmentation.imageCount(of: images, layer: name)
        let owner = "RandomFlip '\(name)'"
        try ImageAugmentation.checkCount(horizontally.count, count: count, owner: owner, argument: "horizontally")
        try ImageAugmentation.checkCount(vertically.count, count: count, owner: owner, argument: "vertically")
        let (height, width) = (images.shape[1], images.shape[2])
        let transforms = zip(horizontally, vertically).map {
            ResamplingTransform.flip(horizontally: $0, vertically: $1, height: height, width: width)
        }
        // Every sample falls on a pixel centre: nearest interpolation copies pixels exactly.
        return try images.resampled(by: transforms, interpolation: .nearest, fillMode: .nearest)
    }
}
