import Foundation

/// A model ONNX export can write: `Sequential` and `Functional`.
public protocol ONNXExportable {
    /// The encoded ONNX `ModelProto`.
    ///
    /// - Throws: `ModelError` for a model that is not built or has a layer ONNX export does not know.
    func onnxModel() throws -> [UInt8]
}

extension ONNXExportable {
    /// Writes the model as ONNX to `url`, atomically (a temporary file, then a rename).
    ///
    /// - Throws: what `onnxModel()` throws; Foundation's error when the file cannot be written.
    public func exportONNX(to url: URL) throws {
        try Data(onnxModel()).write(to: url, options: .atomic)
    }
}
