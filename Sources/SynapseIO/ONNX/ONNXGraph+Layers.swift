import SynapseNN
import SynapseTensor

/// Layers as ONNX operators (opset 17). Each takes the value before the layer and returns the
/// value after it, with the layer's per-sample output shape.
///
/// | Synapse | ONNX |
/// |---|---|
/// | `Dense` | `MatMul` (kernel `[in, out]`), `Add` of the bias, the activation |
/// | `Conv1D`, `Conv2D` | `Conv` (kernel permuted to `[out, in, kh, kw]`, explicit pads), the activation |
/// | `Conv2DTranspose` | `ConvTranspose` (kernel `[in, out, kh, kw]`, pads and output padding for Keras's sizes) |
/// | max / average pooling | `MaxPool` / `AveragePool` (padding not counted, as Keras) |
/// | global pooling | `GlobalMaxPool` / `GlobalAveragePool`, then `Flatten` |
/// | `Flatten`, `Reshape` | `Flatten` / `Reshape`, channels last |
/// | `ZeroPadding2D`, `Cropping2D` | `Pad`, `Slice` |
/// | `UpSampling2D` | `Resize` (nearest, asymmetric, floor: each pixel repeated) |
/// | `BatchNormalization` | `BatchNormalization` with the moving statistics (inference), channels first |
/// | `LayerNormalization` | `LayerNormalization` over the last axis, channels last |
/// | augmentation, `GaussianNoise`, the dropouts | nothing (they act only in training) |
/// | `Embedding`, recurrent layers, `Bidirectional`, `TimeDistributed` | see `ONNXGraph+Recurrent.swift` |
extension ONNXGraph {
    /// Adds the nodes of `layer` applied to `value`.
    ///
    /// - Throws: `ModelError.notReady` for a layer without weights; `ModelError.invalidArgument`
    ///   for a layer ONNX export does not know.
    mutating func apply(_ layer: any Layer, to value: ONNXValue) throws -> ONNXValue {
        let outputShape = try layer.outputShape(forInputShape: value.sampleShape)
        func weights(_ parameter: Parameter?) throws -> Parameter {
            guard let parameter else { throw ModelError.notReady(model: layer.name, reason: "the layer has no weights yet") }
            return parameter
        }
        switch layer {
        // Sequence layers first: recurrent layers draw dropout masks, so they are stochastic too.
        case let recurrent as RecurrentLayer:
            return try self.recurrent(value, recurrent, outputShape: outputShape)
        case let bidirectional as Bidirectional:
            return try self.bidirectional(value, bidirectional, outputShape: outputShape)
        case let embedding as Embedding:
            return try self.embedding(value, embedding, outputShape: outputShape)
        case let wrapper as TimeDistributed:
            return try timeDistributed(value, wrapper, outputShape: outputShape)
        case let wrapper as SpectralNormalization:
            // Inference uses the kernel as it is: normalised by the last training call.
            return try apply(wrapper.layer, to: value)
        case is Masking:
            throw Self.masksAreNotExported(layer)
        case is Input, is any StochasticLayer:
            // Augmentation, noise and dropout act only in training: at inference they pass their input on.
            return value
        case let dense as Dense:
            let input = channelsLast(value)
            let kernel = try weights(dense.kernel)
            addInitializer(weightName(dense, kernel), kernel.value)
            var name = add("MatMul", [input.name, weightName(dense, kernel)])
            if let bias = dense.bias {
                addInitializer(weightName(dense, bias), bias.value)
                name = add("Add", [name, weightName(dense, bias)])
            }
            return ONNXValue(name: apply(dense.activation, to: name), sampleShape: outputShape)
        case let activation as Activation:
            let input = activation.function == .softmax ? channelsLast(value) : value
            return ONNXValue(name: apply(activation.function, to: input.name), sampleShape: outputShape, isChannelsFirst: input.isChannelsFirst)
        case let conv as Conv2D:
            return try convolution(value, kernel: weights(conv.kernel), bias: conv.bias, layer: conv, order: [3, 2, 0, 1],
                                   window: conv.kernelSize, strides: conv.strides, dilation: conv.dilationRate, padding: conv.padding,
                                   activation: conv.activation, outputShape: outputShape)
        case let conv as Conv1D:
            return try convolution(value, kernel: weights(conv.kernel), bias: conv.bias, layer: conv, order: [2, 1, 0],
                                   window: Size2D(1, conv.kernelSize), strides: Size2D(1, conv.strides), dilation: Size2D(1, conv.dilationRate),
                                   padding: conv.padding, activation: conv.activation, outputShape: outputShape)
        case let conv as Conv2DTranspose:
            return try transposedConvolution(value, conv, kernel: weights(conv.kernel), outputShape: outputShape)
        case let pool as PoolingLayer:
            return try pooling(value, pool, outputShape: outputShape)
        case let pool as GlobalPoolingLayer:
            let input = channelsFirst(value)
            let pooled = add(pool.statistic == .maximum ? "GlobalMaxPool" : "GlobalAveragePool", [input.name])
            return ONNXValue(name: add("Flatten", [pooled], [.int("axis", 1)]), sampleShape: outputShape)
        case is Flatten:
            return ONNXValue(name: add("Flatten", [channelsLast(value).name], [.int("axis", 1)]), sampleShape: outputShape)
        case is Reshape:
            let shape = addIntegers([0] + outputShape.dimensions)
            return ONNXValue(name: add("Reshape", [channelsLast(value).name, shape]), sampleShape: outputShape)
        case let padding as ZeroPadding2D:
            let margins = padding.padding, first = value.isChannelsFirst
            let begins = first ? [0, 0, margins.top, margins.left] : [0, margins.top, margins.left, 0]
            let ends = first ? [0, 0, margins.bottom, margins.right] : [0, margins.bottom, margins.right, 0]
            return ONNXValue(name: add("Pad", [value.name, addIntegers(begins + ends)]), sampleShape: outputShape, isChannelsFirst: first)
        case let cropping as Cropping2D:
            let margins = cropping.cropping, (height, width) = (value.sampleShape[0], value.sampleShape[1])
            let axes = value.isChannelsFirst ? [2, 3] : [1, 2]
            let name = add("Slice", [value.name, addIntegers([margins.top, margins.left]),
                                     addIntegers([height - margins.bottom, width - margins.right]), addIntegers(axes)])
            return ONNXValue(name: name, sampleShape: outputShape, isChannelsFirst: value.isChannelsFirst)
        case let normalization as BatchNormalization:
            // ONNX normalises axis 1: channels first for feature maps, as is for [N, features].
            let input = channelsFirst(value)
            guard let mean = normalization.movingMean, let variance = normalization.movingVariance else {
                throw ModelError.notReady(model: layer.name, reason: "the layer has no weights yet")
            }
            let features = mean.shape[0]
            var scale = normalization.gamma.map { weightName(normalization, $0) } ?? ""
            if scale.isEmpty { scale = addTensor(try Tensor.ones([features])) }
            var offset = normalization.beta.map { weightName(normalization, $0) } ?? ""
            if offset.isEmpty { offset = addTensor(try Tensor.zeros([features])) }
            for parameter in normalization.parameters { addInitializer(weightName(normalization, parameter), parameter.value) }
            let name = add("BatchNormalization", [input.name, scale, offset, weightName(normalization, mean), weightName(normalization, variance)],
                           [.float("epsilon", normalization.epsilon)])
            return ONNXValue(name: name, sampleShape: outputShape, isChannelsFirst: input.isChannelsFirst)
        case let normalization as LayerNormalization:
            // Over Synapse's last axis: channels last.
            let input = channelsLast(value), features = value.sampleShape[value.sampleShape.rank - 1]
            var scale = normalization.gamma.map { weightName(normalization, $0) } ?? ""
            if scale.isEmpty { scale = addTensor(try Tensor.ones([features])) }
            for parameter in normalization.parameters { addInitializer(weightName(normalization, parameter), parameter.value) }
            let inputs = [input.name, scale] + (normalization.beta.map { [weightName(normalization, $0)] } ?? [])
            let name = add("LayerNormalization", inputs, [.int("axis", -1), .float("epsilon", normalization.epsilon)])
            return ONNXValue(name: name, sampleShape: outputShape)
        case let upsampling as UpSampling2D:
            let input = channelsFirst(value)
            let scales = addTensor(try Tensor([1, 1, Float(upsampling.size.height), Float(upsampling.size.width)]))
            let name = add("Resize", [input.name, "", scales], [
                .string("mode", "nearest"), .string("coordinate_transformation_mode", "asymmetric"), .string("nearest_mode", "floor"),
            ])
            return ONNXValue(name: name, sampleShape: outputShape, isChannelsFirst: true)
        default:
            throw ModelError.invalidArgument(
                owner: "exportONNX", argument: "layer '\(layer.name)'",
                expected: "a layer ONNX export knows (Input, Dense, Activation, convolutions, pooling, Flatten, Reshape, ZeroPadding2D, Cropping2D, UpSampling2D, BatchNormalization, LayerNormalization, SpectralNormalization, dropout, augmentation, Embedding, SimpleRNN, LSTM, GRU, Bidirectional, TimeDistributed)",
                received: "\(type(of: layer))")
        }
    }

    /// `Conv` of `value` with `kernel` permuted by `order` to `[out, in, spatial…]`, then the bias
    /// and the activation. 1-D convolutions pass a height-1 window and get 1-D attributes.
    private mutating func convolution(
        _ value: ONNXValue, kernel: Parameter, bias: Parameter?, layer: any Layer, order: [Int], window: Size2D, strides: Size2D,
        dilation: Size2D, padding: Padding, activation: ActivationFunction, outputShape: Shape
    ) throws -> ONNXValue {
        let input = channelsFirst(value), isSequence = value.sampleShape.rank == 2
        let spatial = isSequence ? [1, value.sampleShape[0]] : [value.sampleShape[0], value.sampleShape[1]]
        let rows = try WindowAxis(inputSize: spatial[0], windowSize: window.height, stride: strides.height, dilation: dilation.height,
                                  padding: padding, operation: "exportONNX")
        let columns = try WindowAxis(inputSize: spatial[1], windowSize: window.width, stride: strides.width, dilation: dilation.width,
                                     padding: padding, operation: "exportONNX")
        let kernelName = weightName(layer, kernel)
        addInitializer(kernelName, try kernel.value.permuted(order))
        var inputs = [input.name, kernelName]
        if let bias {
            addInitializer(weightName(layer, bias), bias.value)
            inputs.append(weightName(layer, bias))
        }
        let axes = isSequence ? [columns] : [rows, columns]
        let name = add("Conv", inputs, [
            .ints("kernel_shape", axes.map(\.windowSize)), .ints("strides", axes.map(\.stride)), .ints("dilations", axes.map(\.dilation)),
            .ints("pads", axes.map(\.paddingBefore) + axes.map(Self.paddingAfter)),
        ])
        return try activated(ONNXValue(name: name, sampleShape: outputShape, isChannelsFirst: true), by: activation)
    }

    /// `ConvTranspose` with the kernel `[in, out, kh, kw]`, pads and output padding chosen so
    /// the output has Keras's size.
    private mutating func transposedConvolution(_ value: ONNXValue, _ conv: Conv2DTranspose, kernel: Parameter, outputShape: Shape) throws -> ONNXValue {
        let input = channelsFirst(value)
        // The convolution this one transposes, from the output back to the input.
        let axes = try [(0, conv.kernelSize.height, conv.strides.height, conv.dilationRate.height),
                        (1, conv.kernelSize.width, conv.strides.width, conv.dilationRate.width)].map { axis, window, stride, dilation in
            try WindowAxis(inputSize: outputShape[axis], windowSize: window, stride: stride, dilation: dilation, padding: conv.padding,
                           operation: "exportONNX")
        }
        addInitializer(weightName(conv, kernel), try kernel.value.permuted([3, 2, 0, 1]))
        var inputs = [input.name, weightName(conv, kernel)]
        if let bias = conv.bias {
            addInitializer(weightName(conv, bias), bias.value)
            inputs.append(weightName(conv, bias))
        }
        // ONNX's length is stride·(in − 1) + outputPadding + span − pads; Keras's is the output size.
        let outputPadding = zip(axes, [value.sampleShape[0], value.sampleShape[1]]).map { axis, length in
            axis.inputSize - (axis.stride * (length - 1) + axis.span - axis.paddingBefore - Self.paddingAfter(axis))
        }
        let name = add("ConvTranspose", inputs, [
            .ints("kernel_shape", axes.map(\.windowSize)), .ints("strides", axes.map(\.stride)), .ints("dilations", axes.map(\.dilation)),
            .ints("pads", axes.map(\.paddingBefore) + axes.map(Self.paddingAfter)), .ints("output_padding", outputPadding),
        ])
        return try activated(ONNXValue(name: name, sampleShape: outputShape, isChannelsFirst: true), by: conv.activation)
    }

    /// `MaxPool` or `AveragePool` over the layer's window.
    private mutating func pooling(_ value: ONNXValue, _ pool: PoolingLayer, outputShape: Shape) throws -> ONNXValue {
        let input = channelsFirst(value), isSequence = value.sampleShape.rank == 2
        let (window, strides) = (pool.windowSize, pool.windowStrides)
        let spatial = isSequence ? [1, value.sampleShape[0]] : [value.sampleShape[0], value.sampleShape[1]]
        let rows = try WindowAxis(inputSize: spatial[0], windowSize: window.height, stride: strides.height, padding: pool.padding, operation: "exportONNX")
        let columns = try WindowAxis(inputSize: spatial[1], windowSize: window.width, stride: strides.width, padding: pool.padding, operation: "exportONNX")
        let axes = isSequence ? [columns] : [rows, columns]
        var attributes: [Attribute] = [.ints("kernel_shape", axes.map(\.windowSize)), .ints("strides", axes.map(\.stride)),
                                       .ints("pads", axes.map(\.paddingBefore) + axes.map(Self.paddingAfter))]
        if pool.statistic == .average { attributes.append(.int("count_include_pad", 0)) }
        let name = add(pool.statistic == .maximum ? "MaxPool" : "AveragePool", [input.name], attributes)
        return ONNXValue(name: name, sampleShape: outputShape, isChannelsFirst: true)
    }

    /// `value` after `activation` (softmax on Synapse's last axis: channels last first).
    private mutating func activated(_ value: ONNXValue, by activation: ActivationFunction) throws -> ONNXValue {
        let input = activation == .softmax ? channelsLast(value) : value
        return ONNXValue(name: apply(activation, to: input.name), sampleShape: input.sampleShape, isChannelsFirst: input.isChannelsFirst)
    }

    /// The padding after the input along `axis`: what the last window needs beyond it (none
    /// for `.valid`, whose windows never pass the end).
    private static func paddingAfter(_ axis: WindowAxis) -> Int {
        Swift.max((axis.outputSize - 1) * axis.stride + axis.span - axis.inputSize - axis.paddingBefore, 0)
    }
}
