// The only file of SynapseTensor that talks to BLAS.
import CSynapseKernels
import Foundation
#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

/// Single-precision matrix products through the system BLAS (OpenBLAS on Linux, Accelerate on
/// Apple platforms).
///
/// Threads: the convolutions split their samples across cores themselves and give each core
/// its own product (`sgemmOnCallingThread`), which needs BLAS single-threaded: a threaded BLAS
/// called from several threads at once makes its workers serve every caller in turn. A large
/// product on its own (`sgemm`, at least `threadedSide` along every side and `threadedWork`
/// multiply–adds) gets BLAS's threads back, `ComputeThreads.maximum` of them; other products run
/// with BLAS as it is, and BLAS decides whether to thread them. So the count changes only between
/// those two kinds of work, never back and forth on every step, which leaves BLAS's workers
/// waking and sleeping out of step with the calls (a training loop then runs at half speed in
/// some runs).
enum BLAS {
    /// Products of at least this many multiply–adds, and `threadedSide` along every side, get
    /// BLAS's threads back: each core then has whole cache blocks of work.
    static let threadedWork = 1 << 21
    /// See `threadedWork`.
    static let threadedSide = 128

    /// `c = alpha · op(a) · op(b) + beta · c` for row-major matrices, where `op(a)` is `m×k`,
    /// `op(b)` is `k×n` and `c` is `m×n`; `op` transposes when asked, without copying.
    ///
    /// `lda`, `ldb` and `ldc` are the row lengths of the matrices as stored.
    static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        _ = spinLengthIsSet
        if m * n * k >= threadedWork && Swift.min(m, n, k) >= threadedSide { useThreads(ComputeThreads.maximum) }
        call(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    /// `sgemm` on the calling thread only, for loops that give each core its own product.
    static func sgemmOnCallingThread(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        _ = spinLengthIsSet
        useThreads(1)
        call(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    /// How long BLAS's idle threads spin before sleeping, set once before the first product:
    /// 2^22 cycles (about 1.5 ms), long enough to span the gaps between the products of one
    /// training step, short enough that they no longer spin through Synapse's own parallel
    /// loops (OpenBLAS's default, 2^28 cycles, is a tenth of a second: its spinning workers
    /// took a third of the cores from a recurrent layer's sweep and from elementwise kernels).
    /// `OPENBLAS_THREAD_TIMEOUT`, when set, wins.
    private static let spinLengthIsSet = synapse_blas_set_spin_length(22) != 0

    /// Gives BLAS `count` threads unless it has them already. The count Synapse last set is an
    /// atomic word (`synapse_blas_thread_count`, as several threads may predict at once): two
    /// threads that both find it stale set the same count, which is harmless.
    private static func useThreads(_ count: Int) {
        #if !canImport(Accelerate)
        guard synapse_blas_thread_count() != count else { return }
        openblas_set_num_threads(Int32(count))
        synapse_blas_set_thread_count(count)
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
