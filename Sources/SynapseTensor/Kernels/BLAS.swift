// The only file of SynapseTensor that talks to BLAS.
#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

/// Single-precision matrix products through the system BLAS (OpenBLAS on Linux, Accelerate on
/// Apple platforms).
///
/// A product on its own runs on BLAS's threads (as many as `ComputeThreads.maximum`), whose
/// spinning workers hand work over faster than waking a core would. Where Synapse splits the
/// work across cores itself, one BLAS call per core (the convolutions, each core on its own
/// samples), `withSingleThreadedCalls` makes BLAS single-threaded for the duration: a threaded
/// BLAS called from several threads at once makes its workers serve every caller in turn.
enum BLAS {
    /// `c = alpha · op(a) · op(b) + beta · c` for row-major matrices, where `op(a)` is `m×k`,
    /// `op(b)` is `k×n` and `c` is `m×n`; `op` transposes when asked, without copying.
    ///
    /// `lda`, `ldb` and `ldc` are the row lengths of the matrices as stored.
    static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Makes BLAS use `count` threads per call from now on (`ComputeThreads.maximum` calls it).
    static func setThreadCount(_ count: Int) {
        #if !canImport(Accelerate)
        openblas_set_num_threads(Int32(count))
        #endif
    }

    /// Runs `body`, in which several threads call `sgemm` at once, with BLAS single-threaded;
    /// then gives BLAS back `ComputeThreads.maximum` threads. Training is single-writer, so
    /// only one such region runs at a time; a product started elsewhere meanwhile is still
    /// correct, on one thread.
    static func withSingleThreadedCalls<Result>(_ body: () throws -> Result) rethrows -> Result {
        setThreadCount(1)
        defer { setThreadCount(ComputeThreads.maximum) }
        return try body()
    }
}
