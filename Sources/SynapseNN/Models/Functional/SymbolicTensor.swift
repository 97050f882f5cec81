import SynapseTensor

/// A placeholder for the batches that will flow through a functional graph (Keras's
/// `KerasTensor`): it knows its per-sample shape and which layer made it from which inputs.
///
/// Graphs start from `Input.symbolic(shape:)`; calling a layer on symbolic tensors checks the
/// shapes at once and returns the symbolic output; `Functional(inputs:outputs:)` turns the
/// graph into a model.
///
/// ```swift
/// let pixels = Input.symbolic(shape: [784])
/// let hidden = try Dense(64, activation: .relu)(pixels)
/// let model = try Functional(inputs: pixels, outputs: try Dense(10)(hidden))
/// ```
public final class SymbolicTensor: CustomStringConvertible {
    /// The shape of one sample (without the batch axis).
    public let shape: Shape
    /// The layer that produced it: an `Input` for a graph input.
    public let layer: any Layer
    /// The symbolic tensors the layer was called on (none for a graph input).
    public let inputs: [SymbolicTensor]

    init(shape: Shape, layer: any Layer, inputs: [SymbolicTensor]) {
        self.shape = shape
        self.layer = layer
        self.inputs = inputs
    }

    /// Whether this is a graph input (made by `Input.symbolic`).
    public var isGraphInput: Bool { inputs.isEmpty }

    /// `<SymbolicTensor shape=[None, 64] from 'dense'>`.
    public var description: String {
        "<SymbolicTensor shape=[None\(shape.dimensions.map { ", \($0)" }.joined())] from '\(layer.name)'>"
    }
}

extension Input {
    /// A graph input of samples shaped `shape`, backed by an `Input` layer named `name`: the
    /// start of a functional graph (Keras's `keras.Input(shape=…)`).
    public static func symbolic(shape: Shape, name: String = "input") -> SymbolicTensor {
        let layer = Input(shape: shape, name: name)
        return SymbolicTensor(shape: shape, layer: layer, inputs: [])
    }
}

extension Layer {
    /// The layer applied to a symbolic tensor: the output's shape, checked now, and the record
    /// of the call for `Functional` to run later.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when it cannot take samples of
    ///   `input.shape`, or was already built for another shape.
    public func callAsFunction(_ input: SymbolicTensor) throws -> SymbolicTensor {
        if let built = builtInputShape, built != input.shape {
            throw ModelError.invalidInput(layer: name, expected: "samples of shape \(built) (it is already built)", received: "samples of shape \(input.shape)")
        }
        return SymbolicTensor(shape: try outputShape(forInputShape: input.shape), layer: self, inputs: [input])
    }
}

extension MergeLayer {
    /// The merge of symbolic tensors, checked now and run later by `Functional`.
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer when the shapes cannot be merged.
    public func callAsFunction(_ inputs: [SymbolicTensor]) throws -> SymbolicTensor {
        let shapes = inputs.map(\.shape)
        if let built = builtInputShapes, built != shapes {
            throw ModelError.invalidInput(layer: name, expected: "inputs of shapes \(built) (it is already built)", received: "\(shapes)")
        }
        return SymbolicTensor(shape: try outputShape(forInputShapes: shapes), layer: self, inputs: inputs)
    }
}
