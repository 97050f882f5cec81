import SynapseTensor

/// A layer that combines several inputs into one: the base of `Add`, `Subtract`, `Multiply`,
/// `Average`, `Maximum` and `Concatenate`, used in functional graphs.
///
/// ```swift
/// let shortcut = Input.symbolic(shape: [32])
/// let residual = try Dense(32, activation: .relu)(shortcut)
/// let sum = try Add()([shortcut, residual])
/// ```
///
/// Called on one tensor, as a single-input layer, it throws: it needs two or more.
public class MergeLayer: Layer {
    /// How the inputs are combined.
    public let operation: MergeOperation
    public var name: String
    public var isTrainable = true
    public var parameters: [Parameter] { [] }
    /// The per-sample shapes of the inputs the layer was built for (`nil` before it is built).
    public private(set) var builtInputShapes: [Shape]?
    public var builtInputShape: Shape? { builtInputShapes?.first }

    /// A layer combining its inputs by `operation`.
    init(operation: MergeOperation, name: String) {
        self.operation = operation
        self.name = name
    }

    /// The per-sample output shape for inputs of `shapes`.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when the shapes cannot be merged.
    public func outputShape(forInputShapes shapes: [Shape]) throws -> Shape {
        try operation.outputShape(forInputShapes: shapes, layer: name)
    }

    /// Records the input shapes (a merge layer has no parameters).
    ///
    /// - Throws: as `outputShape(forInputShapes:)`.
    public func build(inputShapes shapes: [Shape]) throws {
        _ = try outputShape(forInputShapes: shapes)
        builtInputShapes = shapes
    }

    /// The inputs combined.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when the batches' sample shapes
    ///   cannot be merged or their batch sizes differ.
    public func forward(_ inputs: [Tensor], training: Bool) throws -> Tensor {
        _ = try outputShape(forInputShapes: inputs.map { Shape(Array($0.shape.dimensions.dropFirst())) })
        if let other = inputs.first(where: { $0.shape[0] != inputs[0].shape[0] }) {
            throw ModelError.invalidInput(layer: name, expected: "inputs of one batch size (\(inputs[0].shape[0]))", received: "a batch of \(other.shape[0])")
        }
        return try operation.combine(inputs)
    }

    /// Throws: a merge layer needs two or more inputs.
    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        try build(inputShapes: [inputShape])
    }

    /// Throws: a merge layer needs two or more inputs.
    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        try outputShape(forInputShapes: [inputShape])
    }

    /// Throws: a merge layer needs two or more inputs.
    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try forward([input], training: training)
    }
}
