import Foundation
import Synapse

/// The readers `scripts/fuzz.sh` fuzzes: every format Synapse reads from a file (a model
/// description is also built into the model it describes). Each is fed
/// arbitrary bytes; a thrown error is the expected outcome for most, a crash, hang or runaway
/// allocation a bug (libFuzzer reports it, with the input).
enum FuzzedReader: String, CaseIterable {
    case idx, npy, npz, csv, gzip, safetensors, model, checkpoint, png, pgm

    /// Parses `bytes` as this format, ignoring the error a malformed input is meant to give.
    func read(_ bytes: [UInt8]) {
        switch self {
        case .idx: _ = try? IDXReader.parse(bytes)
        case .npy: _ = try? NPYReader.parse(bytes)
        case .npz: _ = try? NPZReader.parse(bytes)
        case .csv: _ = try? CSV.parse(String(decoding: bytes, as: UTF8.self))
        case .gzip: _ = try? Gzip.decompressed(bytes)
        case .safetensors: _ = try? SafeTensors.decode(Data(bytes), source: "fuzz")
        case .model: Self.buildModel(Data(bytes))
        case .checkpoint: _ = try? JSONDecoder().decode(TrainingRecord.self, from: Data(bytes))
        case .png: _ = try? PNGReader.parse(bytes, path: "fuzz")
        case .pgm: _ = try? PGMReader.parse(Data(bytes), path: "fuzz")
        }
    }

    /// Decodes a model description and builds the model it describes, within a weight budget
    /// of a million values, as loading a model folder does with its weights file's size.
    private static func buildModel(_ data: Data) {
        guard let description = try? ModelDescription.decoded(from: data, source: "fuzz") else { return }
        _ = try? WeightBudget.withLimit(1 << 20, justifiedBy: "the fuzzer's budget") { () throws -> any Model in
            description.graph == nil ? try Sequential.built(from: description, source: "fuzz") : try Functional(description)
        }
    }

    /// The reader named by `SYNAPSE_FUZZ_TARGET`, which the fuzzing script sets.
    static let selected: FuzzedReader = {
        let name = ProcessInfo.processInfo.environment["SYNAPSE_FUZZ_TARGET"] ?? ""
        guard let reader = FuzzedReader(rawValue: name) else {
            FileHandle.standardError.write(Data("SYNAPSE_FUZZ_TARGET must be one of \(allCases.map(\.rawValue)), got '\(name)'\n".utf8))
            exit(2)
        }
        return reader
    }()
}
