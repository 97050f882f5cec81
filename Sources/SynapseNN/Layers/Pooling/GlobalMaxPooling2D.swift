import SynapseTensor

/// The largest value of each channel over all positions of channels-last images, as Keras's
/// `GlobalMaxPooling2D`: `[batch, images, channels] → [batch, channels]`.
public final class GlobalMaxPooling2D: GlobalPoolingLayer {
    /// A global pooling layer.
    public init(name: String = "global_max_pooling2d") {
        super.init(statistic: .maximum, kind: "GlobalMaxPooling2D", spatialRank: 2, name: name)
    }
}
