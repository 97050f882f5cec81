#if canImport(CBLAS)
import CBLAS

/// OpenBLAS called directly, without Synapse in between: the GEMM that Synapse's `matmul`
/// should come close to (with as many threads as Synapse, `ComputeThreads.maximum`). Linux only (Apple platforms use Accelerate).
enum OpenBLASDirect {
    /// `c = a · b` for row-major `n × n` matrices, by one `cblas_sgemm` call.
    static func sgemm(n: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>) {
        let size = Int32(n)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, size, size, size, 1, a, size, b, size, 0, c, size)
    }
}
#endif
