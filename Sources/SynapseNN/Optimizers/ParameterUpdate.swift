/// One parameter's update as an update rule sees it: raw pointers to the parameter's elements,
/// its gradient's and its slots', with the step's learning rate and gradient clipping.
///
/// Rules loop over `0 ..< count` reading `gradient(at:)` and writing `value` and the slots in
/// place, element by element (a large parameter's update is split into parts that run on
/// several cores). The pointers are valid only while the rule runs.
struct ParameterUpdate {
    /// The number of elements of the parameter, its gradient and each slot.
    let count: Int
    /// The parameter's elements, updated in place.
    let value: UnsafeMutablePointer<Float>
    /// The gradient's elements before clipping.
    let rawGradient: UnsafePointer<Float>
    /// The factor from norm clipping (1 without it).
    let gradientScale: Float
    /// The bound of value clipping (infinity without it).
    let gradientBound: Float
    /// The optimizer's state for this parameter.
    let slots: ParameterSlots
    /// The learning rate of this step.
    let learningRate: Float
    /// The number of this step counting from 1 (Keras's `iterations + 1`).
    let step: Int
    /// Where this update starts in the parameter: 0, or the first element of a part (`part(_:)`).
    var firstElement = 0

    /// Gradient element `index` after clipping: `clamp(g · gradientScale, ±gradientBound)`.
    ///
    /// Without clipping this is exactly the raw element (×1 and a clamp to ±∞); NaN stays NaN.
    @inline(__always)
    func gradient(at index: Int) -> Float {
        Swift.min(Swift.max(rawGradient[index] * gradientScale, -gradientBound), gradientBound)
    }

    /// The elements of slot `index` (this update's part of them).
    func slot(_ index: Int) -> UnsafeMutablePointer<Float> { slots.slot(index) + firstElement }

    /// The update of elements `range` only (relative to this update), for rules run on several
    /// cores at once: every rule is elementwise, so the parts together make the whole update.
    func part(_ range: Range<Int>) -> ParameterUpdate {
        ParameterUpdate(
            count: range.count, value: value + range.lowerBound, rawGradient: rawGradient + range.lowerBound,
            gradientScale: gradientScale, gradientBound: gradientBound, slots: slots, learningRate: learningRate, step: step,
            firstElement: firstElement + range.lowerBound)
    }
}

extension ParameterUpdate {
    /// `√x` with IEEE semantics (NaN for x < 0 or NaN), written so that loops calling it
    /// vectorise.
    ///
    /// On Linux `Float.squareRoot()` keeps C's errno path (a call to `sqrtf` for negative
    /// input), which stops the loop vectoriser; passing NaN explicitly for negative input lets
    /// LLVM prove the call never sets errno and use `sqrtps`.
    @inline(__always)
    static func squareRoot(_ x: Float) -> Float { (x >= 0 ? x : .nan).squareRoot() }
}
