import SynapseTensor

/// A fully connected layer: `activation(x · kernel + bias)` over the last axis.
///
/// The kernel has shape `[inputFeatures, units]` and the bias `[units]`, as in Keras.
///
/// ```swift
/// let layer = Dense(25, activation: .relu)
/// ```
public final class Dense: Layer {
    /// The number of outputs per sample.
    public let units: Int
    /// The function applied to `x · kernel + bias`.
    public let activation: ActivationFunction
    /// Whether the layer adds a bias.
    public let useBias: Bool
    /// How the kernel is filled when the layer is built.
    public let kernelInitializer: Initializer
    /// How the bias is filled when the layer is built.
    public let biasInitializer: Initializer
    /// The penalty on the kernel, added to the loss in training.
    public let kernelRegularizer: Regularizer?
    /// The penalty on the bias, added to the loss in training.
    public let biasRegularizer: Regularizer?
    /// The penalty on the layer's output, added to the loss in training.
    public let activityRegularizer: Regularizer?
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    /// The `[inputFeatures, units]` weights, once built.
    public private(set) var kernel: Parameter?
    /// The `[units]` bias, once built (never, with `useBias: false`).
    public private(set) var bias: Parameter?
    public private(set) var activityLoss: Tensor?

    /// A dense layer with `units` outputs per sample. The arguments are checked when the layer
    /// is built.
    public init(
        _ units: Int, activation: ActivationFunction = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil, activityRegularizer: Regularizer? = nil,
        name: String = "dense"
    ) {
        self.units = units
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.kernelRegularizer = kernelRegularizer
        self.biasRegularizer = biasRegularizer
        self.activityRegularizer = activityRegularizer
        self.name = name
    }

    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        let features = try inputFeatures(of: inputShape)
        kernel = Parameter(try kernelInitializer.makeTensor(shape: [features, units], using: &generator), name: "kernel")
        bias = useBias ? Parameter(try biasInitializer.makeTensor(shape: [units], using: &generator), name: "bias") : nil
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        _ = try inputFeatures(of: inputShape)
        var output = inputShape
        output[output.rank - 1] = units
        return output
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let kernel else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        // ReLU is applied inside the affine map's primitive (one pass, one tape entry).
        let output = try activation.applied(afterFused: input.matmul(kernel.value, addingBias: bias?.value, activation: activation.fusedAffineActivation))
        // Inference writes nothing (unless a training pass's penalty is to be cleared), so that
        // several threads can predict with one model at once.
        if training { activityLoss = try activityRegularizer.map { try $0.penalty(of: output) } } else if activityLoss != nil { activityLoss = nil }
        return output
    }

    /// The number of input features (the last axis), after checking the arguments.
    private func inputFeatures(of inputShape: Shape) throws -> Int {
        guard units >= 1 else {
            throw ModelError.invalidArgument(owner: "Dense '\(name)'", argument: "units", expected: "at least 1", received: "\(units)")
        }
        guard let features = inputShape.last, features >= 1 else {
            throw ModelError.invalidInput(
                layer: name, expected: "samples with at least one axis of features (e.g. [batch, features])",
                received: "samples of shape \(inputShape)")
        }
        return features
    }
}
