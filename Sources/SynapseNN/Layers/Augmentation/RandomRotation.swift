import SynapseTensor

/// Turns each image of a batch by a random angle about its centre in training, as Keras's
/// `RandomRotation`; the identity otherwise. Images are channels-last,
/// `[batch, height, width, channels]`.
///
/// Per image, an angle is drawn uniformly from `factor`, as a fraction of a full turn (2π):
/// positive turns counter-clockwise, negative clockwise. `factor: 0.2` turns by up to
/// ±72°; `FactorRange(-0.2...0.3)` by between 72° clockwise and 108° counter-clockwise. The
/// centre is `((width − 1)/2, (height − 1)/2)`; corners uncovered are filled by `fillMode`.
///
/// ```swift
/// let augment = RandomRotation(factor: 0.1)
/// ```
public final class RandomRotation: ResamplingAugmentation {
    /// The angle, as a fraction of a full turn (within [−1, 1]).
    public let factor: FactorRange

    /// A layer turning images by up to `factor` of a full turn. The arguments are checked when
    /// the layer is built.
    public init(
        factor: FactorRange, fillMode: FillMode = .reflect, fillValue: Float = 0,
        interpolation: Interpolation = .bilinear, name: String = "random_rotation"
    ) {
        self.factor = factor
        super.init(kind: "RandomRotation", fillMode: fillMode, fillValue: fillValue, interpolation: interpolation, name: name)
    }

    /// One angle per image, drawn from `factor`, as rotations about the centre.
    override func drawTransforms(count: Int, height: Int, width: Int) -> [ResamplingTransform] {
        (0..<count).map { _ in
            ResamplingTransform.rotation(byRadians: 2 * Double.pi * Double(factor.draw(using: &generator)), height: height, width: width)
        }
    }

    /// `images` with image `i` turned counter-clockwise by `turns[i]` of a full turn (0.25 is
    /// a quarter turn, `numpy.rot90`; negative turns clockwise), filled by the layer's
    /// `fillMode`: the deterministic form of a training pass. Gradients flow back through it.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when `images` is not a batch
    ///   `[batch, height, width, channels]`; `ModelError.invalidArgument` for invalid layer
    ///   arguments or when `turns` does not hold one finite value per image.
    public func rotated(_ images: Tensor, byTurns turns: [Float]) throws -> Tensor {
        try checkArguments()
        let count = try ImageAugmentation.imageCount(of: images, layer: name)
        try ImageAugmentation.checkPerImage(turns, count: count, owner: owner, argument: "turns")
        let (height, width) = (images.shape[1], images.shape[2])
        let transforms = turns.map {
            ResamplingTransform.rotation(byRadians: 2 * Double.pi * Double($0), height: height, width: width)
        }
        return try resampled(images, by: transforms)
    }

    /// Throws `ModelError.invalidArgument` for a factor outside [−1, 1] or a non-finite fill value.
    override func checkArguments() throws {
        try ImageAugmentation.checkFactor(factor, owner: owner, argument: "factor")
        try super.checkArguments()
    }
}
