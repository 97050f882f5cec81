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
public final class Conv2DTranspose: ConvolutionalLayer {
    /// The window's height and width.
    public var kernelSize: Size2D { windowSize }
    /// The steps between windows of the convolution this one transposes (the upsampling factor).
    public var strides: Size2D { windowStrides }
    /// The gaps between taps (1: a dense window).
    public var dilationRate: Size2D { windowDilation }

    /// A transposed convolution with `filters` output channels. The arguments are checked when
    /// the layer is built.
    public init(
        _ filters: Int, kernelSize: Size2D, strides: Size2D = 1, padding: Padding = .valid, dilationRate: Size2D = 1,
        activation: ActivationFunction = .linear, useBias: Bool = true, kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
        activityRegularizer: Regularizer? = nil, name: String = "conv2d_transpose"
    ) {
        super.init(variant: .transposedImage, kind: "Conv2DTranspose", filters: filters, kernelSize: kernelSize, strides: strides,
                   padding: padding, dilation: dilationRate, activation: activation, useBias: useBias,
                   kernelInitializer: kernelInitializer, biasInitializer: biasInitializer,
                   regularizers: (kernelRegularizer, biasRegularizer, activityRegularizer), name: name)
    }
}
