import CSynapseKernels
import Foundation

/// How many threads Synapse's kernels use: every core this process may run on by default.
///
/// One setting governs every kernel: the elementwise loops and convolutions that Synapse
/// splits across cores itself (each core on its own rows or samples), and the threads of the
/// BLAS behind matrix products.
/// Lower it to leave cores to other work, or to compare with a framework limited to fewer
/// threads:
///
/// ```swift
/// ComputeThreads.maximum = 1
/// ```
public enum ComputeThreads {
    /// The most threads a kernel uses, at least 1 (values below 1 are taken as 1). Defaults to
    /// the number of cores this process may use. Set it before starting work: a kernel already
    /// running keeps the count it started with.
    public static var maximum: Int {
        get { value }
        set { value = Swift.max(1, newValue) }
    }

    /// The setting. Every kernel reads it, so it is a plain word rather than a lock: a word is
    /// written and read whole, and a kernel that reads the old count is still correct.
    nonisolated(unsafe) private static var value = usableCores()

    /// The cores the calling thread may run on, at least 1: its CPU affinity where the system
    /// has one (Linux: `taskset -c 0 …` gives 1, as does a container pinned to one core),
    /// else every active core. More threads than this would only take turns on the same cores.
    public static func usableCores() -> Int {
        let active = ProcessInfo.processInfo.activeProcessorCount
        let allowed = Int(synapse_usable_core_count())
        return Swift.max(1, allowed > 0 ? Swift.min(allowed, active) : active)
    }
}
