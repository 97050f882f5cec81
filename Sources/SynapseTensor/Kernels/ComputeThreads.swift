import Foundation

/// How many threads Synapse's kernels use: every core by default.
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
    /// the number of cores this process may use.
    public static var maximum: Int {
        get { storage.withLock { $0 } }
        set {
            let count = Swift.max(1, newValue)
            storage.withLock { $0 = count }
        }
    }

    /// The setting, behind a lock so that it can be read from any thread.
    private static let storage = LockedValue(Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
}

/// A value read and written under a lock.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Calls `body` with the value while holding the lock.
    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
