import Foundation
import Synapse

/// Keras's recurrent equations written out step by step with plain loops in `Double`, the
/// reference that `Tensor.recurrence` and the recurrent layers are checked against.
///
/// `projected` is `x·W + b` as `[batch][step][gates · units]`; the result is the states of every
/// processed step, `[batch][step][states · units]` (h, then c for the LSTM), masked steps
/// repeating the previous states, reversed runs listed in processing order.
public func referenceRecurrence(
    _ cell: RecurrentCell, projected: [[[Double]]], kernel: [[Double]], recurrentBias: [Double]? = nil,
    initialStates: [[[Double]]] = [], mask: [[Bool]]? = nil, dropoutMask: [[Double]]? = nil, reversed: Bool = false
) -> [[[Double]]] {
    let units = kernel.count
    func activate(_ kind: RecurrentCell.Activation, _ x: Double) -> Double {
        switch kind {
        case .linear: return x
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        case .tanh: return Foundation.tanh(x)
        case .relu: return Swift.max(x, 0)
        }
    }
    return projected.indices.map { sample in
        let steps = projected[sample].count
        var h = initialStates.isEmpty ? [Double](repeating: 0, count: units) : initialStates[0][sample]
        var c = initialStates.count > 1 ? initialStates[1][sample] : [Double](repeating: 0, count: units)
        var outputs: [[Double]] = []
        for step in 0..<steps {
            let input = reversed ? steps - 1 - step : step
            if let mask, !mask[sample][input] {
                outputs.append(cell.kind == .lstm ? h + c : h)
                continue
            }
            let left = (0..<units).map { h[$0] * (dropoutMask?[sample][$0] ?? 1) }
            // q = (h_prev ⊙ m) · U (+ the GRU's recurrent bias)
            var q = recurrentBias ?? [Double](repeating: 0, count: kernel[0].count)
            for column in q.indices {
                for k in 0..<units { q[column] += left[k] * kernel[k][column] }
            }
            let p = projected[sample][input]
            switch cell.kind {
            case .simple:
                h = (0..<units).map { activate(cell.activation, p[$0] + q[$0]) }
            case .lstm:
                let gate = { (block: Int, j: Int) in p[block * units + j] + q[block * units + j] }
                let i = (0..<units).map { activate(cell.recurrentActivation, gate(0, $0)) }
                let f = (0..<units).map { activate(cell.recurrentActivation, gate(1, $0)) }
                let g = (0..<units).map { activate(cell.activation, gate(2, $0)) }
                let o = (0..<units).map { activate(cell.recurrentActivation, gate(3, $0)) }
                c = (0..<units).map { f[$0] * c[$0] + i[$0] * g[$0] }
                h = (0..<units).map { o[$0] * activate(cell.activation, c[$0]) }
            case .gru:
                let z = (0..<units).map { activate(cell.recurrentActivation, p[$0] + q[$0]) }
                let r = (0..<units).map { activate(cell.recurrentActivation, p[units + $0] + q[units + $0]) }
                let candidate = (0..<units).map { activate(cell.activation, p[2 * units + $0] + r[$0] * q[2 * units + $0]) }
                h = (0..<units).map { z[$0] * h[$0] + (1 - z[$0]) * candidate[$0] }
            }
            outputs.append(cell.kind == .lstm ? h + c : h)
        }
        return outputs
    }
}

extension Tensor {
    /// The elements as nested arrays `[d0][d1][d2]` of `Double`, for reference computations.
    public var nested3: [[[Double]]] {
        let values = scalars.map(Double.init), (a, b, c) = (shape[0], shape[1], shape[2])
        return (0..<a).map { i in (0..<b).map { j in Array(values[((i * b + j) * c)..<((i * b + j + 1) * c)]) } }
    }

    /// The elements as nested arrays `[d0][d1]` of `Double`.
    public var nested2: [[Double]] {
        let values = scalars.map(Double.init), (a, b) = (shape[0], shape[1])
        return (0..<a).map { i in Array(values[(i * b)..<((i + 1) * b)]) }
    }
}
