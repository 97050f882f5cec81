/// The update rule of a recurrent layer, as `Tensor.recurrence` runs it: which cell, and the
/// activations inside it. Gate layouts and equations are Keras's.
///
/// With `z = x·W + b + h_prev·U` (the first term computed by the caller for every step at once):
/// - `.simple`: `h = activation(z)`;
/// - `.lstm`: gates `i, f, c̃, o` (in that order, `units` each): `i, f, o = recurrentActivation(zᵢ, z_f, z_o)`,
///   `c̃ = activation(z_c)`, `c = f·c_prev + i·c̃`, `h = o·activation(c)`;
/// - `.gru` (Keras 3's `reset_after`): gates `z, r, h`; with `q = h_prev·U + b_rec`,
///   `z = σ(x_z + q_z)`, `r = σ(x_r + q_r)`, `h̃ = activation(x_h + r·q_h)`, `h = z·h_prev + (1 − z)·h̃`.
public struct RecurrentCell: Hashable, Sendable {
    /// The kinds of cell.
    public enum Kind: Hashable, Sendable {
        /// Elman's cell (Keras's `SimpleRNN`): one gate, one state.
        case simple
        /// Long short-term memory: four gates, two states (h, c).
        case lstm
        /// Gated recurrent unit, reset applied after the recurrent product: three gates, one state.
        case gru

        /// Blocks of `units` in the projected inputs and the recurrent kernel's columns.
        public var gateCount: Int {
            switch self {
            case .simple: return 1
            case .lstm: return 4
            case .gru: return 3
            }
        }

        /// The states carried from step to step: `h` (and `c` for the LSTM).
        public var stateCount: Int { self == .lstm ? 2 : 1 }
    }

    /// The activations a fused recurrent step supports: those whose derivative can be written
    /// from their output, so the pullback needs no pre-activations.
    public enum Activation: Int32, Hashable, Sendable, CaseIterable {
        /// The identity.
        case linear = 0
        /// `1 / (1 + e^−x)`.
        case sigmoid = 1
        /// The hyperbolic tangent.
        case tanh = 2
        /// `max(x, 0)`.
        case relu = 3
    }

    /// Which cell.
    public let kind: Kind
    /// The candidate's and output's activation (tanh in Keras).
    public let activation: Activation
    /// The gates' activation (sigmoid in Keras); unused by `.simple`.
    public let recurrentActivation: Activation

    /// Elman's cell: `h = activation(x·W + b + h_prev·U)`.
    public static func simple(activation: Activation = .tanh) -> RecurrentCell {
        RecurrentCell(kind: .simple, activation: activation, recurrentActivation: .sigmoid)
    }

    /// The LSTM cell with Keras's gate order `i, f, c, o`.
    public static func lstm(activation: Activation = .tanh, recurrentActivation: Activation = .sigmoid) -> RecurrentCell {
        RecurrentCell(kind: .lstm, activation: activation, recurrentActivation: recurrentActivation)
    }

    /// The GRU cell with Keras's gate order `z, r, h` and the reset gate applied after the
    /// recurrent product.
    public static func gru(activation: Activation = .tanh, recurrentActivation: Activation = .sigmoid) -> RecurrentCell {
        RecurrentCell(kind: .gru, activation: activation, recurrentActivation: recurrentActivation)
    }

    /// Blocks of `units` in the projected inputs and the recurrent kernel's columns.
    public var gateCount: Int { kind.gateCount }

    /// The states carried from step to step: `h` (and `c` for the LSTM).
    public var stateCount: Int { kind.stateCount }

    /// Floats per unit a step keeps for the pullback (activated gates and the like).
    var savedCount: Int { kind == .simple ? 0 : 4 }
}
