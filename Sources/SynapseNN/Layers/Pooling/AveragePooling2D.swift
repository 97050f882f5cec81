import SynapseTensor

/// The mean element of every `poolSize` window of channels-last images, per channel, as
/// Keras's `AveragePooling2D`. Inputs are `[batch, height, width, channels]`.
///
/// ```swift
/// let pool = AveragePooling2D(poolSize: 2)   // [n, 26, 26, 32] → [n, 13, 13, 32]
/// ```
public final class AveragePooling2D: PoolingLayer {
    /// The window's height and width.
    public var poolSize: Size2D { windowSize }
    /// The steps between windows.
    public var strides: Size2D { windowStrides }

    /// Pooling over `poolSize` windows `strides` apart (`poolSize` apart when `nil`), checked when built.
    public init(poolSize: Size2D = 2, strides: Size2D? = nil, padding: Padding = .valid, name: String = "average_pooling2d") {
        super.init(statistic: .average, kind: "AveragePooling2D", poolSize: poolSize, strides: strides ?? poolSize, padding: padding,
                   isSequence: false, name: name)
    }
}
