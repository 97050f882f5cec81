import Foundation
import SynapseNN
import SynapseTensor

/// Exporting a model to ONNX, for ONNX Runtime and the tools that read it.
///
/// ```swift
/// try model.exportONNX(to: URL(fileURLWithPath: "digits.onnx"))
/// // Python: onnxruntime.InferenceSession("digits.onnx").run(None, {"input": x})
/// ```
///
/// The file is an ONNX `ModelProto` (IR version 8, default-domain opset 17) with one float
/// input `input` of shape `[N, features…]` (channels last, as Synapse takes it) and one output
/// `output`. Layers map as `ONNXGraph+Layers.swift` lists: `Dense` becomes `MatMul` then `Add`
/// of the bias, convolutions and pooling `Conv`, `ConvTranspose`, `MaxPool`, `AveragePool`
/// between transposes to and from channels first; activations become their ONNX operators
/// (`Relu`, `Sigmoid`, `Tanh`, `Softplus`, `Softmax` on the last axis, `LeakyRelu`, `Elu`,
/// `Selu`), swish and GELU their formulas; sequence layers are in `ONNXGraph+Recurrent.swift`.
/// `Input` adds nothing.
extension Sequential: ONNXExportable {
    /// The encoded ONNX model (see `exportONNX(to:)`).
    ///
    /// - Throws: `ModelError.notReady` for a model that is not built;
    ///   `ModelError.invalidArgument` naming a layer that ONNX export does not know.
    public func onnxModel() throws -> [UInt8] {
        guard let inputShape = builtInputShape else {
            throw ModelError.notReady(model: name, reason: "build it (call it, fit it, or start it with Input) before exporting it to ONNX")
        }
        var graph = ONNXGraph()
        var value = ONNXValue(name: "input", sampleShape: inputShape)
        for layer in layers { value = try graph.apply(layer, to: value) }
        value = graph.channelsLast(value)
        let output = graph.add("Identity", [value.name], output: "output")
        return graph.modelBytes(name: name, inputs: [("input", inputShape)], outputs: [(output, value.sampleShape)], producerVersion: "1")
    }
}
