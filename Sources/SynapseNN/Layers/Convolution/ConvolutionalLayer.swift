import SynapseTensor

/// The layer behind `Conv2D`, `Conv1D` and `Conv2DTranspose`: `activation(convolution(x,
/// kernel) + bias)` over channels-last inputs, with parameters created when the input's
/// channels are first known.
///
/// Use the subclasses, which take Keras's arguments; this class holds what they share. A 1-D
/// layer is the 2-D case with a window of height 1.
public class ConvolutionalLayer: Layer {
    /// Which convolution a subclass computes.
    enum Variant {
        /// Over images `[height, width, channels]`; kernel `[kh, kw, channels, filters]`.
        case image
        /// Over sequences `[steps, channels]`; kernel `[k, channels, filters]`.
        case sequence
        /// Transposed, over images; kernel `[kh, kw, filters, channels]`.
        case transposedImage
    }

    /// Output channels.
    public let filters: Int
    /// The border treatment.
    public let padding: Padding
    /// The function applied to the convolution plus bias.
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
    /// The window's height and width (height 1 for sequences).
    public let windowSize: Size2D
    /// The steps between windows (height 1 for sequences).
    public let windowStrides: Size2D
    /// The gaps between taps (height 1 for sequences).
    public let windowDilation: Size2D
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    /// The kernel, once built, in Keras's layout for the subclass.
    public private(set) var kernel: Parameter?
    /// The `[filters]` bias, once built (never, with `useBias: false`).
    public private(set) var bias: Parameter?
    public private(set) var activityLoss: Tensor?
    /// Which convolution this is.
    let variant: Variant
    /// The subclass's name for messages, e.g. `Conv2D`.
    let kind: String

    /// A convolution layer; the arguments are checked when it is built.
    init(
        variant: Variant, kind: String, filters: Int, kernelSize: Size2D, strides: Size2D, padding: Padding, dilation: Size2D,
        activation: ActivationFunction, useBias: Bool, kernelInitializer: Initializer, biasInitializer: Initializer,
        regularizers: (kernel: Regularizer?, bias: Regularizer?, activity: Regularizer?), name: String
    ) {
        self.variant = variant
        self.kind = kind
        self.filters = filters
        self.windowSize = kernelSize
        self.windowStrides = strides
        self.padding = padding
        self.windowDilation = dilation
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        (kernelRegularizer, biasRegularizer, activityRegularizer) = regularizers
        self.name = name
    }

    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        _ = try outputShape(forInputShape: inputShape)
        let channels = inputShape[inputShape.rank - 1], (height, width) = (windowSize.height, windowSize.width)
        let kernelShape: Shape
        switch variant {
        case .image: kernelShape = [height, width, channels, filters]
        case .sequence: kernelShape = [width, channels, filters]
        case .transposedImage: kernelShape = [height, width, filters, channels]
        }
        (kernel, bias) = try arguments.makeParameters(
            kernelShape: kernelShape, biasCount: filters, useBias: useBias, kernelInitializer: kernelInitializer,
            biasInitializer: biasInitializer, using: &generator)
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try arguments.check()
        switch variant {
        case .image:
            _ = try arguments.channels(of: inputShape, rank: 3, layout: "[height, width, channels]")
            let axes = try arguments.axes(height: inputShape[0], width: inputShape[1])
            return [axes.height.outputSize, axes.width.outputSize, filters]
        case .sequence:
            _ = try arguments.channels(of: inputShape, rank: 2, layout: "[steps, channels]")
            return [try arguments.axes(height: 1, width: inputShape[0]).width.outputSize, filters]
        case .transposedImage:
            _ = try arguments.channels(of: inputShape, rank: 3, layout: "[height, width, channels]")
            // The convolution this one transposes, from the output back to the input.
            let axes = try arguments.axes(
                height: WindowAxis.transposedOutputSize(inputSize: inputShape[0], windowSize: windowSize.height, stride: windowStrides.height,
                                                        dilation: windowDilation.height, padding: padding),
                width: WindowAxis.transposedOutputSize(inputSize: inputShape[1], windowSize: windowSize.width, stride: windowStrides.width,
                                                       dilation: windowDilation.width, padding: padding))
            return [axes.height.inputSize, axes.width.inputSize, filters]
        }
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard let kernel else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        let fused = activation.fusedAffineActivation
        let output: Tensor
        switch variant {
        case .image:
            output = try input.convolved2D(with: kernel.value, bias: bias?.value, strides: windowStrides, padding: padding,
                                           dilation: windowDilation, activation: fused)
        case .sequence:
            output = try input.convolved1D(with: kernel.value, bias: bias?.value, stride: windowStrides.width, padding: padding,
                                           dilation: windowDilation.width, activation: fused)
        case .transposedImage:
            output = try input.transposeConvolved2D(with: kernel.value, bias: bias?.value, strides: windowStrides, padding: padding,
                                                    dilation: windowDilation, activation: fused)
        }
        let activated = try activation.applied(afterFused: output)
        // Inference writes nothing (unless a training pass's penalty is to be cleared), so that
        // several threads can predict with one model at once.
        if training { activityLoss = try activityRegularizer.map { try $0.penalty(of: activated) } } else if activityLoss != nil { activityLoss = nil }
        return activated
    }

    /// The shared argument checks and sizes.
    private var arguments: ConvolutionArguments {
        ConvolutionArguments(owner: "\(kind) '\(name)'", layer: name, filters: filters, kernelSize: windowSize, strides: windowStrides,
                             dilation: windowDilation, padding: padding)
    }
}
