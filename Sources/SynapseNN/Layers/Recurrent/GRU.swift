import SynapseTensor

/// Gated recurrent unit (Cho et al., 2014) as Keras 3 computes it (`reset_after=True`), gate
/// order `z, r, h`: with `q = h_{t−1}·U + b_rec`, `z = σ(x·W_z + b_z + q_z)`,
/// `r = σ(x·W_r + b_r + q_r)`, `h̃ = tanh(x·W_h + b_h + r·q_h)`, `h_t = z·h_{t−1} + (1 − z)·h̃`.
///
/// The bias is `[2, 3 · units]`: the input bias, then the recurrent bias, as in Keras.
///
/// ```swift
/// let layer = GRU(64, returnSequences: true, dropout: 0.1)
/// ```
public final class GRU: RecurrentLayer {
    /// A GRU layer of `units` units; the arguments are checked when it is built.
    public init(
        _ units: Int, activation: ActivationFunction = .tanh, recurrentActivation: ActivationFunction = .sigmoid, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, recurrentInitializer: Initializer = .orthogonal(),
        biasInitializer: Initializer = .zeros, returnSequences: Bool = false, goBackwards: Bool = false,
        dropout: Float = 0, recurrentDropout: Float = 0, name: String = "gru"
    ) {
        super.init(
            kind: "GRU", cell: .gru, units: units, activation: activation, recurrentActivation: recurrentActivation, useBias: useBias,
            kernelInitializer: kernelInitializer, recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer,
            returnSequences: returnSequences, goBackwards: goBackwards, dropout: dropout, recurrentDropout: recurrentDropout, name: name)
    }
}
