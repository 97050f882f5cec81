import SynapseTensor

/// Batch normalisation over the last axis (the features, or a feature map's channels), as
/// Keras's `BatchNormalization`: `gamma · (x − mean) / √(variance + epsilon) + beta`.
///
/// In training the mean and variance are the batch's, over every axis but the last, and the
/// moving statistics follow them: `moving = moving · momentum + batch · (1 − momentum)`. At
/// inference, and in training when the layer is frozen (`isTrainable = false`, as in Keras),
/// the moving statistics are used. `gamma` and `beta` are trained; the moving mean and variance
/// are parameters that no optimizer updates, saved with the model.
///
/// ```swift
/// Dense(64); BatchNormalization(); Activation(.relu)
/// ```
public final class BatchNormalization: Layer {
    /// How much of the moving statistics each training batch keeps, in [0, 1].
    public let momentum: Float
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
    /// The `[features]` moving mean, once built.
    public private(set) var movingMean: Parameter?
    /// The `[features]` moving variance, once built.
    public private(set) var movingVariance: Parameter?
    /// While `Model.recomputeBatchStatistics` runs, the number of batches averaged so far: the
    /// moving statistics are then the plain mean of the batches' statistics, not a momentum average.
    var batchesAveraged: Int?

    /// A batch normalisation layer; the arguments are checked when the layer is built.
    public init(momentum: Float = 0.99, epsilon: Float = 1e-3, center: Bool = true, scale: Bool = true, name: String = "batch_normalization") {
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.name = name
    }

    public var parameters: [Parameter] { [gamma, beta, movingMean, movingVariance].compactMap { $0 } }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        let features = inputShape[inputShape.rank - 1]
        gamma = scale ? Parameter(try Initializer.ones.makeTensor(shape: [features], using: &generator), name: "gamma") : nil
        beta = center ? Parameter(try Initializer.zeros.makeTensor(shape: [features], using: &generator), name: "beta") : nil
        movingMean = Parameter(try Initializer.zeros.makeTensor(shape: [features], using: &generator), name: "moving_mean", isTrainable: false)
        movingVariance = Parameter(try Initializer.ones.makeTensor(shape: [features], using: &generator), name: "moving_variance", isTrainable: false)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        let owner = "BatchNormalization '\(name)'"
        guard momentum >= 0 && momentum <= 1 else {
            throw ModelError.invalidArgument(owner: owner, argument: "momentum", expected: "in [0, 1]", received: "\(momentum)")
        }
        guard epsilon > 0 && epsilon.isFinite else {
            throw ModelError.invalidArgument(owner: owner, argument: "epsilon", expected: "a finite number > 0", received: "\(epsilon)")
        }
        guard inputShape.rank >= 1, let features = inputShape.last, features >= 1 else {
            throw ModelError.invalidInput(layer: name, expected: "samples with a features (or channels) axis last", received: "samples of shape \(inputShape)")
        }
        return inputShape
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let movingMean, let movingVariance else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        if training && isTrainable && input.shape[0] > 0 {
            let (output, mean, variance) = try input.batchNormalized(scale: gamma?.value, offset: beta?.value, epsilon: epsilon)
            // keep · moving + (1 − keep) · batch: the momentum, or n / (n + 1) while averaging batches.
            let keep = batchesAveraged.map { Float($0) / Float($0 + 1) } ?? momentum
            movingMean.value = try (movingMean.value * keep + mean * (1 - keep)).detached()
            movingVariance.value = try (movingVariance.value * keep + variance * (1 - keep)).detached()
            batchesAveraged = batchesAveraged.map { $0 + 1 }
            return output
        }
        var output = try (input - movingMean.value) / sqrt(movingVariance.value + epsilon)
        if let gamma { output = try output * gamma.value }
        if let beta { output = try output + beta.value }
        return output
    }
}
