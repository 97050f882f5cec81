import SynapseTensor

/// How an optimizer limits gradients before using them, as Keras's `clipnorm`, `clipvalue` and
/// `global_clipnorm`.
///
/// - `clipNorm` rescales each gradient on its own: `g · clipNorm / max(‖g‖₂, clipNorm)`.
/// - `globalClipNorm` rescales all gradients of a step together by their joint norm
///   `√(Σᵢ ‖gᵢ‖₂²)`, keeping their relative sizes.
/// - `clipValue` clamps every element to `[-clipValue, clipValue]`.
///
/// At most one of `clipNorm` and `globalClipNorm` may be set. Unlike Keras 3, which then ignores
/// `clipValue`, `clipValue` combined with a norm is honoured: the norm rescaling comes first,
/// then the clamp. Gradients of frozen parameters take no part in the joint norm. A gradient
/// whose norm is not finite becomes NaN under norm clipping, as in Keras.
///
/// ```swift
/// let optimizer = SGD(learningRate: 0.1, globalClipNorm: 1)   // joint norm at most 1
/// ```
public struct GradientClipping: Equatable, Sendable {
    /// The largest L2 norm each gradient keeps, or `nil`.
    public let clipNorm: Float?
    /// The largest absolute value each gradient element keeps, or `nil`.
    public let clipValue: Float?
    /// The largest joint L2 norm of all gradients of a step, or `nil`.
    public let globalClipNorm: Float?

    /// Clipping with the given thresholds (`nil` for none). The values are checked by
    /// `validate(for:)`, which every optimizer runs on each step.
    public init(clipNorm: Float? = nil, clipValue: Float? = nil, globalClipNorm: Float? = nil) {
        self.clipNorm = clipNorm
        self.clipValue = clipValue
        self.globalClipNorm = globalClipNorm
    }

    /// Checks that every threshold set is finite and positive, and that `clipNorm` and
    /// `globalClipNorm` are not both set.
    ///
    /// - Throws: `ModelError.invalidArgument` naming `owner` and the offending setting.
    public func validate(for owner: String) throws {
        let check = OptimizerArgumentCheck(owner: owner)
        if let clipNorm { try check.positive(clipNorm, "clipNorm") }
        if let clipValue { try check.positive(clipValue, "clipValue") }
        if let globalClipNorm { try check.positive(globalClipNorm, "globalClipNorm") }
        if let clipNorm, let globalClipNorm {
            throw ModelError.invalidArgument(
                owner: owner, argument: "clipNorm and globalClipNorm", expected: "at most one of them set",
                received: "clipNorm \(clipNorm) and globalClipNorm \(globalClipNorm)")
        }
    }

    /// The bound of the elementwise clamp: `clipValue`, or infinity when unset.
    var bound: Float { clipValue ?? .infinity }

    /// The factor every gradient of a step is multiplied by for `globalClipNorm` (1 when unset
    /// or when the joint norm of the trainable parameters' gradients is within it).
    func globalScale(of gradients: [Tensor], for parameters: [Parameter]) -> Float {
        guard let globalClipNorm else { return 1 }
        var sumOfSquares: Double = 0
        for (gradient, parameter) in zip(gradients, parameters) where parameter.isTrainable {
            sumOfSquares += gradient.withUnsafeBufferPointer(\.sumOfSquares)
        }
        return GradientClipping.scale(norm: sumOfSquares.squareRoot(), limit: globalClipNorm)
    }

    /// The factor `gradient` is multiplied by for `clipNorm` (1 when unset or within it).
    func scale(of gradient: UnsafeBufferPointer<Float>) -> Float {
        guard let clipNorm else { return 1 }
        return GradientClipping.scale(norm: gradient.sumOfSquares.squareRoot(), limit: clipNorm)
    }

    /// `limit / max(norm, limit)`: exactly 1 within the limit, NaN for a non-finite norm.
    private static func scale(norm: Double, limit: Float) -> Float {
        guard norm.isFinite else { return .nan }
        return norm <= Double(limit) ? 1 : Float(Double(limit) / norm)
    }
}
