import CSynapseKernels

/// The elementwise nonlinearities of neural networks, in numerically stable forms.

/// The hyperbolic tangent of every element.
public func tanh(_ x: Tensor) -> Tensor {
    Tensor.unary(x, HyperbolicTangent(), "tanh", saving: .output) { g, y in Tensor.elementwise(g, y!, TanhPullback()) }
}

/// The logistic sigmoid `1 / (1 + e^−x)` of every element; exactly 0 or 1 far in the tails,
/// never NaN for finite input.
public func sigmoid(_ x: Tensor) -> Tensor {
    Tensor.unary(x, synapse_sigmoid, "sigmoid", saving: .output) { g, y in Tensor.elementwise(g, y!, SigmoidPullback()) }
}

/// The rectified linear unit `max(x, 0)` of every element. The gradient at 0 is taken as 0.
public func relu(_ x: Tensor) -> Tensor {
    Tensor.unary(x, Rectifier(), "relu", saving: .input) { g, x in Tensor.elementwise(g, x!, PassWherePositive()) }
}

/// The leaky rectifier: `x` where positive, else `alpha · x`, of every element, in one pass each
/// way (forward and gradient). The gradient at 0 is taken as `alpha`.
public func leakyRelu(_ x: Tensor, alpha: Float) -> Tensor {
    Tensor.unary(x, LeakyRectifier(alpha: alpha), "leakyRelu", saving: .input) { g, x in
        Tensor.elementwise(g, x!, LeakyRectifierPullback(alpha: alpha))
    }
}

/// `log(1 + e^x)` of every element, computed as `max(x, 0) + log1p(e^−|x|)` so that it
/// neither overflows for large `x` nor loses precision for very negative `x`.
public func softplus(_ x: Tensor) -> Tensor {
    Tensor.unary(x, Softplus(), "softplus", saving: .input) { g, x in Tensor.elementwise(g, x!, SoftplusPullback()) }
}
