import SynapseTensor

/// Marks padded steps of a sequence batch: a step whose features all equal `maskValue` is
/// masked for the layers after it, and its features are set to 0 (Keras's `Masking`).
///
/// ```swift
/// Masking(maskValue: 0)     // before an LSTM reading zero-padded series
/// ```
public final class Masking: MaskSupportingLayer {
    /// The value that, in every feature of a step, marks the step as padding.
    public let maskValue: Float
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { [] }

    /// A masking layer for steps whose features all equal `maskValue`.
    public init(maskValue: Float = 0, name: String = "masking") {
        self.maskValue = maskValue
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        builtInputShape = try outputShape(forInputShape: inputShape)
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        guard inputShape.rank == 2 else {
            throw ModelError.invalidInput(layer: name, expected: "sequences: samples of shape [steps, features]", received: "samples of shape \(inputShape)")
        }
        return inputShape
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try forward(input, mask: nil, training: training)
    }

    /// The input with masked steps set to 0.
    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) throws -> Tensor {
        guard let steps = try outputMask(forInput: input, mask: mask) else { return input }
        return try input * steps.expandingShape(at: 2)
    }

    /// 1 for each step with a feature other than `maskValue`, `[batch, steps]`.
    public func outputMask(forInput input: Tensor, mask: Tensor?) throws -> Tensor? {
        guard input.rank == 3 else { return nil }
        let features = input.shape[2], values = input.scalars
        let flags = stride(from: 0, to: values.count, by: Swift.max(features, 1)).map { start -> Float in
            values[start..<(start + features)].contains { $0 != maskValue } ? 1 : 0
        }
        return try Tensor(shape: [input.shape[0], input.shape[1]], scalars: flags)
    }
}
