extension Kernels {
    /// The last step of a sum split across cores: each of `chunks` cores left its partial sums
    /// `stride` apart in `partials`; element `i` of the result, of `shape`, adds element
    /// `offset + i` of every chunk, in chunk order (so the result is the same on every run).
    static func summedPartials(_ partials: [Float], chunks: Int, stride: Int, offset: Int = 0, shape: Shape) -> Tensor {
        Tensor(shape: shape) { sums in
            for index in 0..<sums.count {
                sums[index] = (0..<chunks).reduce(Float(0)) { $0 + partials[$1 * stride + offset + index] }
            }
        }
    }
}
