import SynapseTensor

/// How a merge layer combines its inputs: the closed set of Keras's merge layers.
public enum MergeOperation: Hashable, Sendable {
    /// The elementwise sum.
    case add
    /// The first input minus the second (exactly two inputs).
    case subtract
    /// The elementwise product.
    case multiply
    /// The elementwise mean.
    case average
    /// The elementwise maximum.
    case maximum
    /// The inputs joined along `axis` of the batch (negative counts from the end; the batch
    /// axis, 0, cannot be joined).
    case concatenate(axis: Int)

    /// The per-sample output shape for per-sample inputs of `shapes`.
    ///
    /// - Throws: `ModelError.invalidInput` naming `layer` for fewer than two inputs, a
    ///   subtraction of other than two, elementwise inputs of different shapes, or
    ///   concatenated inputs that differ off the axis.
    func outputShape(forInputShapes shapes: [Shape], layer: String) throws -> Shape {
        guard shapes.count >= 2 else {
            throw ModelError.invalidInput(layer: layer, expected: "at least 2 inputs", received: "\(shapes.count)")
        }
        if self == .subtract, shapes.count != 2 {
            throw ModelError.invalidInput(layer: layer, expected: "exactly 2 inputs (the first minus the second)", received: "\(shapes.count)")
        }
        guard case .concatenate(let axis) = self else {
            if let other = shapes.first(where: { $0 != shapes[0] }) {
                throw ModelError.invalidInput(layer: layer, expected: "inputs of one shape (the first is \(shapes[0]))", received: "an input of shape \(other)")
            }
            return shapes[0]
        }
        let rank = shapes[0].rank + 1
        let joined = try sampleAxis(axis, batchRank: rank, layer: layer)
        for shape in shapes.dropFirst() {
            let matches = shape.rank == shapes[0].rank
                && (0..<shape.rank).allSatisfy { $0 == joined || shape[$0] == shapes[0][$0] }
            guard matches else {
                throw ModelError.invalidInput(layer: layer, expected: "inputs that differ only along axis \(axis) (the first is \(shapes[0]))",
                                              received: "an input of shape \(shape)")
            }
        }
        var output = shapes[0]
        output[joined] = shapes.reduce(0) { $0 + $1[joined] }
        return output
    }

    /// The combination of `inputs` (batches; at least two, already checked).
    func combine(_ inputs: [Tensor]) throws -> Tensor {
        switch self {
        case .add: return try inputs.dropFirst().reduce(inputs[0]) { try $0 + $1 }
        case .subtract: return try inputs[0] - inputs[1]
        case .multiply: return try inputs.dropFirst().reduce(inputs[0]) { try $0 * $1 }
        case .average: return try inputs.dropFirst().reduce(inputs[0]) { try $0 + $1 } / Float(inputs.count)
        case .maximum: return try inputs.dropFirst().reduce(inputs[0]) { try SynapseTensor.maximum($0, $1) }
        case .concatenate(let axis): return try Tensor.concatenating(inputs, alongAxis: axis)
        }
    }

    /// The per-sample axis of batch axis `axis` (negative from the end) for batches of rank
    /// `batchRank`.
    private func sampleAxis(_ axis: Int, batchRank: Int, layer: String) throws -> Int {
        let normalized = axis < 0 ? axis + batchRank : axis
        guard (1..<batchRank).contains(normalized) else {
            throw ModelError.invalidArgument(owner: "layer '\(layer)'", argument: "axis", expected: "in -\(batchRank - 1) ... -1 or 1 ... \(batchRank - 1) (not the batch axis)",
                                             received: "\(axis)")
        }
        return normalized - 1
    }
}
