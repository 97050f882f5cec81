import SynapseTensor

/// The mean element of every `poolSize` window of channels-last sequences, per channel, as
/// Keras's `AveragePooling1D`. Inputs are `[batch, steps, channels]`.
///
/// ```swift
/// let pool = AveragePooling1D(poolSize: 2)   // [n, 100, 8] → [n, 50, 8]
/// ```
public final class AveragePooling1D: PoolingLayer {
    /// The window's length.
    public var poolSize: Int { windowSize.width }
    /// The step between windows.
    public var strides: Int { windowStrides.width }

    /// Pooling over `poolSize` windows `strides` apart (`poolSize` apart when `nil`), checked when built.
    public init(poolSize: Int = 2, strides: Int? = nil, padding: Padding = .valid, name: String = "average_pooling1d") {
        super.init(statistic: .average, kind: "AveragePooling1D", poolSize: Size2D(1, poolSize), strides: Size2D(1, strides ?? poolSize),
                   padding: padding, isSequence: true, name: name)
    }
}
