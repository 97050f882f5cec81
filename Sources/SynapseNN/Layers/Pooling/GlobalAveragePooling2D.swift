import SynapseTensor

/// The mean value of each channel over all positions of channels-last images, as Keras's
/// `GlobalAveragePooling2D`: `[batch, images, channels] → [batch, channels]`.
public final class GlobalAveragePooling2D: GlobalPoolingLayer {
    /// A global pooling layer.
    public init(name: String = "global_average_pooling2d") {
        super.init(statistic: .average, kind: "GlobalAveragePooling2D", spatialRank: 2, name: name)
    }
}
