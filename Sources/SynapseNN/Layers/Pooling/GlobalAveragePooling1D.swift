import SynapseTensor

/// The mean value of each channel over all positions of channels-last sequences, as Keras's
/// `GlobalAveragePooling1D`: `[batch, sequences, channels] → [batch, channels]`.
public final class GlobalAveragePooling1D: GlobalPoolingLayer {
    /// A global pooling layer.
    public init(name: String = "global_average_pooling1d") {
        super.init(statistic: .average, kind: "GlobalAveragePooling1D", spatialRank: 1, name: name)
    }
}
