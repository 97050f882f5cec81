import Synapse
import SynapseTestSupport
import Testing

@Suite struct ReshapingLayerTests {
    @Test func reshapingLayersConform() throws {
        try expectLayerConforms({ Flatten() }, inputShape: [2, 3, 2], expectedOutputShape: [12], expectedParameterCount: 0)
        try expectLayerConforms({ Reshape([3, -1]) }, inputShape: [12], expectedOutputShape: [3, 4], expectedParameterCount: 0,
                                wrongInputShape: [6])
        try expectLayerConforms({ ZeroPadding2D(padding: Margins2D(top: 1, bottom: 2, left: 0, right: 1)) }, inputShape: [2, 3, 2],
                                expectedOutputShape: [5, 4, 2], expectedParameterCount: 0)
        try expectLayerConforms({ Cropping2D(cropping: Margins2D(top: 1, bottom: 0, left: 1, right: 2)) }, inputShape: [4, 5, 2],
                                expectedOutputShape: [3, 2, 2], expectedParameterCount: 0)
        try expectLayerConforms({ UpSampling2D(size: [2, 3]) }, inputShape: [2, 2, 2], expectedOutputShape: [4, 6, 2], expectedParameterCount: 0)
    }

    @Test func layersMoveTheRightElements() throws {
        let x = try Tensor(shape: [1, 2, 2, 1], scalars: [1, 2, 3, 4])
        #expect(try UpSampling2D(size: 2)(x).scalars == [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])
        #expect(try ZeroPadding2D(padding: 1)(x).scalars == [0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0])
        #expect(try Cropping2D(cropping: Margins2D(top: 1, bottom: 0, left: 0, right: 1))(x).scalars == [3])
        #expect(try Flatten()(x).shape == [1, 4])
        #expect(try Reshape([4, 1])(x).scalars == [1, 2, 3, 4])
    }

    @Test func badArgumentsNameTheLayer() throws {
        let cases: [(any Layer, Shape)] = [
            (Reshape([5], name: "r1"), [2, 2]), (Reshape([-1, -1], name: "r2"), [4]), (Reshape([3, -1], name: "r3"), [4]),
            (ZeroPadding2D(padding: -1, name: "r4"), [2, 2, 1]), (Cropping2D(cropping: 1, name: "r5"), [2, 2, 1]),
            (UpSampling2D(size: 0, name: "r6"), [2, 2, 1]), (UpSampling2D(name: "r7"), [4, 4]),
        ]
        for (layer, shape) in cases {
            let error = #expect(throws: ModelError.self) { try layer(try Tensor.zeros(Shape([1] + shape.dimensions))) }
            #expect("\(error.map { "\($0)" } ?? "")".contains(layer.name))
        }
    }
}
