import Foundation
import Synapse
import Testing

/// A model folder whose description declares more weights than its weights file holds is an
/// error before any weight is allocated (resource safety: loading allocates no more than the
/// files justify).
@Suite struct ForgedModelFileTests {
    @Test(arguments: [
        #"{"type": "dense", "units": 1000000000000}"#,
        #"{"type": "dense", "units": 4000000000000000000}"#,
        #"{"type": "layerNormalization"}, {"type": "dense", "units": 2}"#,
    ])
    func aForgedLayerSizeIsAnErrorNotAnAllocation(forgedLayers: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-forged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Sequential(seed: 1) { Input(shape: [3]); Dense(2) }.save(to: folder)
        let input = forgedLayers.contains("layerNormalization") ? "[1000000000000]" : "[3]"
        let forged = #"{"layers": [{"type": "input", "shape": \#(input)}, \#(forgedLayers)]}"#
        try forged.write(to: folder.appendingPathComponent("model.json"), atomically: true, encoding: .utf8)
        let start = ContinuousClock.now
        let error = #expect(throws: (any Error).self) { _ = try Sequential.load(from: folder) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("weights.safetensors (8 values) allows") || message.contains("fits in Int"), "\(message)")
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aFaithfulFolderStillLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-faithful-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = Sequential(seed: 2) { Input(shape: [3]); LayerNormalization(); Dense(4, activation: .relu); BatchNormalization(); Dense(2) }
        try model.save(to: folder)
        let x = try Tensor.ones([2, 3])
        #expect(try Sequential.load(from: folder).predict(x).scalars == model.predict(x).scalars)
    }
}
