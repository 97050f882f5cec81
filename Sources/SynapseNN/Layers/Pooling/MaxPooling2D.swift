import SynapseTensor

/// The largest element of every `poolSize` window of channels-last images, per channel, as
/// Keras's `MaxPooling2D`. Inputs are `[batch, height, width, channels]`.
///
/// ```swift
/// let pool = MaxPooling2D(poolSize: 2)   // [n, 26, 26, 32] → [n, 13, 13, 32]
/// ```
public final class MaxPooling2D: PoolingLayer {
    /// The window's height and width.
    public var poolSize: Size2D { windowSize }
    /// The steps between windows.
    public var strides: Size2D { windowStrides }

    /// Pooling over `poolSize` windows `strides` apart (`poolSize` apart when `nil`), checked when built.
    public init(poolSize: Size2D = 2, strides: Size2D? = nil, padding: Padding = .valid, name: String = "max_pooling2d") {
        super.init(statistic: .maximum, kind: "MaxPooling2D", poolSize: poolSize, strides: strides ?? poolSize, padding: padding,
                   isSequence: false, name: name)
    }
}
