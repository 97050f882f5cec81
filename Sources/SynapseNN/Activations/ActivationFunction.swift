import SynapseTensor

/// The activation functions of Keras, as typed cases: `Dense(25, activation: .relu)`.
///
/// Each is built from differentiable tensor operations, so gradients flow through it.
public enum ActivationFunction: Hashable, Sendable {
    /// `x`: no activation (Keras's `linear`).
    case linear
    /// `1 / (1 + e^−x)`.
    case sigmoid
    /// `max(x, 0)`.
    case relu
    /// `x` for `x > 0`, else `alpha · x` (Keras 3's default `negative_slope` is 0.2).
    case leakyRelu(alpha: Float = 0.2)
    /// The hyperbolic tangent.
    case tanh
    /// `x` for `x > 0`, else `alpha · (e^x − 1)`.
    case elu(alpha: Float = 1)
    /// `scale · elu(x, alpha)` with Klambauer et al.'s constants (alpha ≈ 1.6733, scale ≈ 1.0507).
    case selu
    /// `x · sigmoid(x)`, also called SiLU.
    case swish
    /// `x · Φ(x)`, the Gaussian error linear unit; `approximate: true` uses the tanh form
    /// `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`.
    case gelu(approximate: Bool = false)
    /// `log(1 + e^x)`.
    case softplus
    /// `e^x / Σ e^x` over the last axis.
    case softmax

    /// SiLU, the same function as `swish`.
    public static var silu: ActivationFunction { .swish }

    /// The function applied to `x`.
    ///
    /// - Throws: `TensorError` only for `softmax` of a rank-0 tensor.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        switch self {
        case .linear: return x
        case .sigmoid: return SynapseTensor.sigmoid(x)
        case .relu: return SynapseTensor.relu(x)
        case .leakyRelu(let alpha): return SynapseTensor.leakyRelu(x, alpha: alpha)
        case .tanh: return SynapseTensor.tanh(x)
        case .elu(let alpha): return try ActivationFunction.elu(x, alpha: alpha)
        case .selu: return 1.050_701 * (try ActivationFunction.elu(x, alpha: 1.673_263_2))
        case .swish: return try x * SynapseTensor.sigmoid(x)
        case .gelu(approximate: false): return try 0.5 * x * (1 + erf(x * 0.707_106_77))
        case .gelu(approximate: true):
            let inner = try (x + 0.044_715 * pow(x, 3)) * 0.797_884_6
            return try 0.5 * x * (1 + SynapseTensor.tanh(inner))
        case .softplus: return SynapseTensor.softplus(x)
        case .softmax: return try x.softmax(alongAxis: -1)
        }
    }

    /// `x` where positive, else `alpha · (e^x − 1)`. The exponential sees only non-positive
    /// values, so the branch not taken never produces `inf` (whose zero gradient would be NaN).
    private static func elu(_ x: Tensor, alpha: Float) throws -> Tensor {
        let negativePart = alpha * (exp(x.clamped(to: -.infinity...0)) - 1)
        return try select(where: x .> 0, x, otherwise: negativePart)
    }
}
