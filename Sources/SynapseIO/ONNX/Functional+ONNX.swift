import Foundation
import SynapseNN
import SynapseTensor

/// Exporting a graph model to ONNX: the same layers as `Sequential.exportONNX(to:)`, plus the
/// merge layers (`Add`, `Subtract`, `Multiply`, `Average`, `Maximum`, `Concatenate`).
///
/// A graph with one input and one output names them `input` and `output`, as a `Sequential`'s
/// export does; otherwise the inputs take their `Input` layers' names and the outputs their
/// output layers' names, in the model's order.
extension Functional: ONNXExportable {
    /// The encoded ONNX model (see `exportONNX(to:)`).
    ///
    /// - Throws: `ModelError.invalidArgument` naming a layer that ONNX export does not know.
    public func onnxModel() throws -> [UInt8] {
        var graph = ONNXGraph()
        var values: [ObjectIdentifier: ONNXValue] = [:]
        let inputNames = inputs.count == 1 ? ["input"] : inputs.map(\.layer.name)
        for (input, name) in zip(inputs, inputNames) { values[ObjectIdentifier(input)] = ONNXValue(name: name, sampleShape: input.shape) }
        for call in layerCalls {
            let arguments = call.inputs.map { values[ObjectIdentifier($0)]! }
            values[ObjectIdentifier(call)] = if let merge = call.layer as? MergeLayer {
                try graph.merge(arguments, merge, outputShape: call.shape)
            } else {
                try graph.apply(call.layer, to: arguments[0])
            }
        }
        let outputNames = outputs.count == 1 ? ["output"] : outputNames
        var graphOutputs: [(name: String, shape: Shape)] = []
        for (output, name) in zip(outputs, outputNames) {
            let value = graph.channelsLast(values[ObjectIdentifier(output)]!)
            graphOutputs.append((graph.add("Identity", [value.name], output: name), output.shape))
        }
        return graph.modelBytes(name: name, inputs: zip(inputNames, inputs.map(\.shape)).map { ($0, $1) }, outputs: graphOutputs,
                                producerVersion: "1")
    }
}

extension ONNXGraph {
    /// A merge layer's ONNX operator on its inputs, all channels last.
    mutating func merge(_ values: [ONNXValue], _ layer: MergeLayer, outputShape: Shape) throws -> ONNXValue {
        var names: [String] = []
        for value in values { names.append(channelsLast(value).name) }
        let name: String
        switch layer.operation {
        case .add: name = add("Sum", names)
        case .subtract: name = add("Sub", names)
        case .multiply: name = names.dropFirst().reduce(names[0]) { add("Mul", [$0, $1]) }
        case .average: name = add("Mean", names)
        case .maximum: name = add("Max", names)
        case .concatenate(let axis): name = add("Concat", names, [.int("axis", Int64(axis))])
        }
        return ONNXValue(name: name, sampleShape: outputShape)
    }
}
