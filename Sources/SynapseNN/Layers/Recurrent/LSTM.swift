import SynapseTensor

/// Long short-term memory (Hochreiter & Schmidhuber, 1997), with Keras's equations and gate
/// order `i, f, c, o`:
/// `i, f, o = σ(x·W + b + h·U)` per gate, `c̃ = tanh(…)`, `c_t = f·c_{t−1} + i·c̃`,
/// `h_t = o·tanh(c_t)`. The states are `h` and `c`.
///
/// ```swift
/// let model = Sequential {
///     Input(shape: [100])
///     Embedding(inputDimension: 65, outputDimension: 32)
///     LSTM(256, returnSequences: true)
///     Dense(65)
/// }
/// ```
public final class LSTM: RecurrentLayer {
    /// Whether the forget gate's bias starts at 1 (and the rest from `biasInitializer`), as
    /// Keras's `unit_forget_bias`, which Jozefowicz et al. (2015) recommend.
    public let unitForgetBias: Bool

    /// An LSTM layer of `units` units; the arguments are checked when it is built.
    public init(
        _ units: Int, activation: ActivationFunction = .tanh, recurrentActivation: ActivationFunction = .sigmoid, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, recurrentInitializer: Initializer = .orthogonal(),
        biasInitializer: Initializer = .zeros, unitForgetBias: Bool = true, returnSequences: Bool = false, goBackwards: Bool = false,
        dropout: Float = 0, recurrentDropout: Float = 0, name: String = "lstm"
    ) {
        self.unitForgetBias = unitForgetBias
        super.init(
            kind: "LSTM", cell: .lstm, units: units, activation: activation, recurrentActivation: recurrentActivation, useBias: useBias,
            kernelInitializer: kernelInitializer, recurrentInitializer: recurrentInitializer, biasInitializer: biasInitializer,
            returnSequences: returnSequences, goBackwards: goBackwards, dropout: dropout, recurrentDropout: recurrentDropout, name: name)
    }

    /// The bias from `biasInitializer`, with the forget gate's block set to 1 when
    /// `unitForgetBias` is on.
    override func initialBias(using generator: inout RandomGenerator) throws -> Tensor {
        var values = try super.initialBias(using: &generator).scalars
        if unitForgetBias { for j in units..<(2 * units) { values[j] = 1 } }
        return try Tensor(shape: biasShape(), scalars: values)
    }
}
