import SynapseNN
import SynapseTensor

/// Sequence layers as ONNX operators (opset 17). Recurrent nodes run time-major (`layout = 0`,
/// the only one ONNX Runtime implements), between transposes from and to Synapse's batch-first
/// sequences.
///
/// | Synapse | ONNX |
/// |---|---|
/// | `Embedding` | `Cast` of the ids to int64, `Gather` from the table |
/// | `SimpleRNN`, `LSTM`, `GRU` | `Transpose` to `[steps, N, features]`, `RNN`, `LSTM` (gates reordered from Keras's i, f, c, o to ONNX's i, o, f, c), `GRU` (`linear_before_reset = 1`, Keras 3's reset-after), `Transpose` back; kernels transposed to `[1, gates · units, in]`; `go_backwards` as `direction = reverse`, its returned sequence put back in processing order with a `Slice` |
/// | `Bidirectional` | one node of each direction, outputs merged (`Concat`, `Add`, `Mul`) |
/// | `TimeDistributed` | `Reshape` to one row per step, the wrapped layer, `Reshape` back |
///
/// Masks are not exported: `Masking` and `Embedding(maskZero: true)` are refused.
extension ONNXGraph {
    /// `Gather` of rows of the embedding table by the ids (cast to int64).
    mutating func embedding(_ value: ONNXValue, _ layer: Embedding, outputShape: Shape) throws -> ONNXValue {
        guard !layer.maskZero else { throw Self.masksAreNotExported(layer) }
        guard let table = layer.embeddings else { throw ModelError.notReady(model: layer.name, reason: "the layer has no weights yet") }
        addInitializer(weightName(layer, table), table.value)
        let ids = add("Cast", [channelsLast(value).name], [.int("to", 7)])   // TensorProto.INT64
        return ONNXValue(name: add("Gather", [weightName(layer, table), ids], [.int("axis", 0)]), sampleShape: outputShape)
    }

    /// The recurrent layer as one ONNX node: `[N, steps, units]` with `returnSequences`, else
    /// `[N, units]`.
    mutating func recurrent(_ value: ONNXValue, _ layer: RecurrentLayer, outputShape: Shape) throws -> ONNXValue {
        let (sequence, last) = try recurrentNode(channelsLast(value).name, layer, direction: layer.goBackwards ? "reverse" : "forward")
        guard layer.returnSequences else { return ONNXValue(name: last, sampleShape: outputShape) }
        // ONNX aligns a reverse run's outputs with the input steps; Keras returns them in the
        // order they were computed.
        return ONNXValue(name: layer.goBackwards ? reversedSteps(sequence) : sequence, sampleShape: outputShape)
    }

    /// Both directions, their outputs aligned with the input steps and merged.
    mutating func bidirectional(_ value: ONNXValue, _ layer: Bidirectional, outputShape: Shape) throws -> ONNXValue {
        guard let backward = layer.backwardLayer else { throw ModelError.notReady(model: layer.name, reason: "the layer has no weights yet") }
        let input = channelsLast(value).name
        let ahead = try recurrentNode(input, layer.forwardLayer, direction: layer.forwardLayer.goBackwards ? "reverse" : "forward")
        let behind = try recurrentNode(input, backward, direction: backward.goBackwards ? "reverse" : "forward")
        // Reverse runs align with the input in ONNX, as Bidirectional aligns them in Synapse.
        let (first, second) = layer.forwardLayer.returnSequences ? (ahead.sequence, behind.sequence) : (ahead.last, behind.last)
        let merged: String
        switch layer.mergeMode {
        case .concat: merged = add("Concat", [first, second], [.int("axis", -1)])
        case .sum: merged = add("Add", [first, second])
        case .average: merged = add("Mul", [add("Add", [first, second]), addConstant(0.5)])
        case .multiply: merged = add("Mul", [first, second])
        }
        return ONNXValue(name: merged, sampleShape: outputShape)
    }

    /// The wrapped layer on `[N · steps, step…]`, reshaped back to `[N, steps, …]`.
    mutating func timeDistributed(_ value: ONNXValue, _ layer: TimeDistributed, outputShape: Shape) throws -> ONNXValue {
        let stepShape = Shape(Array(value.sampleShape.dimensions.dropFirst()))
        let folded = add("Reshape", [channelsLast(value).name, addIntegers([-1] + stepShape.dimensions)])
        let outerPrefix = weightPrefix
        weightPrefix += "\(layer.name)/"
        defer { weightPrefix = outerPrefix }
        let inner = channelsLast(try apply(layer.layer, to: ONNXValue(name: folded, sampleShape: stepShape)))
        let unfolded = add("Reshape", [inner.name, addIntegers([-1] + outputShape.dimensions)])
        return ONNXValue(name: unfolded, sampleShape: outputShape)
    }

    /// The error for a layer whose masks ONNX export cannot carry.
    static func masksAreNotExported(_ layer: any Layer) -> ModelError {
        .invalidArgument(owner: "exportONNX", argument: "layer '\(layer.name)'",
                         expected: "a model without masks (ONNX export does not carry them; use Embedding(maskZero: false) and no Masking)",
                         received: "\(type(of: layer))")
    }

    /// One `RNN`, `LSTM` or `GRU` node on `input` (`[N, steps, features]`); returns its
    /// outputs as `[N, steps, units]` and `[N, units]` (the last computed step).
    private mutating func recurrentNode(_ input: String, _ layer: RecurrentLayer, direction: String) throws -> (sequence: String, last: String) {
        guard let kernel = layer.kernel, let recurrentKernel = layer.recurrentKernel else {
            throw ModelError.notReady(model: layer.name, reason: "the layer has no weights yet")
        }
        let units = layer.units, width = kernel.shape[1]
        let (op, blockOrder, activations): (String, [Int], [ActivationFunction]) = switch layer {
        case is LSTM: ("LSTM", [0, 3, 1, 2], [layer.recurrentActivation, layer.activation, layer.activation])
        case is GRU: ("GRU", [0, 1, 2], [layer.recurrentActivation, layer.activation])
        default: ("RNN", [0], [layer.activation])
        }
        // Columns of Keras's gate blocks in ONNX's order.
        let columns = blockOrder.flatMap { block in (block * units)..<((block + 1) * units) }
        func onnxLayout(_ matrix: Tensor) throws -> Tensor {
            try matrix.gathering(atIndices: columns, alongAxis: 1).transposed().reshaped(to: [1, width, matrix.shape[0]])
        }
        let w = addTensor(try onnxLayout(kernel.value)), r = addTensor(try onnxLayout(recurrentKernel.value))
        // B is the input bias then the recurrent bias, each in ONNX's gate order.
        let bias = try layer.bias.map { $0.value.rank == 1 ? try $0.value.reshaped(to: [1, width]) : $0.value } ?? Tensor.zeros([1, width])
        let rows = try (0..<2).map { row in row < bias.shape[0] ? try bias.sliced([row..<(row + 1)]) : try Tensor.zeros([1, width]) }
        let b = addTensor(try Tensor.concatenating(try rows.map { try $0.gathering(atIndices: columns, alongAxis: 1) }, alongAxis: 1))
        var attributes: [Attribute] = [
            .int("hidden_size", Int64(units)), .string("direction", direction),
            .strings("activations", try activations.map { try Self.recurrentActivationName($0, layer) }),
        ]
        if op == "GRU" { attributes.append(.int("linear_before_reset", 1)) }
        let timeMajor = add("Transpose", [input], [.ints("perm", [1, 0, 2])])
        let outputs = add(op, [timeMajor, w, r, b], attributes, outputCount: 2)
        // Y is [steps, 1, N, units] and Y_h [1, N, units].
        let batchMajor = add("Transpose", [outputs[0]], [.ints("perm", [2, 0, 1, 3])])
        let sequence = add("Reshape", [batchMajor, addIntegers([0, 0, units])])
        let last = add("Reshape", [outputs[1], addIntegers([-1, units])])
        return (sequence, last)
    }

    /// `[N, steps, …]` with the steps in reverse order.
    private mutating func reversedSteps(_ name: String) -> String {
        add("Slice", [name, addIntegers([-1]), addIntegers([Int(Int64.min)]), addIntegers([1]), addIntegers([-1])])
    }

    /// ONNX's name of a recurrent activation.
    private static func recurrentActivationName(_ function: ActivationFunction, _ layer: RecurrentLayer) throws -> String {
        switch function {
        case .sigmoid: return "Sigmoid"
        case .tanh: return "Tanh"
        case .relu: return "Relu"
        default:
            throw ModelError.invalidArgument(owner: "exportONNX", argument: "layer '\(layer.name)' activation",
                                             expected: "sigmoid, tanh or relu in an exported recurrent layer", received: "\(function)")
        }
    }
}
