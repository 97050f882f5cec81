import SynapseTensor

/// A 2-D convolution over channels-last images, as Keras's `Conv2D`:
/// `activation(convolution(x, kernel) + bias)`.
///
/// Inputs are `[batch, height, width, channels]`; the kernel is `[kh, kw, channels, filters]`
/// and the bias `[filters]`, as in Keras. Output sizes follow Keras for `.valid` and `.same`.
///
/// ```swift
/// let conv = Conv2D(32, kernelSize: 3, activation: .relu)   // [n, 28, 28, 1] → [n, 26, 26, 32]
/// ```
public final class Conv2D: ConvolutionalLayer {
    /// The window's height and width.
    public var kernelSize: Size2D { windowSize }
    /// The steps between windows.
    public var strides: Size2D { windowStrides }
    /// The gaps between taps (1: a dense window).
    public var dilationRate: Size2D { windowDilation }

    /// A convolution with `filters` output channels. The arguments are checked when the layer is built.
    public init(
        _ filters: Int, kernelSize: Size2D, strides: Size2D = 1, padding: Padding = .valid, dilationRate: Size2D = 1,
        activation: ActivationFunction = .linear, useBias: Bool = true, kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
        activityRegularizer: Regularizer? = nil, name: String = "conv2d"
    ) {
        super.init(variant: .image, kind: "Conv2D", filters: filters, kernelSize: kernelSize, strides: strides, padding: padding,
                   dilation: dilationRate, activation: activation, useBias: useBias, kernelInitializer: kernelInitializer,
                   biasInitializer: biasInitializer,
                   regularizers: (kernelRegularizer, biasRegularizer, activityRegularizer), name: name)
    }
}
