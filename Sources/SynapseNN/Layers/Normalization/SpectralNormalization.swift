import SynapseTensor

/// Spectral normalisation of a layer's kernel (Miyato et al., 2018; Keras's
/// `SpectralNormalization`): in training, each call estimates the kernel's largest singular
/// value σ by power iteration and divides the kernel by it, which bounds how fast the layer's
/// output can change with its input — the usual constraint on a GAN's discriminator.
///
/// As in Keras, the kernel is seen as a matrix `[−1, last axis]`, the estimate of its leading
/// singular vector `u` is a parameter no optimizer updates (saved with the model), training
/// calls replace the kernel by `kernel / σ`, and inference calls the wrapped layer as it is: its
/// kernel is already normalised, and nothing is written, so a trained model serves from several
/// threads. Gradients flow through σ as well, with the singular vectors held constant (as in
/// PyTorch's `spectral_norm`). A frozen wrapper (`isTrainable = false`) leaves the kernel alone.
///
/// ```swift
/// SpectralNormalization(Conv2D(64, kernelSize: 4, strides: 2, padding: .same, activation: .leakyRelu()))
/// ```
public final class SpectralNormalization: Layer {
    /// The layer whose kernel is normalised: one with a parameter named `kernel` (`Dense`,
    /// `Conv1D`, `Conv2D`, `Conv2DTranspose`).
    public let layer: any Layer
    /// Power-iteration steps per training call, ≥ 1 (one suffices: the estimate carries over
    /// from call to call while the kernel changes slowly).
    public let powerIterations: Int
    public var name: String
    /// Whether training updates the wrapped layer and normalises its kernel (setting it sets
    /// the wrapped layer's too).
    public var isTrainable = true {
        didSet { layer.isTrainable = isTrainable }
    }
    public private(set) var builtInputShape: Shape?
    /// The `[1, kernel's last axis]` estimate of the kernel's leading right singular vector, once built.
    public private(set) var vectorU: Parameter?

    /// `layer` with its kernel spectrally normalised in training; the arguments are checked
    /// when the layer is built.
    public init(_ layer: any Layer, powerIterations: Int = 1, name: String = "spectral_normalization") {
        self.layer = layer
        self.powerIterations = powerIterations
        self.name = name
    }

    /// The wrapped layer's parameters, then `vector_u`.
    public var parameters: [Parameter] { layer.parameters + (vectorU.map { [$0] } ?? []) }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        guard powerIterations >= 1 else {
            throw ModelError.invalidArgument(owner: "SpectralNormalization '\(name)'", argument: "powerIterations", expected: "≥ 1", received: "\(powerIterations)")
        }
        if let built = layer.builtInputShape, built != inputShape {
            throw ModelError.invalidInput(layer: name, expected: "samples of shape \(built) (the wrapped layer's)", received: "samples of shape \(inputShape)")
        }
        if !layer.isBuilt { try layer.build(inputShape: inputShape, using: &generator) }
        let kernel = try kernelParameter()
        let start = try Tensor.randomNormal([1, kernel.shape[kernel.shape.rank - 1]], using: &generator)
        vectorU = Parameter(try Self.normalized(start), name: "vector_u", isTrainable: false)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try layer.outputShape(forInputShape: inputShape)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        if training && isTrainable { try normalizeKernel() }
        return try layer.forward(input, training: training)
    }

    /// Divides the kernel by σ = vᵀ·W·u, with u and v from `powerIterations` steps of power
    /// iteration on the kernel matrix W from the stored u, and stores the new u. A kernel whose
    /// σ is 0 (all zeros) is left as it is.
    private func normalizeKernel() throws {
        guard let vectorU else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        let kernel = try kernelParameter()
        let matrix = try kernel.value.reshaped(to: [-1, kernel.shape[kernel.shape.rank - 1]])
        let (u, v) = try withoutGradients {
            let fixed = matrix.detached()
            var u = vectorU.value, v = vectorU.value
            for _ in 0..<powerIterations {
                v = try Self.normalized(u.matmul(fixed.transposed()))
                u = try Self.normalized(v.matmul(fixed))
            }
            return (u, v)
        }
        // σ is differentiated in the kernel (u and v held constant): recorded when the kernel is watched.
        let sigma = try v.matmul(matrix).matmul(u.transposed()).sum()
        guard try sigma.scalar > 0 else { return }
        kernel.value = try kernel.value / sigma
        vectorU.value = u
    }

    /// The wrapped layer's kernel.
    private func kernelParameter() throws -> Parameter {
        guard let kernel = layer.parameters.first(where: { $0.name == "kernel" }), kernel.shape.rank >= 2 else {
            throw ModelError.invalidArgument(
                owner: "SpectralNormalization '\(name)'", argument: "layer", expected: "a layer with a kernel (Dense, Conv1D, Conv2D, Conv2DTranspose)",
                received: "\(type(of: layer)) '\(layer.name)' with parameters [\(layer.parameters.map(\.name).joined(separator: ", "))]")
        }
        return kernel
    }

    /// `x / ‖x‖` (Keras's `l2_normalize`, its norm at least 1e-6).
    private static func normalized(_ x: Tensor) throws -> Tensor {
        try x / sqrt(maximum((x * x).sum(), Tensor(scalar: 1e-12)))
    }
}
