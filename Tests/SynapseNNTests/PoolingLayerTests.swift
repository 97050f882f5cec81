import Synapse
import SynapseTestSupport
import Testing

@Suite struct PoolingLayerTests {
    @Test func windowPoolingLayersConform() throws {
        try expectLayerConforms({ MaxPooling2D(poolSize: 2) }, inputShape: [4, 6, 2], expectedOutputShape: [2, 3, 2],
                                expectedParameterCount: 0, wrongInputShape: [4, 4, 2], gradientStep: 1e-3)
        try expectLayerConforms({ AveragePooling2D(poolSize: 3, strides: 2, padding: .same) }, inputShape: [5, 5, 2],
                                expectedOutputShape: [3, 3, 2], expectedParameterCount: 0)
        try expectLayerConforms({ MaxPooling1D(poolSize: 3, strides: 1) }, inputShape: [6, 2], expectedOutputShape: [4, 2],
                                expectedParameterCount: 0, gradientStep: 1e-3)
        try expectLayerConforms({ AveragePooling1D(poolSize: 2, padding: .same) }, inputShape: [5, 3], expectedOutputShape: [3, 3],
                                expectedParameterCount: 0)
    }

    @Test func globalPoolingLayersConform() throws {
        try expectLayerConforms({ GlobalAveragePooling2D() }, inputShape: [3, 4, 2], expectedOutputShape: [2], expectedParameterCount: 0,
                                wrongInputShape: [3, 3, 2])
        try expectLayerConforms({ GlobalMaxPooling2D() }, inputShape: [3, 4, 2], expectedOutputShape: [2], expectedParameterCount: 0,
                                gradientStep: 1e-3)
        try expectLayerConforms({ GlobalAveragePooling1D() }, inputShape: [5, 3], expectedOutputShape: [3], expectedParameterCount: 0)
        try expectLayerConforms({ GlobalMaxPooling1D() }, inputShape: [5, 3], expectedOutputShape: [3], expectedParameterCount: 0,
                                gradientStep: 1e-3)
    }

    @Test func globalPoolingReducesEveryPosition() throws {
        let x = try Tensor(shape: [1, 2, 2, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        #expect(try GlobalAveragePooling2D()(x).scalars == [2.5, 25])
        #expect(try GlobalMaxPooling2D()(x).scalars == [4, 40])
    }

    @Test func poolingArgumentsAreCheckedNamingTheLayer() throws {
        let cases: [(any Layer, Shape)] = [
            (MaxPooling2D(poolSize: 0, name: "p1"), [4, 4, 1]), (MaxPooling2D(poolSize: 5, name: "p2"), [4, 4, 1]),
            (AveragePooling1D(poolSize: 2, name: "p3"), [4, 4, 1]), (GlobalMaxPooling2D(name: "p4"), [4, 4]),
            (MaxPooling1D(poolSize: 2, strides: 0, name: "p5"), [4, 1]),
        ]
        for (layer, shape) in cases {
            let error = #expect(throws: ModelError.self) { try layer(try Tensor.zeros(Shape([1] + shape.dimensions))) }
            #expect("\(error.map { "\($0)" } ?? "")".contains(layer.name))
        }
    }
}
