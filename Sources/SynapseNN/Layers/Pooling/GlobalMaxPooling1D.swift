import SynapseTensor

/// The largest value of each channel over all positions of channels-last sequences, as Keras's
/// `GlobalMaxPooling1D`: `[batch, sequences, channels] → [batch, channels]`.
public final class GlobalMaxPooling1D: GlobalPoolingLayer {
    /// A global pooling layer.
    public init(name: String = "global_max_pooling1d") {
        super.init(statistic: .maximum, kind: "GlobalMaxPooling1D", spatialRank: 1, name: name)
    }
}
