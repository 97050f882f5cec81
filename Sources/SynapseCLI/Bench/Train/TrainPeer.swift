import ArgumentParser
import Foundation

/// A framework measured by its script from the shared peer benchmarks, in a Python subprocess
/// run in the same invocation as Synapse (`synapse bench train --peers torch,keras-jax`).
///
/// The raw value is the name on the command line and the `framework` field of its lines.
enum TrainPeer: String, CaseIterable, ExpressibleByArgument {
    /// PyTorch, eager, with a hand-written training loop (`bench_torch.py`).
    case torch
    /// Keras 3 on JAX (`bench_keras_jax.py`).
    case kerasJax = "keras-jax"
    /// scikit-learn's `MLPClassifier` (`bench_sklearn.py`).
    case sklearn
    /// Keras 3 on TensorFlow (`bench_tf.py`).
    case tensorflow

    /// The script in the shared bench folder.
    var scriptName: String {
        switch self {
        case .torch: return "bench_torch.py"
        case .kerasJax: return "bench_keras_jax.py"
        case .sklearn: return "bench_sklearn.py"
        case .tensorflow: return "bench_tf.py"
        }
    }

    /// The Python modules its script imports, checked before anything is measured.
    var modules: [String] {
        switch self {
        case .torch: return ["numpy", "torch"]
        case .kerasJax: return ["numpy", "jax", "keras"]
        case .sklearn: return ["numpy", "scipy", "sklearn", "threadpoolctl"]
        case .tensorflow: return ["numpy", "tensorflow", "keras"]
        }
    }

    /// The project's script for W6, for the peers that have one (PyTorch's `nn.LSTM`).
    func lstmScript(for settings: TrainSettings, rep: Int) -> PeerRunner.Script? {
        guard self == .torch else { return nil }
        return PeerRunner.Script(
            peer: rawValue, url: settings.projectBench.appendingPathComponent("lstm/bench_torch_lstm.py"), locationOption: "--project-bench",
            arguments: ["--shared-bench", settings.sharedBench.path, "--threads", String(settings.threads), "--rep", String(rep)]
                + (settings.quick ? ["--quick"] : []))
    }

    /// Its script with the arguments for round `rep` of `settings`: the same workloads (those
    /// the peers know), threads and `--quick`.
    func script(for settings: TrainSettings, rep: Int) -> PeerRunner.Script {
        PeerRunner.Script(
            peer: rawValue, url: settings.sharedBench.appendingPathComponent(scriptName), locationOption: "--shared-bench",
            arguments: ["--workloads", settings.peerWorkloads.map(\.rawValue).joined(separator: ","),
                        "--threads", String(settings.threads), "--rep", String(rep)] + (settings.quick ? ["--quick"] : []))
    }
}
