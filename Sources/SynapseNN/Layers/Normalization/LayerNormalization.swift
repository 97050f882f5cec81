import SynapseTensor

/// Layer normalisation over the last axis of each sample, as Keras's `LayerNormalization`:
/// `gamma · (x − mean) / √(variance + epsilon) + beta`, with the mean and variance of each
/// sample's features (not of the batch, so training and inference compute the same thing).
///
/// ```swift
/// Dense(64); LayerNormalization(); Activation(.relu)
/// ```
public final class LayerNormalization: Layer {
    /// Added to the variance before the square root, > 0.
    public let epsilon: Float
    /// Whether the layer adds `beta`.
    public let center: Bool
    /// Whether the layer multiplies by `gamma`.
    public let scale: Bool
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    /// The `[features]` scale, once built (never with `scale: false`).
    public private(set) var gamma: Parameter?
    /// The `[features]` offset, once built (never with `center: false`).
    public private(set) var beta: Parameter?

    /// A layer normalisation layer; the arguments are checked when the layer is built.
    public init(epsilon: Float = 1e-3, center: Bool = true, scale: Bool = true, name: String = "layer_normalization") {
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.name = name
    }

    public var parameters: [Parameter] { [gamma, beta].compactMap { $0 } }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        let features = inputShape[inputShape.rank - 1]
        gamma = scale ? Parameter(try Initializer.ones.makeTensor(shape: [features], using: &generator), name: "gamma") : nil
        beta = center ? Parameter(try Initializer.zeros.makeTensor(shape: [features], using: &generator), name: "beta") : nil
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        guard epsilon > 0 && epsilon.isFinite else {
            throw ModelError.invalidArgument(owner: "LayerNormalization '\(name)'", argument: "epsilon", expected: "a finite number > 0",
                                             received: "\(epsilon)")
        }
        guard inputShape.rank >= 1, let features = inputShape.last, features >= 1 else {
            throw ModelError.invalidInput(layer: name, expected: "samples with a features axis last", received: "samples of shape \(inputShape)")
        }
        return inputShape
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        let last = input.rank - 1
        let mean = try input.mean(alongAxes: [last], keepingDimensions: true)
        let variance = try input.variance(alongAxes: [last], keepingDimensions: true)
        var output = try (input - mean) / sqrt(variance + epsilon)
        if let gamma { output = try output * gamma.value }
        if let beta { output = try output + beta.value }
        return output
    }
}
