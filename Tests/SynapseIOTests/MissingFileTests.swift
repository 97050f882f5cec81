import Foundation
import Synapse
import Testing

/// A file that is not there gives an error naming it, from every reader of SynapseIO, and a
/// model folder missing one of its two files names the missing one.
@Suite struct MissingFileTests {
    @Test func aMissingSafetensorsFileIsNamed() {
        let path = "/nonexistent/weights.safetensors"
        let error = #expect(throws: SafeTensorsError.self) { _ = try SafeTensors.read(contentsOf: URL(fileURLWithPath: path)) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains(path) && message.contains("the file: expected a readable file"), "\(message)")
    }

    @Test func aModelFolderWithoutItsWeightsNamesTheWeightsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-missing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Sequential(seed: 1) { Input(shape: [3]); Dense(2) }.save(to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("weights.safetensors"))
        let error = #expect(throws: SafeTensorsError.self) { _ = try Sequential.load(from: folder) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("weights.safetensors") && message.contains("expected a readable file"), "\(message)")
    }
}
