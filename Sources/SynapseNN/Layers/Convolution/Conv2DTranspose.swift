import SynapseTensor

/// A transposed 2-D convolution over channels-last images, as Keras's `Conv2DTranspose`: the
/// gradient of a convolution with respect to its input, which upsamples (GAN generators).
///
/// Inputs are `[batch, height, width, channels]`; the kernel is `[kh, kw, filters, channels]`
/// and the bias `[filters]`, as in Keras. The output has `height · stride` rows with `.same`
/// padding and `height · stride + max(span − stride, 0)` with `.valid`, as Keras.
///
/// ```swift
/// let up = Conv2DTranspose(64, kernelSize: 4, strides: 2, padding: .same)   // [n, 7, 7, 128] → [n, 14, 14, 64]
/// ```
public final class Conv2DTranspose: Layer {
    /// Output channels.
    public let filters: Int
    /// The window's height and width.
    public let kernelSize: Size2D
    /// The steps between windows.
    public let strides: Size2D
    /// The border treatment.
    public let padding: Padding
    /// The gaps between taps (1: a dense window).
    public let dilationRate: Size2D
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
    /// The `[kh, kw, filters, channels]` kernel, once built.
    public private(set) var kernel: Parameter?
    /// The `[filters]` bias, once built (never, with `useBias: false`).
    public private(set) var bias: Parameter?

    /// A transposed convolution with `filters` output channels. The arguments are checked when the layer is built.
    public init(
        _ filters: Int, kernelSize: Size2D, strides: Size2D = 1, padding: Padding = .valid, dilationRate: Size2D = 1,
        activation: ActivationFunction = .linear, useBias: Bool = true, kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, name: String = "conv2d_transpose"
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
            kernelShape: [kernelSize.height, kernelSize.width, filters, inputShape[2]], biasCount: filters, useBias: useBias,
            kernelInitializer: kernelInitializer, biasInitializer: biasInitializer, using: &generator)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try arguments.check()
        _ = try arguments.channels(of: inputShape, rank: 3, layout: "[height, width, channels]")
        let axes = try arguments.axes(
            height: WindowAxis.transposedOutputSize(inputSize: inputShape[0], windowSize: kernelSize.height, stride: strides.height,
                                                    dilation: dilationRate.height, padding: padding),
            width: WindowAxis.transposedOutputSize(inputSize: inputShape[1], windowSize: kernelSize.width, stride: strides.width,
                                                   dilation: dilationRate.width, padding: padding))
        return [axes.height.inputSize, axes.width.inputSize, filters]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let kernel else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        let output = try input.transposeConvolved2D(with: kernel.value, bias: bias?.value, strides: strides, padding: padding,
                                           dilation: dilationRate, activation: activation.fusedAffineActivation)
        return try activation.applied(afterFused: output)
    }

    /// The shared argument checks and sizes.
    private var arguments: ConvolutionArguments {
        ConvolutionArguments(owner: "Conv2DTranspose '\(name)'", layer: name, filters: filters, kernelSize: kernelSize, strides: strides,
                             dilation: dilationRate, padding: padding)
    }
}
