import SynapseTensor

/// Applies one layer to every step of a sequence batch: `[batch, steps, …]` is folded into
/// `[batch · steps, …]`, passed through `layer`, and unfolded (Keras's `TimeDistributed`). The
/// steps share the layer's weights. A mask passes through unchanged.
///
/// ```swift
/// TimeDistributed(Conv2D(8, kernelSize: 3))   // a convolution per video frame
/// ```
public final class TimeDistributed: MaskSupportingLayer {
    /// The layer applied at each step.
    public let layer: any Layer
    public var name: String
    /// Whether training updates the wrapped layer (setting it sets the wrapped layer's too).
    public var isTrainable = true {
        didSet { layer.isTrainable = isTrainable }
    }
    public private(set) var builtInputShape: Shape?
    public var parameters: [Parameter] { layer.parameters }

    /// `layer` applied to every step.
    public init(_ layer: any Layer, name: String = "time_distributed") {
        self.layer = layer
        self.name = name
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        let step = try stepShape(of: inputShape)
        if let built = layer.builtInputShape, built != step {
            throw ModelError.invalidInput(layer: name, expected: "steps of shape \(built) (the wrapped layer's)", received: "steps of shape \(step)")
        }
        if !layer.isBuilt { try layer.build(inputShape: step, using: &generator) }
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        Shape([inputShape[0]] + (try layer.outputShape(forInputShape: stepShape(of: inputShape))).dimensions)
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        guard input.rank >= 3 else {
            throw ModelError.invalidInput(layer: name, expected: "a batch of sequences [batch, steps, …]", received: "shape \(input.shape)")
        }
        let (batch, steps) = (input.shape[0], input.shape[1])
        let folded = try input.reshaped(to: Shape([batch * steps] + input.shape.dimensions.dropFirst(2)))
        let output = try layer.forward(folded, training: training)
        return try output.reshaped(to: Shape([batch, steps] + output.shape.dimensions.dropFirst()))
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) throws -> Tensor {
        try forward(input, training: training)
    }

    public func outputMask(forInput input: Tensor, mask: Tensor?) throws -> Tensor? { mask }

    /// The shape of one step, after checking that samples have steps.
    private func stepShape(of inputShape: Shape) throws -> Shape {
        guard inputShape.rank >= 2 else {
            throw ModelError.invalidInput(layer: name, expected: "sequences: samples of shape [steps, …]", received: "samples of shape \(inputShape)")
        }
        return Shape(Array(inputShape.dimensions.dropFirst()))
    }
}
