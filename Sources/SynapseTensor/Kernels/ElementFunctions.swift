import CSynapseKernels
import Foundation

// The per-element functions behind elementwise operations and their pullbacks. Each is a
// small struct so that `Kernels.map`/`zip` specialise and inline it.

// MARK: Binary

struct Add: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a + b } }
struct Subtract: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a - b } }
struct Multiply: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a * b } }
struct Divide: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a / b } }
/// The larger operand; NaN if either is NaN.
struct Maximum: BinaryKernel {
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a != a || b != b ? .nan : (a >= b ? a : b) }
}
/// The smaller operand; NaN if either is NaN.
struct Minimum: BinaryKernel {
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { a != a || b != b ? .nan : (a <= b ? a : b) }
}
/// `a` raised to the power `b`.
struct Power: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { Foundation.pow(a, b) } }
/// `a` itself: broadcasting `a` to a larger shape.
struct First: BinaryKernel { @inline(__always) func callAsFunction(_ a: Float, _: Float) -> Float { a } }

/// 1 where the comparison holds, 0 where it does not (always 0 with a NaN operand, except `!=`).
struct Comparison: BinaryKernel {
    enum Relation { case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual }
    let relation: Relation
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float {
        switch relation {
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .less: return a < b ? 1 : 0
        case .lessOrEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterOrEqual: return a >= b ? 1 : 0
        }
    }
}

// MARK: Unary

struct Negate: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { -x } }
struct Log: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.log(x) } }
struct Log1p: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.log1p(x) } }
struct SquareRoot: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { x.squareRoot() } }
struct ErrorFunction: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.erf(x) } }
struct Square: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { x * x } }
struct Absolute: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { Swift.abs(x) } }
/// −1, 0 or 1 by the sign of `x`; NaN stays NaN.
struct Sign: UnaryKernel {
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : (x == 0 ? 0 : x)) }
}
/// `x` limited to `[low, high]`; NaN stays NaN.
struct Clamp: UnaryKernel {
    let low: Float, high: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x < low ? low : (x > high ? high : x) }
}
/// `x^exponent`, with the common exponents computed exactly and fast.
struct PowerOf: UnaryKernel {
    let exponent: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float {
        switch exponent {
        case 2: return x * x
        case 1: return x
        case 0.5: return x.squareRoot()
        case -1: return 1 / x
        default: return Foundation.pow(x, exponent)
        }
    }
}
struct AddScalar: UnaryKernel { let value: Float; @inline(__always) func callAsFunction(_ x: Float) -> Float { x + value } }
struct MultiplyScalar: UnaryKernel { let value: Float; @inline(__always) func callAsFunction(_ x: Float) -> Float { x * value } }
/// `value − x`.
struct SubtractFromScalar: UnaryKernel { let value: Float; @inline(__always) func callAsFunction(_ x: Float) -> Float { value - x } }
/// `value / x`.
struct DivideScalar: UnaryKernel { let value: Float; @inline(__always) func callAsFunction(_ x: Float) -> Float { value / x } }

struct HyperbolicTangent: UnaryKernel { @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.tanh(x) } }
struct Rectifier: UnaryKernel {
    @inline(__always) func callAsFunction(_ x: Float) -> Float {
        // Two selects rather than nested branches, so that loops over it vectorise; NaN passes through.
        let positive: Float = x > 0 ? x : 0
        return x != x ? x : positive
    }
}
/// `x` where positive, else `alpha · x` (NaN passes through).
struct LeakyRectifier: UnaryKernel {
    let alpha: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x > 0 ? x : alpha * x }
}
/// `log(1 + e^x)` as `max(x, 0) + log1p(e^−|x|)`: no overflow for large x, no loss for small.
struct Softplus: UnaryKernel {
    @inline(__always) func callAsFunction(_ x: Float) -> Float {
        (x > 0 ? x : 0) + Foundation.log1p(synapse_expf(-Swift.abs(x)))
    }
}

// MARK: Pullback helpers (gradient, saved value) -> input gradient

/// `g` where `x > 0`, else 0: the pullback of `relu`.
struct PassWherePositive: BinaryKernel { @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { x > 0 ? g : 0 } }
/// `g` where `x` is positive, else `alpha · g`: the pullback of `leakyRelu`.
struct LeakyRectifierPullback: BinaryKernel {
    let alpha: Float
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { x > 0 ? g : alpha * g }
}
/// `g · y · (1 − y)` for `y = sigmoid(x)`.
struct SigmoidPullback: BinaryKernel { @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * y * (1 - y) } }
/// `g · (1 − y²)` for `y = tanh(x)`.
struct TanhPullback: BinaryKernel { @inline(__always) func callAsFunction(_ g: Float, _ y: Float) -> Float { g * (1 - y * y) } }
/// `g · sigmoid(x)`: the pullback of `softplus`.
struct SoftplusPullback: BinaryKernel {
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { g / (1 + synapse_expf(-x)) }
}
/// `g` where `low ≤ x ≤ high`, else 0: the pullback of `clamp`.
struct PassWithin: BinaryKernel {
    let low: Float, high: Float
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float { x >= low && x <= high ? g : 0 }
}
/// `g · p · x^(p−1)`: the pullback of `x^p` for a constant `p`.
struct PowerOfPullback: BinaryKernel {
    let exponent: Float
    @inline(__always) func callAsFunction(_ g: Float, _ x: Float) -> Float {
        exponent == 2 ? 2 * g * x : g * exponent * Foundation.pow(x, exponent - 1)
    }
}
/// `b · a^(b−1)`: the derivative of `a^b` with respect to the base `a`.
struct PowerBasePullback: BinaryKernel {
    @inline(__always) func callAsFunction(_ a: Float, _ b: Float) -> Float { b * Foundation.pow(a, b - 1) }
}
/// `condition ≠ 0 ? a : b`.
struct Select: TernaryKernel {
    @inline(__always) func callAsFunction(_ condition: Float, _ a: Float, _ b: Float) -> Float { condition != 0 ? a : b }
}
