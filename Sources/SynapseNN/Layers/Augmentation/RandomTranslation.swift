import SynapseTensor

/// Shifts each image of a batch by a random offset in training, as Keras's
/// `RandomTranslation`; the identity otherwise. Images are channels-last,
/// `[batch, height, width, channels]`.
///
/// Per image, a vertical shift is drawn uniformly from `heightFactor` and a horizontal one
/// from `widthFactor`, as fractions of the height and width: positive moves the image down
/// (right), negative up (left). `heightFactor: 0.2` shifts by up to 20 % of the height either
/// way; `FactorRange(-0.2...0.3)` by between 20 % up and 30 % down. The uncovered area is
/// filled by `fillMode`.
///
/// ```swift
/// let augment = RandomTranslation(heightFactor: 0.1, widthFactor: 0.1, fillMode: .constant)
/// ```
public final class RandomTranslation: ResamplingAugmentation {
    /// The vertical shift, as a fraction of the height (within [−1, 1]).
    public let heightFactor: FactorRange
    /// The horizontal shift, as a fraction of the width (within [−1, 1]).
    public let widthFactor: FactorRange

    /// A layer shifting images by up to the given fractions of their height and width. The
    /// arguments are checked when the layer is built.
    public init(
        heightFactor: FactorRange, widthFactor: FactorRange, fillMode: FillMode = .reflect, fillValue: Float = 0,
        interpolation: Interpolation = .bilinear, name: String = "random_translation"
    ) {
        self.heightFactor = heightFactor
        self.widthFactor = widthFactor
        super.init(kind: "RandomTranslation", fillMode: fillMode, fillValue: fillValue, interpolation: interpolation, name: name)
    }

    /// One shift per image, drawn from `heightFactor` then `widthFactor`, in pixels.
    override func drawTransforms(count: Int, height: Int, width: Int) -> [ResamplingTransform] {
        (0..<count).map { _ in
            let rows = heightFactor.draw(using: &generator) * Float(height)
            return ResamplingTransform.translation(down: rows, right: widthFactor.draw(using: &generator) * Float(width))
        }
    }

    /// `images` with image `i` moved `rows[i]` pixels down and `columns[i]` pixels right
    /// (negative: up, left; fractions interpolate), filled by the layer's `fillMode`: the
    /// deterministic form of a training pass. Gradients flow back through it.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when `images` is not a batch
    ///   `[batch, height, width, channels]`; `ModelError.invalidArgument` for invalid layer
    ///   arguments or when `rows` or `columns` does not hold one finite value per image.
    public func translated(_ images: Tensor, down rows: [Float], right columns: [Float]) throws -> Tensor {
        try checkArguments()
        let count = try ImageAugmentation.imageCount(of: images, layer: name)
        try ImageAugmentation.checkPerImage(rows, count: count, owner: owner, argument: "rows")
        try ImageAugmentation.checkPerImage(columns, count: count, owner: owner, argument: "columns")
        let transforms = zip(rows, columns).map { ResamplingTransform.translation(down: $0, right: $1) }
        return try resampled(images, by: transforms)
    }

    /// Throws `ModelError.invalidArgument` for a factor outside [−1, 1] or a non-finite fill value.
    override func checkArguments() throws {
        try ImageAugmentation.checkFactor(heightFactor, owner: owner, argument: "heightFactor")
        try ImageAugmentation.checkFactor(widthFactor, owner: owner, argument: "widthFactor")
        try super.checkArguments()
    }
}
