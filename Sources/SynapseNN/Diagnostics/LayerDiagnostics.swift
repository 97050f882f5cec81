/// What diagnostics recorded of one layer in one epoch.
public struct LayerDiagnostics: Codable, Equatable, Sendable {
    /// The layer's name.
    public var layer: String
    /// The mean over the epoch's batches of the L2 norm of the gradients of the layer's
    /// trainable parameters; `nil` for a layer without any.
    public var gradientNorm: Float?
    /// The L2 norm of the layer's trainable parameters at the end of the epoch.
    public var weightNorm: Float?
    /// How much one step changed the weights, relative to their size:
    /// `‖w_end − w_start‖ / ‖w_start‖ / steps` over the epoch (about 1e-3 is typical).
    public var updateRatio: Float?
    /// Statistics of the layer's outputs on a sample of the epoch's training rows.
    public var activations: ActivationStatistics

    /// A record of these figures.
    public init(layer: String, gradientNorm: Float?, weightNorm: Float?, updateRatio: Float?, activations: ActivationStatistics) {
        self.layer = layer
        self.gradientNorm = gradientNorm
        self.weightNorm = weightNorm
        self.updateRatio = updateRatio
        self.activations = activations
    }
}

/// What diagnostics recorded of one epoch: one entry per layer, in order.
public struct EpochDiagnostics: Codable, Equatable, Sendable {
    /// The epoch, counted from 0.
    public var epoch: Int
    /// The layers' figures, first layer first.
    public var layers: [LayerDiagnostics]

    /// A record of `layers` in `epoch`.
    public init(epoch: Int, layers: [LayerDiagnostics]) {
        self.epoch = epoch
        self.layers = layers
    }

    /// The gradient norm of the first layer with parameters divided by that of the last: far
    /// below 1, the gradient vanishes on its way back through the network; far above, it
    /// explodes. `nil` with fewer than two such layers or a last norm of 0.
    public var gradientDepthRatio: Float? {
        let norms = layers.compactMap(\.gradientNorm)
        guard norms.count >= 2, let first = norms.first, let last = norms.last, last > 0 else { return nil }
        return first / last
    }
}
