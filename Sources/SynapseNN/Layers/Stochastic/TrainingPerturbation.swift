import SynapseTensor

/// The layer behind the augmentation (`RandomTranslation`, `RandomRotation`, `RandomZoom`) and
/// dropout layers: without parameters, it perturbs its input in training with noise from its
/// own generator — seeded from the model's seed when the layer is built, saved by checkpoints —
/// and passes the input unchanged otherwise.
///
/// Subclasses say which settings and samples they accept (`checkArguments()`,
/// `checkSampleShape(_:)`) and how they perturb (`perturbed(_:)`); this class holds the rest.
public class TrainingPerturbation: StochasticLayer {
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }
    public var generator = RandomGenerator(seed: 0)
    /// The subclass's name for messages, e.g. `RandomRotation`.
    let kind: String

    /// A layer named `name`; `kind` names its class in messages.
    init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try checkArguments()
        try checkSampleShape(inputShape)
        return inputShape
    }

    /// In training, `perturbed(input)`; otherwise `input`.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard training else { return input }
        try checkArguments()
        return try perturbed(input)
    }

    /// Throws `ModelError.invalidArgument` for a setting the layer does not accept (this class
    /// has none).
    func checkArguments() throws {}

    /// Throws `ModelError.invalidInput` for samples the layer cannot take (this class takes any).
    func checkSampleShape(_ sampleShape: Shape) throws {}

    /// `input` perturbed for one training pass (this class leaves it as it is).
    func perturbed(_ input: Tensor) throws -> Tensor { input }

    /// The layer as errors name it: `RandomZoom 'random_zoom'`.
    var owner: String { "\(kind) '\(name)'" }
}
