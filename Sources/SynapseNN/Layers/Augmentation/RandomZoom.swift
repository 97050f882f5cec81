import SynapseTensor

/// Zooms each image of a batch in or out by a random amount in training, as Keras's
/// `RandomZoom`; the identity otherwise. Images are channels-last,
/// `[batch, height, width, channels]`.
///
/// Keras 3's convention: per image, a factor `f` is drawn uniformly from `heightFactor` (and
/// one from `widthFactor`, or the same one when it is `nil`, keeping the aspect ratio), and
/// output pixel `p` reads the input at `(1 + f)·(p − centre) + centre` along that axis. So a
/// **positive factor zooms out** (the output shows more of the image, smaller, the margin
/// filled by `fillMode`) and a **negative factor zooms in** (it shows the centre, larger):
/// `heightFactor: FactorRange(0.2...0.3)` zooms out by 20–30 %, `FactorRange(-0.3...(-0.2))`
/// zooms in by 20–30 %, and a factor of 0 leaves the image unchanged.
///
/// ```swift
/// let augment = RandomZoom(heightFactor: 0.2)   // between 20 % in and 20 % out, same on both axes
/// ```
public final class RandomZoom: ResamplingAugmentation {
    /// The vertical zoom factor (within [−1, 1]; positive zooms out).
    public let heightFactor: FactorRange
    /// The horizontal zoom factor (within [−1, 1]; positive zooms out), or `nil` to reuse the
    /// vertical one, keeping the aspect ratio.
    public let widthFactor: FactorRange?

    /// A layer zooming images by the given factors. The arguments are checked when the layer
    /// is built.
    public init(
        heightFactor: FactorRange, widthFactor: FactorRange? = nil, fillMode: FillMode = .reflect, fillValue: Float = 0,
        interpolation: Interpolation = .bilinear, name: String = "random_zoom"
    ) {
        self.heightFactor = heightFactor
        self.widthFactor = widthFactor
        super.init(kind: "RandomZoom", fillMode: fillMode, fillValue: fillValue, interpolation: interpolation, name: name)
    }

    /// One pair of factors per image, drawn from `heightFactor` then `widthFactor` (or the
    /// height's again when `widthFactor` is `nil`).
    override func drawTransforms(count: Int, height: Int, width: Int) -> [ResamplingTransform] {
        (0..<count).map { _ in
            let vertical = heightFactor.draw(using: &generator)
            let horizontal = widthFactor?.draw(using: &generator) ?? vertical
            return ResamplingTransform.zoom(vertical: 1 + vertical, horizontal: 1 + horizontal, height: height, width: width)
        }
    }

    /// `images` with image `i` zoomed by `heightFactors[i]` vertically and `widthFactors[i]`
    /// horizontally, in the layer's convention (positive out, negative in, 0 unchanged), filled
    /// by the layer's `fillMode`: the deterministic form of a training pass. Gradients flow
    /// back through it.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when `images` is not a batch
    ///   `[batch, height, width, channels]`; `ModelError.invalidArgument` for invalid layer
    ///   arguments or when either array does not hold one finite value per image.
    public func zoomed(_ images: Tensor, heightFactors: [Float], widthFactors: [Float]) throws -> Tensor {
        try checkArguments()
        let count = try ImageAugmentation.imageCount(of: images, layer: name)
        try ImageAugmentation.checkPerImage(heightFactors, count: count, owner: owner, argument: "heightFactors")
        try ImageAugmentation.checkPerImage(widthFactors, count: count, owner: owner, argument: "widthFactors")
        let (height, width) = (images.shape[1], images.shape[2])
        let transforms = zip(heightFactors, widthFactors).map {
            ResamplingTransform.zoom(vertical: 1 + $0, horizontal: 1 + $1, height: height, width: width)
        }
        return try resampled(images, by: transforms)
    }

    /// Throws `ModelError.invalidArgument` for a factor outside [−1, 1] or a non-finite fill value.
    override func checkArguments() throws {
        try ImageAugmentation.checkFactor(heightFactor, owner: owner, argument: "heightFactor")
        if let widthFactor { try ImageAugmentation.checkFactor(widthFactor, owner: owner, argument: "widthFactor") }
        try super.checkArguments()
    }
}
