import SynapseTensor

/// A fully connected recurrent layer: `h_t = activation(x_t·W + b + h_{t−1}·U)` (Keras's
/// `SimpleRNN`).
///
/// ```swift
/// let layer = SimpleRNN(32, returnSequences: true)    // [batch, steps, features] → [batch, steps, 32]
/// ```
public final class SimpleRNN: RecurrentLayer {
    /// A SimpleRNN layer of `units` units; the arguments are checked when it is built.
    public init(
        _ units: Int, activation: ActivationFunction = .tanh, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, recurrentInitializer: Initializer = .orthogonal(),
        biasInitializer: Initializer = .zeros, returnSequences: Bool = false, goBackwards: Bool = false,
        dropout: Float = 0, recurrentDropout: Float = 0, name: String = "simple_rnn"
    ) {
        super.init(
            kind: "SimpleRNN", cell: .simple, units: units, activation: activation, recurrentActivation: .sigmoid, useBias: useBias,
            kernelInitializer: kernelInitializer, recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer,
            returnSequences: returnSequences, goBackwards: goBackwards, dropout: dropout, recurrentDropout: recurrentDropout, name: name)
    }
}
