import SynapseTensor

/// The layer behind `RandomTranslation`, `RandomRotation` and `RandomZoom`: in training, each
/// image of a channels-last batch `[batch, height, width, channels]` is resampled through an
/// affine map drawn for it (bilinear or nearest, the outside filled by `fillMode`); otherwise
/// the input passes unchanged.
///
/// Use the subclasses, which take Keras's arguments and draw their own maps; this class holds
/// what they share: the fill and interpolation settings, the image check and the resampling.
public class ResamplingAugmentation: TrainingPerturbation {
    /// How the image is extended beyond its edges.
    public let fillMode: FillMode
    /// The value outside the image under `FillMode.constant`.
    public let fillValue: Float
    /// How the image is read between pixel centres.
    public let interpolation: Interpolation

    /// A resampling layer; the arguments are checked when it is built.
    init(kind: String, fillMode: FillMode, fillValue: Float, interpolation: Interpolation, name: String) {
        self.fillMode = fillMode
        self.fillValue = fillValue
        self.interpolation = interpolation
        super.init(kind: kind, name: name)
    }

    /// Each image resampled through the map `drawTransforms` draws for it.
    override func perturbed(_ input: Tensor) throws -> Tensor {
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
    override func checkArguments() throws {
        try ImageAugmentation.checkFillValue(fillValue, owner: owner)
    }

    /// Requires images, `[height, width, channels]`.
    override func checkSampleShape(_ sampleShape: Shape) throws {
        try ImageLayerInput.check(sampleShape, layer: name)
    }

    /// `images` resampled through `transforms`, one per image, with the layer's settings.
    func resampled(_ images: Tensor, by transforms: [ResamplingTransform]) throws -> Tensor {
        try images.resampled(by: transforms, interpolation: interpolation, fillMode: fillMode, fillValue: fillValue)
    }
}
