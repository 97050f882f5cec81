import SynapseTensor

/// Dropout of whole feature maps, as Keras's `SpatialDropout1D`: in training each channel of
/// each sample is dropped entirely with probability `rate` (the others scaled by
/// `1 / (1 − rate)`), which regularises convolutions whose neighbouring activations are
/// strongly correlated. Inputs are `[batch, steps, channels]`.
public final class SpatialDropout1D: DropoutLayer {
    /// A layer dropping whole channels with probability `rate` in training.
    public init(_ rate: Float, name: String = "spatial_dropout1d") {
        super.init(rate: rate, kind: "SpatialDropout1D", spatialRank: 1, name: name)
    }

    override func dropped(_ input: Tensor) throws -> Tensor {
        try input * dropoutMask(shape: [input.shape[0], 1, input.shape[2]])
    }
}

/// `SpatialDropout1D` for images `[batch, height, width, channels]`, as Keras's
/// `SpatialDropout2D`: whole feature maps are dropped.
public final class SpatialDropout2D: DropoutLayer {
    /// A layer dropping whole feature maps with probability `rate` in training.
    public init(_ rate: Float, name: String = "spatial_dropout2d") {
        super.init(rate: rate, kind: "SpatialDropout2D", spatialRank: 2, name: name)
    }

    override func dropped(_ input: Tensor) throws -> Tensor {
        try input * dropoutMask(shape: [input.shape[0], 1, 1, input.shape[3]])
    }
}
