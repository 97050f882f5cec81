import SynapseTensor

/// The layer behind `RandomTranslation`, `RandomRotation` and `RandomZoom`: in training, each
/// image of a channels-last batch `[batch, height, width, channels]` is resampled through an
/// affine map drawn for it (bilinear or nearest, the outside filled by `fillMode`); otherwise
/// the input passes unchanged.
///
/// Use the subclasses, which take Keras's arguments and draw their own maps; this class holds
/// what they share: the fill and interpolation settings, the generator, the shape checks and
/// the resampling.
public class ResamplingAugmentation: StochasticLayer {
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
    /// The subclass's name for messages, e.g. `RandomRotation`.
    let kind: String

    /// A resampling layer; the arguments are checked when it is built.
    init(kind: String, fillMode: FillMode, fillValue: Float, interpolation: Interpolation, name: String) {
        self.kind = kind
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
        try ImageLayerInput.check(inputShape, layer: name)
        return inputShape
    }

    /// In training, each image resampled through the map `drawTransforms` draws for it;
    /// otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training else { return input }
        try checkArguments()
        let count = try ImageAugmentation.imageCount(of: input, layer: name)
        return try resampled(input, by: drawTransforms(count: count, height: input.shape[1], width: input.shape[2]))
    }

    /// The maps of one training pass, one per image, drawn from `generator`. Subclasses draw
    /// their own; this class's are the identity.
    func drawTransforms(count: Int, height: Int, width: Int) -> [ResamplingTransform] {
        Array(repeating: .identity, count: count)
    }

    /// Throws `ModelError.invalidArgument` for an argument the layer does not accept.
    /// Subclasses check their factors, then call this, which checks the fill value.
    func checkArguments() throws {
        try ImageAugmentation.checkFillValue(fillValue, owner: owner)
    }

    /// `images` resampled through `transforms`, one per image, with the layer's settings.
    func resampled(_ images: Tensor, by transforms: [ResamplingTransform]) throws -> Tensor {
        try images.resampled(by: transforms, interpolation: interpolation, fillMode: fillMode, fillValue: fillValue)
    }

    /// The layer as errors name it: `RandomZoom 'random_zoom'`.
    var owner: String { "\(kind) '\(name)'" }
}
