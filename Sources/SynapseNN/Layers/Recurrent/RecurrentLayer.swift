import SynapseTensor

/// The layer behind `SimpleRNN`, `LSTM` and `GRU`: it reads `[batch, steps, features]`, projects
/// every step's input at once (`x·W + b`, one matrix product), runs the cell over time as one
/// differentiable operation (`Tensor.recurrence`), and returns the last output `[batch, units]`
/// or, with `returnSequences`, every step's `[batch, steps, units]`.
///
/// Settings, weight layouts and defaults are Keras's: the kernel is `[features, gates · units]`,
/// the recurrent kernel `[units, gates · units]` (orthogonal at first), the bias
/// `[gates · units]` (the GRU's `[2, 3 · units]`: input and recurrent biases). `dropout` drops
/// input features and `recurrentDropout` the previous output's units, with one mask per
/// sequence, in training only. Masked steps (see `MaskSupportingLayer`) are skipped: their
/// output and states repeat the previous step's.
///
/// Use the subclasses; this class holds what they share.
public class RecurrentLayer: StochasticLayer, MaskSupportingLayer {
    /// The size of the output and of each state.
    public let units: Int
    /// The cell's activation (`tanh` in Keras): one of linear, sigmoid, tanh, relu.
    public let activation: ActivationFunction
    /// The gates' activation (`sigmoid` in Keras); unused by `SimpleRNN`.
    public let recurrentActivation: ActivationFunction
    /// Whether the layer has biases.
    public let useBias: Bool
    /// How the input kernel is filled when built (Glorot uniform).
    public let kernelInitializer: Initializer
    /// How the recurrent kernel is filled when built (orthogonal).
    public let recurrentInitializer: Initializer
    /// How the bias is filled when built (zeros).
    public let biasInitializer: Initializer
    /// Whether the output has every step (`[batch, steps, units]`) or only the last.
    public let returnSequences: Bool
    /// Whether the steps are processed last to first; returned sequences are then in
    /// processing order (Keras's `go_backwards`).
    public let goBackwards: Bool
    /// The fraction of input features dropped in training, in [0, 1).
    public let dropout: Float
    /// The fraction of the previous output's units dropped from the recurrent product in
    /// training, in [0, 1).
    public let recurrentDropout: Float
    public var name: String
    public var isTrainable = true
    public private(set) var builtInputShape: Shape?
    public var generator = RandomGenerator(seed: 0)
    /// `W`, `[features, gates · units]`, once built.
    public private(set) var kernel: Parameter?
    /// `U`, `[units, gates · units]`, once built.
    public private(set) var recurrentKernel: Parameter?
    /// The bias, once built (never with `useBias: false`).
    public private(set) var bias: Parameter?
    /// The cell this layer runs, with its activations.
    let cellKind: RecurrentCell.Kind
    /// The subclass's name for messages, e.g. `LSTM`.
    let kind: String
    /// Put before parameter names, so that a `Bidirectional` layer's two directions have
    /// distinct ones (`forward_kernel`, `backward_kernel`).
    var parameterPrefix = ""

    init(
        kind: String, cell: RecurrentCell.Kind, units: Int, activation: ActivationFunction, recurrentActivation: ActivationFunction,
        useBias: Bool, kernelInitializer: Initializer, recurrentInitializer: Initializer, biasInitializer: Initializer,
        returnSequences: Bool, goBackwards: Bool, dropout: Float, recurrentDropout: Float, name: String
    ) {
        self.kind = kind
        self.cellKind = cell
        self.units = units
        self.activation = activation
        self.recurrentActivation = recurrentActivation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.recurrentInitializer = recurrentInitializer
        self.biasInitializer = biasInitializer
        self.returnSequences = returnSequences
        self.goBackwards = goBackwards
        self.dropout = dropout
        self.recurrentDropout = recurrentDropout
        self.name = name
    }

    public var parameters: [Parameter] { [kernel, recurrentKernel, bias].compactMap { $0 } }

    /// The layer as errors name it: `LSTM 'lstm'`.
    var owner: String { "\(kind) '\(name)'" }

    /// Gate blocks of `units` in the kernels' columns.
    var gateCount: Int { cellKind.gateCount }

    /// The bias's shape (the GRU keeps two rows).
    func biasShape() -> Shape { cellKind == .gru ? [2, gateCount * units] : [gateCount * units] }

    /// The initial bias; the LSTM overrides it for the unit forget bias.
    func initialBias(using generator: inout RandomGenerator) throws -> Tensor {
        try biasInitializer.makeTensor(shape: biasShape(), using: &generator)
    }

    public func build(inputShape: Shape, using generator: inout RandomGenerator) throws {
        let features = try checkedFeatures(of: inputShape)
        let width = gateCount * units
        kernel = Parameter(try kernelInitializer.makeTensor(shape: [features, width], using: &generator), name: parameterPrefix + "kernel")
        recurrentKernel = Parameter(try recurrentInitializer.makeTensor(shape: [units, width], using: &generator), name: parameterPrefix + "recurrent_kernel")
        bias = useBias ? Parameter(try initialBias(using: &generator), name: parameterPrefix + "bias") : nil
        self.generator = RandomGenerator(seed: generator.next())
        builtInputShape = inputShape
    }

    public func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        _ = try checkedFeatures(of: inputShape)
        return returnSequences ? [inputShape[0], units] : [units]
    }

    public func forward(_ input: Tensor, training: Bool) throws -> Tensor {
        try forward(input, mask: nil, training: training)
    }

    public func forward(_ input: Tensor, mask: Tensor?, training: Bool) throws -> Tensor {
        try run(input, initialStates: [], mask: mask, training: training).output
    }

    public func outputMask(forInput input: Tensor, mask: Tensor?) throws -> Tensor? {
        returnSequences ? mask : nil
    }

    /// The layer's output together with its final states (`h`, and `c` for the LSTM), each
    /// `[batch, units]`, starting from `initialStates` (zeros when empty): Keras's
    /// `return_state=True` and `initial_state`. Builds the layer on first use.
    ///
    /// ```swift
    /// let encoder = LSTM(64)
    /// let (_, states) = try encoder.callWithStates(source)
    /// let decoded = try LSTM(64, returnSequences: true).callWithStates(target, initialStates: states).output
    /// ```
    ///
    /// - Throws: `ModelError.invalidInput` naming the layer for input or states of the wrong shape.
    public func callWithStates(
        _ input: Tensor, initialStates: [Tensor] = [], mask: Tensor? = nil, training: Bool = false, seed: UInt64 = 0
    ) throws -> (output: Tensor, states: [Tensor]) {
        if !isBuilt, input.rank >= 1 {
            var generator = RandomGenerator(seed: seed)
            try build(inputShape: Shape(Array(input.shape.dimensions.dropFirst())), using: &generator)
        }
        return try run(input, initialStates: initialStates, mask: mask, training: training)
    }

    /// The forward pass: dropout, the input projection for every step, the recurrence, then the
    /// output and final states taken from the states of every step.
    func run(_ input: Tensor, initialStates: [Tensor], mask: Tensor?, training: Bool) throws -> (output: Tensor, states: [Tensor]) {
        guard let kernel, let recurrentKernel else { throw ModelError.notReady(model: name, reason: "the layer is not built") }
        let cell = try makeCell()
        guard input.rank == 3, input.shape[2] == kernel.shape[0] else {
            throw ModelError.invalidInput(layer: name, expected: "a batch of sequences [batch, steps, \(kernel.shape[0])]", received: "shape \(input.shape)")
        }
        let (batch, steps) = (input.shape[0], input.shape[1])
        if let bad = initialStates.first(where: { $0.shape != [batch, units] }) ?? (initialStates.isEmpty || initialStates.count == cell.stateCount ? nil : initialStates.first) {
            throw ModelError.invalidInput(layer: name, expected: "\(cell.stateCount) initial state(s) of shape [\(batch), \(units)]",
                                          received: "\(initialStates.count) state(s), one of shape \(bad.shape)")
        }
        if let mask, mask.shape != [batch, steps] {
            throw ModelError.invalidInput(layer: name, expected: "a mask of shape [\(batch), \(steps)]", received: "a mask of shape \(mask.shape)")
        }
        var x = input
        if training && dropout > 0 { x = try x * generator.dropoutMask(shape: [batch, 1, input.shape[2]], rate: dropout) }
        let recurrentMask = training && recurrentDropout > 0 ? try generator.dropoutMask(shape: [batch, units], rate: recurrentDropout) : nil
        let (inputBias, recurrentBias) = try splitBias()
        let projected = try x.matmul(kernel.value, addingBias: inputBias)
        let states = try projected.recurrence(
            cell, recurrentKernel: recurrentKernel.value, recurrentBias: recurrentBias, initialStates: initialStates,
            mask: mask, recurrentDropoutMask: recurrentMask, reversed: goBackwards)
        let perState = try cell.stateCount == 1 ? [states] : states.split(count: cell.stateCount, alongAxis: 2)
        let finalStates = try perState.map { try $0.sliced([0..<batch, (steps - 1)..<steps]).reshaped(to: [batch, units]) }
        return (returnSequences ? perState[0] : finalStates[0], finalStates)
    }

    /// The input bias and the GRU's recurrent bias from the bias parameter.
    private func splitBias() throws -> (input: Tensor?, recurrent: Tensor?) {
        guard let bias else { return (nil, nil) }
        guard cellKind == .gru else { return (bias.value, nil) }
        let rows = try bias.value.split(count: 2, alongAxis: 0).map { try $0.reshaped(to: [gateCount * units]) }
        return (rows[0], rows[1])
    }

    /// The cell with the layer's activations, after checking the settings.
    private func makeCell() throws -> RecurrentCell {
        func fused(_ function: ActivationFunction, _ argument: String) throws -> RecurrentCell.Activation {
            switch function {
            case .linear: return .linear
            case .sigmoid: return .sigmoid
            case .tanh: return .tanh
            case .relu: return .relu
            default:
                throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "linear, sigmoid, tanh or relu", received: "\(function)")
            }
        }
        guard units >= 1 else { throw ModelError.invalidArgument(owner: owner, argument: "units", expected: "at least 1", received: "\(units)") }
        for (value, argument) in [(dropout, "dropout"), (recurrentDropout, "recurrentDropout")] where !(value >= 0 && value < 1) {
            throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "in [0, 1)", received: "\(value)")
        }
        let function = try fused(activation, "activation"), gates = try fused(recurrentActivation, "recurrentActivation")
        switch cellKind {
        case .simple: return .simple(activation: function)
        case .lstm: return .lstm(activation: function, recurrentActivation: gates)
        case .gru: return .gru(activation: function, recurrentActivation: gates)
        }
    }

    /// The features per step, after checking the settings and that samples are `[steps, features]`.
    private func checkedFeatures(of inputShape: Shape) throws -> Int {
        _ = try makeCell()
        guard inputShape.rank == 2, inputShape[0] >= 1, inputShape[1] >= 1 else {
            throw ModelError.invalidInput(layer: name, expected: "sequences: samples of shape [steps, features]", received: "samples of shape \(inputShape)")
        }
        return inputShape[1]
    }
}
