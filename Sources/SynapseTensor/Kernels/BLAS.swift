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
/// Threads: BLAS itself runs single-threaded; Synapse splits a large product across the cores
/// itself. `sgemm` cuts the output into one block of rows (or of columns, when there are too few
/// rows) per core and gives each core its own single-threaded BLAS call, as the convolutions do
/// with their samples (`sgemmOnCallingThread`). OpenBLAS 0.3.21's own two-thread GEMM reached
/// 148 GFLOP/s on a 1000×784×256 product where two single-threaded halves reach 200 (its
/// threads sleep and wake between calls and wait for each other inside one); and a threaded
/// BLAS called from several threads at once makes its workers serve every caller in turn.
/// The split depends only on the product's sizes and the core count, so a run is repeatable.
enum BLAS {
    /// Products of at least this many multiply–adds are split across the cores.
    static let splitWork = 1 << 21
    /// The fewest output rows (or columns) a core's part of a split product has: below that,
    /// OpenBLAS's register tiles run partly empty and each core repacks the other operand for
    /// too little work.
    static let splitSide = 64

    /// `c = alpha · op(a) · op(b) + beta · c` for row-major matrices, where `op(a)` is `m×k`,
    /// `op(b)` is `k×n` and `c` is `m×n`; `op` transposes when asked, without copying.
    ///
    /// `lda`, `ldb` and `ldc` are the row lengths of the matrices as stored. Large products run
    /// split across `ComputeThreads.maximum` cores (see `BLAS`). `finishRows` is called once for
    /// every block of rows of `c` once they hold the product, on the core that computed them
    /// while they are still in its cache (a layer adds its bias there); blocks cover `0..<m`.
    static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
        finishRows: (Range<Int>) -> Void = { _ in }
    ) {
        let cores = m * n * k >= splitWork ? Parallel.coreCount : 1
        let rowParts = Swift.min(cores, m / splitSide), columnParts = Swift.min(cores, n / splitSide)
        if rowParts > 1 && rowParts >= columnParts {
            // Rows of op(a) are rows of `a`, or its columns when it is stored transposed.
            let rowStride = transposeA ? 1 : lda
            Parallel.forEachChunk(count: m, minimumChunk: m / rowParts) { rows in
                sgemmOnCallingThread(
                    transposeA: transposeA, transposeB: transposeB, m: rows.count, n: n, k: k, alpha: alpha,
                    a: a + rows.lowerBound * rowStride, lda: lda, b: b, ldb: ldb,
                    beta: beta, c: c + rows.lowerBound * ldc, ldc: ldc)
                finishRows(rows)
            }
        } else if columnParts > 1 {
            // Columns of op(b) are columns of `b`, or its rows when it is stored transposed.
            let columnStride = transposeB ? ldb : 1
            Parallel.forEachChunk(count: n, minimumChunk: n / columnParts) { columns in
                sgemmOnCallingThread(
                    transposeA: transposeA, transposeB: transposeB, m: m, n: columns.count, k: k, alpha: alpha,
                    a: a, lda: lda, b: b + columns.lowerBound * columnStride, ldb: ldb,
                    beta: beta, c: c + columns.lowerBound, ldc: ldc)
            }
            finishRows(0..<m)
        } else {
            sgemmOnCallingThread(
                transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            finishRows(0..<m)
        }
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
