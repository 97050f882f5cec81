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
public final class Conv1D: ConvolutionalLayer {
    /// The window's length.
    public var kernelSize: Int { windowSize.width }
    /// The step between windows.
    public var strides: Int { windowStrides.width }
    /// The gap between taps (1: a dense window).
    public var dilationRate: Int { windowDilation.width }

    /// A convolution with `filters` output channels. The arguments are checked when the layer is built.
    public init(
        _ filters: Int, kernelSize: Int, strides: Int = 1, padding: Padding = .valid, dilationRate: Int = 1,
        activation: ActivationFunction = .linear, useBias: Bool = true, kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, kernelRegularizer: Regularizer? = nil, biasRegularizer: Regularizer? = nil,
        activityRegularizer: Regularizer? = nil, name: String = "conv1d"
    ) {
        super.init(variant: .sequence, kind: "Conv1D", filters: filters, kernelSize: Size2D(1, kernelSize), strides: Size2D(1, strides),
                   padding: padding, dilation: Size2D(1, dilationRate), activation: activation, useBias: useBias,
                   kernelInitializer: kernelInitializer, biasInitializer: biasInitializer,
                   regularizers: (kernelRegularizer, biasRegularizer, activityRegularizer), name: name)
    }
}
