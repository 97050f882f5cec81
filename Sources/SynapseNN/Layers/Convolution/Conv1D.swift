import SynapseTensor

/// A 1-D convolution over channels-last sequences, as Keras's `Conv1D`:
/// `activation(convolution(x, kernel) + bias)` along the steps.
///
/// Inputs are `[batch, steps, channels]`; the kernel is `[kernelSize, channels, filters]` and
/// the bias `[filters]`, as in Keras. It runs as a 2-D convolution over a height of 1.
///
/// ```swift
/// let conv = Conv1D(16, kernelSize: 5, padding: .same, activation: .relu)   // [n, 200, 1] → [n, 200, 16]
/// ```
public final class Conv1D: Layer {
    /// Output channels.
    public let filters: Int
    /// The window's length.
    public let kernelSize: Int
    /// The step between windows.
    public let strides: Int
    /// The border treatment.
    public let padding: Padding
    /// The gap between taps (1: a dense window).
    public let dilationRate: Int
    /// The function applied to the convolution plus bias.
    public let activation: ActivationFunction
    /// Whether the layer adds a bias.
    public let useBias: Bool
    /// How the kernel is filled when the layer is built.
    public let kernelInitializer: Initializer
    /// How the bias is filled when the layer is built.
    public let biasInitializer: Initializer
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    /// The `[kernelSize, channels, filters]` kernel, once built.
    public private(set) var kernel: Parameter?
    /// The `[filters]` bias, once built (never, with `useBias: false`).
    public private(set) var bias: Parameter?

    /// A convolution with `filters` output channels. The arguments are checked when the layer is built.
    public init(
        _ filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid, dilationRate: Int = 1,
        activation: ActivationFunction = .linear, useBias: Bool = true, kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, name: String = "conv1d"
    ) {
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.dilationRate = dilationRate
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.name = name
    }

    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        (kernel, bias) = try arguments.makeParameters(
            kernelShape: [kernelSize, inputShape[1], filters], biasCount: filters, useBias: useBias,
            kernelInitializer: kernelInitializer, biasInitializer: biasInitializer, using: &generator)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try arguments.check()
        _ = try arguments.channels(of: inputShape, rank: 2, layout: "[steps, channels]")
        return [try arguments.axes(height: 1, width: inputShape[0]).width.outputSize, filters]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let kernel else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        let output = try input.convolved1D(with: kernel.value, bias: bias?.value, stride: strides, padding: padding,
                                           dilation: dilationRate, activation: activation.fusedAffineActivation)
        return try activation.applied(afterFused: output)
    }

    /// The shared argument checks and sizes, as a 2-D window of height 1.
    private var arguments: ConvolutionArguments {
        ConvolutionArguments(owner: "Conv1D '\(name)'", layer: name, filters: filters, kernelSize: Size2D(1, kernelSize),
                             strides: Size2D(1, strides), dilation: Size2D(1, dilationRate), padding: padding)
    }
}
