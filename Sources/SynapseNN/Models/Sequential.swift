import SynapseTensor

/// A stack of layers, each feeding the next: Keras's `Sequential`.
///
/// ```swift
/// let model = Sequential {
///     Input(shape: [400])
///     Dense(25, activation: .relu)
///     Dense(15, activation: .relu)
///     Dense(10)
/// }
/// model.add(Activation(.softmax))      // or grow it one layer at a time
/// ```
///
/// Layers are built together, from `seed`, when the input shape is known: at once when the
/// stack starts with `Input`, else on the first call or `fit`. Duplicate names are made unique
/// (`dense`, `dense_1`, …) as layers are added.
public final class Sequential: Model {
    public var name: String
    /// Whether training updates the model; setting it sets every layer's too (as Keras does),
    /// so a frozen model's `BatchNormalization` layers run in inference mode.
    public var isTrainable = true {
        didSet { for layer in layers { layer.isTrainable = isTrainable } }
    }
    public var trainingSetup: TrainingSetup?
    /// The seed of the generator the layers' initial weights are drawn from.
    public let seed: UInt64
    public private(set) var layers: [any Layer] = []
    public private(set) var builtInputShape: Shape?
    /// Whether a layer takes part in masking, so `forward` carries masks (checked once per
    /// layer as it is added, not on every batch).
    private var carriesMasks = false
    /// The first `build` error, kept to rethrow from the first call when an `Input` layer
    /// could not build the stack during `init`.
    private var pendingBuildError: (any Error)?

    /// A model of the layers the builder lists.
    public init(name: String = "sequential", seed: UInt64 = 0, @LayerBuilder _ content: () -> [any Layer] = { [] }) {
        self.name = name
        self.seed = seed
        for layer in content() { append(layer) }
        buildFromInputLayer()
    }

    /// Appends `layer`. If the model is built, the new layer is built at once.
    ///
    /// - Throws: `ModelError.invalidInput` when the layer cannot take the current output.
    public func add(_ layer: any Layer) throws {
        append(layer)
        if let inputShape = builtInputShape {
            builtInputShape = nil
            try build(inputShape: inputShape)
        } else {
            buildFromInputLayer()
        }
    }

    public func build(inputShape: Shape) throws {
        var generator = RandomGenerator(seed: seed)
        try build(inputShape: inputShape, using: &generator)
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        var shape = inputShape
        var previous: (any Layer)?
        for layer in layers {
            do {
                if let built = layer.builtInputShape {
                    guard built == shape else {
                        throw ModelError.invalidInput(layer: layer.name, expected: "samples of shape \(built)", received: "samples of shape \(shape)")
                    }
                } else {
                    try layer.build(inputShape: shape, using: &generator)
                }
                shape = try layer.outputShape(forInputShape: shape)
            } catch ModelError.invalidInput(let name, let expected, let received) where previous != nil && name == layer.name {
                // Name both layers: the one that refuses its input and the one that made it.
                throw ModelError.invalidInput(layer: name, expected: expected,
                                              received: "\(received) from layer '\(previous!.name)' (\(type(of: previous!)))")
            }
            previous = layer
        }
        builtInputShape = inputShape
        pendingBuildError = nil
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try layers.reduce(inputShape) { try $1.outputShape(forInputShape: $0) }
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        if let pendingBuildError { throw pendingBuildError }
        guard input.rank >= 1 else {
            throw ModelError.invalidInput(layer: layers.first?.name ?? name, expected: "a batch with samples along the first axis", received: "a scalar")
        }
        if let built = builtInputShape {
            guard input.shape.dimensions.dropFirst().elementsEqual(built.dimensions) else {
                throw ModelError.invalidInput(
                    layer: layers.first?.name ?? name, expected: "samples of shape \(built) (input [batch, \(built.dimensions.map(String.init).joined(separator: ", "))])",
                    received: "input of shape \(input.shape)")
            }
        } else {
            try build(inputShape: Shape(Array(input.shape.dimensions.dropFirst())))
        }
        var output = input
        guard carriesMasks else {
            for layer in layers { output = try layer.forward(output, training: training) }
            return output
        }
        // Padding masks (from `Embedding(maskZero:)` or `Masking`) travel with the output.
        var mask: Tensor?
        for layer in layers { (output, mask) = try layer.forward(output, carrying: mask, training: training) }
        return output
    }

    /// Adds `layer`, renaming it if its name is taken.
    private func append(_ layer: any Layer) {
        layer.name = LayerNaming.unique(layer.name, avoiding: Set(layers.map(\.name)))
        layers.append(layer)
        carriesMasks = carriesMasks || layer is any MaskSupportingLayer
    }

    /// Builds the stack at once when its first layer is an `Input`.
    private func buildFromInputLayer() {
        guard builtInputShape == nil, let input = layers.first as? Input else { return }
        do { try build(inputShape: input.shape) } catch { pendingBuildError = error }
    }
}
