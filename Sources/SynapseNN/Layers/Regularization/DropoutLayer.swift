import SynapseTensor

/// The layer behind `Dropout`, `SpatialDropout1D/2D` and `GaussianDropout`: in training it
/// perturbs its input with noise from its own generator (see `TrainingPerturbation`), leaving
/// the expected output equal to the input; otherwise the input passes unchanged.
///
/// Use the subclasses; this class holds what they share, and its own noise is `Dropout`'s.
public class DropoutLayer: TrainingPerturbation {
    /// The fraction dropped in training (for `GaussianDropout`, the dropout rate whose
    /// variance its noise has), in [0, 1).
    public let rate: Float
    /// The spatial axes a sample must have (1: sequences, 2: images), or `nil` for any shape.
    let spatialRank: Int?

    /// A dropout layer; the rate is checked when it is built.
    init(rate: Float, kind: String, spatialRank: Int? = nil, name: String) {
        self.rate = rate
        self.spatialRank = spatialRank
        super.init(kind: kind, name: name)
    }

    /// Requires a rate in [0, 1).
    override func checkArguments() throws {
        guard rate >= 0 && rate < 1 else {
            throw ModelError.invalidArgument(owner: owner, argument: "rate", expected: "in [0, 1)", received: "\(rate)")
        }
    }

    /// Requires `spatialRank` spatial axes and channels, when the subclass sets it.
    override func checkSampleShape(_ sampleShape: Shape) throws {
        if let spatialRank, sampleShape.rank != spatialRank + 1 {
            throw ModelError.invalidInput(
                layer: name, expected: "samples of shape \(spatialRank == 1 ? "[steps, channels]" : "[height, width, channels]")",
                received: "samples of shape \(sampleShape)")
        }
    }

    /// `input` as it is at rate 0, else `dropped(input)`.
    override func perturbed(_ input: Tensor) throws -> Tensor {
        guard rate > 0 else { return input }
        return try dropped(input)
    }

    /// `input` with elements dropped with probability `rate` and the rest scaled by
    /// `1 / (1 − rate)`; subclasses draw other noise.
    func dropped(_ input: Tensor) throws -> Tensor {
        try input * dropoutMask(shape: input.shape)
    }

    /// A mask of `0` (probability `rate`) and `1 / (1 − rate)`, of `shape` (broadcast against
    /// the input where it has axes of size 1).
    func dropoutMask(shape: Shape) throws -> Tensor {
        try generator.dropoutMask(shape: shape, rate: rate)
    }
}
