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
public final class RandomTranslation: StochasticLayer {
    /// The vertical shift, as a fraction of the height (within [−1, 1]).
    public let heightFactor: FactorRange
    /// The horizontal shift, as a fraction of the width (within [−1, 1]).
    public let widthFactor: FactorRange
    /// How the image is extended beyond its edges.
    public let fillMode: FillMode
    /// The value outside the image under `FillMode.constant`.
    public let fillValue: Float
    /// How the image is read between pixel centres.
    public let interpolation: Interpolation
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)

    /// A layer shifting images by up to the given fractions of their height and width. The
    /// arguments are checked when the layer is built.
    public init(
        heightFactor: FactorRange, widthFactor: FactorRange, fillMode: FillMode = .reflect, fillValue: Float = 0,
        interpolation: Interpolation = .bilinear, name: String = "random_translation"
    ) {
        self.heightFactor = heightFactor
        self.widthFactor = widthFactor
        self.fillMode = fillMode
        self.fillValue = fillValue
        self.interpolation = interpolation
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try checkArguments()
        try ImageAugmentation.checkSampleShape(inputShape, layer: name)
        return inputShape
    }

    /// In training, each image shifted by a random fraction of its size; otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training else { return input }
        try checkArguments()
        let count = try ImageAugmentation.imageCount(of: input, layer: name)
        let (height, width) = (Float(input.shape[1]), Float(input.shape[2]))
        var rows = [Float](), columns = [Float]()
        for _ in 0..<count {
            rows.append(heightFactor.draw(using: &generator) * height)
            columns.append(widthFactor.draw(using: &generator) * width)
        }
        return try translated(input, down: rows, right: columns)
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
        return try images.resampled(by: transforms, interpolation: interpolation, fillMode: fillMode, fillValue: fillValue)
    }

    /// The layer as errors name it.
    private var owner: String { "RandomTranslation '\(name)'" }

    /// Throws `ModelError.invalidArgument` for a factor outside [−1, 1] or a non-finite fill value.
    private func checkArguments() throws {
        try ImageAugmentation.checkFactor(heightFactor, owner: owner, argument: "heightFactor")
        try ImageAugmentation.checkFactor(widthFactor, owner: owner, argument: "widthFactor")
        try ImageAugmentation.checkFillValue(fillValue, owner: owner)
    }
}
