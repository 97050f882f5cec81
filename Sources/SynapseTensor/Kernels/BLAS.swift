// The only file of SynapseTensor that talks to BLAS.
#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

/// Single-precision matrix products through the system BLAS (OpenBLAS on Linux, Accelerate on
/// Apple platforms).
///
/// Threads: a large product on its own (`sgemm`, about 2²² multiply–adds and up) runs on BLAS's
/// threads, `ComputeThreads.maximum` of them, whose spinning workers hand work over faster than
/// waking a core would. Smaller products, and the per-core products of the convolutions, which
/// split their samples across cores themselves (`sgemmOnCallingThread`), run with BLAS
/// single-threaded: a threaded BLAS called from several threads at once makes its workers serve
/// every caller in turn, and its workers spin between calls on the cores Synapse's own loops
/// need.
enum BLAS {
    /// Products of at least this many multiply–adds use BLAS's threads.
    static let threadedWork = 1 << 22

    /// `c = alpha · op(a) · op(b) + beta · c` for row-major matrices, where `op(a)` is `m×k`,
    /// `op(b)` is `k×n` and `c` is `m×n`; `op` transposes when asked, without copying. On BLAS's
    /// threads when the product is large.
    ///
    /// `lda`, `ldb` and `ldc` are the row lengths of the matrices as stored.
    static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        useThreads(m * n * k >= threadedWork ? ComputeThreads.maximum : 1)
        call(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    /// `sgemm` on the calling thread only, for loops that give each core its own product.
    static func sgemmOnCallingThread(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        useThreads(1)
        call(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    /// The thread count BLAS was last given (0: not yet set by Synapse). A plain word, read on
    /// every product: two threads that both find it stale both set the same count, which is
    /// harmless.
    nonisolated(unsafe) private static var threadCount = 0

    /// Gives BLAS `count` threads unless it has them already.
    private static func useThreads(_ count: Int) {
        #if !canImport(Accelerate)
        guard threadCount != count else { return }
        openblas_set_num_threads(Int32(count))
        threadCount = count
        #endif
    }

    /// One `cblas_sgemm` call, row-major.
    @inline(__always)
    private static func call(
        _ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
        _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
