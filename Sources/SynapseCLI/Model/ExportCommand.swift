import ArgumentParser
import Foundation
import Synapse

/// `synapse export`: writes a saved model in a format other tools read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a saved model to ONNX (for ONNX Runtime), or its weights as PyTorch safetensors or NumPy .npz.",
        discussion: """
            Examples:
              synapse export mnist-mlp --onnx mnist-mlp.onnx
              synapse export mnist-mlp --pytorch mnist-mlp.safetensors --numpy mnist-mlp.npz
            """)

    @Argument(help: "The saved model's folder.")
    var modelPath: String

    @Option(help: "Write the model as ONNX (IR 8, opset 17; input 'input', output 'output') to this file.")
    var onnx: String?

    @Option(help: "Write the weights as a PyTorch state dict ('0.weight' as [out, in]) in safetensors to this file.")
    var pytorch: String?

    @Option(help: "Write the weights ('layer/parameter', kernels [in, out]) as a NumPy .npz archive to this file.")
    var numpy: String?

    func run() throws {
        try CLIError.reportingFailures {
            if onnx == nil && pytorch == nil && numpy == nil {
                throw CLIError("nothing to export: give --onnx FILE, --pytorch FILE and/or --numpy FILE")
            }
            let loaded = try ModelFolder.load(from: URL(fileURLWithPath: modelPath))
            var written: [String] = []
            if let onnx, let exportable = loaded as? any ONNXExportable {
                try exportable.exportONNX(to: URL(fileURLWithPath: onnx))
                written.append("ONNX \(onnx)")
            }
            guard pytorch == nil && numpy == nil else {
                guard let model = loaded as? Sequential else {
                    throw CLIError("\(modelPath) holds a graph model: --pytorch and --numpy export a Sequential model's weights (use --onnx)")
                }
                try exportWeights(of: model, written: &written)
                return
            }
            print("exported \(loaded.name): \(written.joined(separator: ", "))")
        }
    }

    /// Writes `--pytorch` and `--numpy`, then says what was exported.
    private func exportWeights(of model: Sequential, written: inout [String]) throws {
        if let pytorch {
            try model.exportPyTorchStateDict(to: URL(fileURLWithPath: pytorch))
            written.append("PyTorch state dict \(pytorch)")
        }
        if let numpy {
            try model.exportNumPy(weightsTo: URL(fileURLWithPath: numpy))
            written.append("NumPy weights \(numpy)")
        }
        print("exported \(model.name): \(written.joined(separator: ", "))")
    }
}
