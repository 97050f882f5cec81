import SynapseTensor

/// A penalty on a layer's weights or outputs, added to the loss in training, as Keras's
/// `regularizers`: `l1 · Σ|w|`, `l2 · Σw²`, or both.
///
/// ```swift
/// Dense(64, activation: .relu, kernelRegularizer: .l2(1e-4))
/// ```
///
/// In JSON: `{"l2": 0.0001}`, `{"l1": 0.01}` or `{"l1": 0.01, "l2": 0.0001}`.
public enum Regularizer: Hashable, Sendable {
    /// `factor · Σ|w|`.
    case l1(Float)
    /// `factor · Σw²` (Keras's form: no ½).
    case l2(Float)
    /// `l1 · Σ|w| + l2 · Σw²`.
    case l1l2(l1: Float, l2: Float)

    /// The L1 and L2 factors.
    var factors: (l1: Float, l2: Float) {
        switch self {
        case .l1(let factor): return (factor, 0)
        case .l2(let factor): return (0, factor)
        case let .l1l2(l1, l2): return (l1, l2)
        }
    }

    /// The penalty of `values`, a scalar tensor, differentiable with respect to them.
    ///
    /// - Throws: `ModelError.invalidArgument` for a negative or non-finite factor.
    public func penalty(of values: Tensor) throws -> Tensor {
        let (l1, l2) = factors
        for (argument, factor) in [("l1", l1), ("l2", l2)] where !(factor >= 0 && factor.isFinite) {
            throw ModelError.invalidArgument(owner: "Regularizer", argument: argument, expected: "a finite number ≥ 0", received: "\(factor)")
        }
        var total = try Tensor(0.0)
        if l1 > 0 { total = try total + abs(values).sum() * l1 }
        if l2 > 0 { total = try total + (values * values).sum() * l2 }
        return total
    }
}

extension Regularizer: Codable {
    private enum Key: String, CodingKey { case l1, l2 }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        switch (try container.decodeIfPresent(Float.self, forKey: .l1), try container.decodeIfPresent(Float.self, forKey: .l2)) {
        case let (l1?, l2?): self = .l1l2(l1: l1, l2: l2)
        case let (l1?, nil): self = .l1(l1)
        case let (nil, l2?): self = .l2(l2)
        case (nil, nil):
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a regularizer needs \"l1\", \"l2\" or both"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .l1(let factor): try container.encode(factor, forKey: .l1)
        case .l2(let factor): try container.encode(factor, forKey: .l2)
        case let .l1l2(l1, l2):
            try container.encode(l1, forKey: .l1)
            try container.encode(l2, forKey: .l2)
        }
    }
}
