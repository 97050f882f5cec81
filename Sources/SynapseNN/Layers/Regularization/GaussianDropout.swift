import SynapseTensor

/// Multiplicative Gaussian noise, as Keras's `GaussianDropout`: in training each element is
/// multiplied by a draw from N(1, rate / (1 − rate)) — the variance of inverted dropout at the
/// same `rate` — so the expected output equals the input; otherwise the input passes unchanged.
public final class GaussianDropout: DropoutLayer {
    /// A Gaussian dropout layer; the rate is checked when the layer is built.
    public init(_ rate: Float, name: String = "gaussian_dropout") {
        super.init(rate: rate, kind: "GaussianDropout", name: name)
    }

    override func dropped(_ input: Tensor) throws -> Tensor {
        try input * Tensor.randomNormal(input.shape, mean: 1, standardDeviation: (rate / (1 - rate)).squareRoot(), using: &generator)
    }
}
