import Foundation
import Synapse
import SynapseTestSupport
import Testing

/// PNG and PGM images. The PNGs were written by a small Python encoder (zlib only) whose rows use
/// each of PNG's five filters; the expected grey values were computed there independently.
@Suite struct ImageReaderTests {
    /// RGBA, 4×5, row filters None, Sub, Up, Average, Paeth.
    static let rgba: [UInt8] = [137,80,78,71,13,10,26,10,0,0,0,13,73,72,68,82,0,0,0,4,0,0,0,5,8,6,0,0,0,98,173,77,219,0,0,0,96,73,68,65,84,120,156,1,85,0,170,255,0,68,32,130,60,253,230,241,194,107,48,249,14,199,221,1,228,1,136,117,52,162,135,150,217,98,180,99,203,10,174,114,37,105,2,40,1,60,73,133,0,200,47,156,41,101,156,103,129,158,26,3,167,142,217,128,179,100,97,196,78,13,164,95,110,195,102,5,4,251,70,223,33,33,186,103,64,185,71,58,150,152,170,235,117,111,138,38,60,106,188,130,122,0,0,0,0,73,69,78,68,174,66,96,130]
    /// 16-bit grey, 3×2: [0, 32768, 65535], [1000, 2000, 3000] (second row filtered Up).
    static let grey16: [UInt8] = [137,80,78,71,13,10,26,10,0,0,0,13,73,72,68,82,0,0,0,3,0,0,0,2,16,0,0,0,0,232,143,229,133,0,0,0,22,73,68,65,84,120,156,99,96,96,104,96,248,255,159,137,249,69,251,5,158,157,0,32,130,5,136,228,135,91,51,0,0,0,0,73,69,78,68,174,66,96,130]
    /// Grey + alpha, 2×1: black opaque, then black fully transparent.
    static let greyAlpha: [UInt8] = [137,80,78,71,13,10,26,10,0,0,0,13,73,72,68,82,0,0,0,2,0,0,0,1,8,4,0,0,0,94,43,183,1,0,0,0,13,73,68,65,84,120,156,99,100,248,207,192,8,0,3,8,1,2,159,186,253,121,0,0,0,0,73,69,78,68,174,66,96,130]
    static let rgbaGrey: [Float] = [0.814474,0.949672,0.964164,0.769780,0.651886,0.985078,0.976855,0.888580,0.565085,0.858816,0.657506,0.741761,0.778341,0.901432,0.717682,0.514835,0.951252,0.893994,0.627688,0.749641]

    @Test func pngFiltersColourAndAlphaDecode() throws {
        expectClose(try PNGReader.parse(ImageReaderTests.rgba, path: "rgba.png"), try Tensor(shape: [5, 4], scalars: ImageReaderTests.rgbaGrey), absolute: 1e-5)
        expectClose(try PNGReader.parse(ImageReaderTests.grey16, path: "g16.png").scalars,
                    [0, 32768.0 / 65535, 1, 1000.0 / 65535, 2000.0 / 65535, 3000.0 / 65535], absolute: 1e-6)
        // Transparency is composited onto white.
        #expect(try PNGReader.parse(ImageReaderTests.greyAlpha, path: "ga.png").scalars == [0, 1])
    }

    @Test func malformedPNGsAreReported() throws {
        var corrupt = ImageReaderTests.rgba
        corrupt[40] ^= 0xFF
        let cases: [([UInt8], String)] = [
            (Array(ImageReaderTests.rgba.prefix(7)), "PNG signature"),
            (Array(ImageReaderTests.rgba.prefix(30)), "a chunk length within the file"),
            (Array(ImageReaderTests.rgba.prefix(8)), "another chunk"),
            (corrupt, "CRC-32"),
        ]
        for (bytes, expected) in cases {
            let error = #expect(throws: DataError.self) { try PNGReader.parse(bytes, path: "bad.png") }
            #expect("\(error.map { "\($0)" } ?? "")".contains(expected), "\(error.map { "\($0)" } ?? "")")
        }
    }

    /// The fuzzer's finding: a header claiming 55555 × 55555 pixels in a 131-byte file made the
    /// reader reserve 12 GB before it looked for the pixels. Now the size is checked first.
    @Test func aPGMHeaderClaimingMorePixelsThanTheFileHoldsIsAnErrorNotAnAllocation() throws {
        let claim = Data(("P5\n55555\n\n\n\n55555" + String(repeating: "\n", count: 100) + "55 55").utf8)
        let error = #expect(throws: DataError.self) { try PGMReader.parse(claim, path: "huge.pgm") }
        #expect("\(error.map { "\($0)" } ?? "")".contains("bytes of pixels for 55555×55555"))
        #expect(throws: DataError.self) { try PGMReader.parse(Data("P2 65536 65536 255 1 2".utf8), path: "text.pgm") }
    }

    @Test func pgmBinaryAndText() throws {
        let binary = Array("P5\n# a comment\n3 1\n255\n".utf8) + [0, 128, 255]
        expectClose(try PGMReader.parse(Data(binary), path: "a.pgm").scalars, [0, 128.0 / 255, 1])
        #expect(try PGMReader.parse(Data("P2 2 2 4  0 1 2 4".utf8), path: "b.pgm").scalars == [0, 0.25, 0.5, 1])
        #expect(throws: DataError.self) { try PGMReader.parse(Data("P6 1 1 255 x".utf8), path: "c.pgm") }
        #expect(throws: DataError.self) { try PGMReader.parse(Data(Array("P5 4 4 255\n".utf8) + [1, 2]), path: "d.pgm") }
        #expect(throws: DataError.self) { try PGMReader.parse(Data("P2 2 1 255 3 999".utf8), path: "e.pgm") }
    }
}

@Suite struct ImagesFromRowsTests {
    @Test func rowsBecomeImagesAndBack() throws {
        let rows = try Tensor.arange(to: 2 * 400).reshaped(to: [2, 400])
        let pictures = try images(fromRows: rows, height: 20, width: 20)
        #expect(pictures.shape == [2, 20, 20])
        #expect(try flattened(pictures) == rows)
        #expect(try images(fromRows: try Tensor.zeros([3, 12]), height: 2, width: 2, channels: 3).shape == [3, 2, 2, 3])
        #expect(throws: DataError.self) { try images(fromRows: rows, height: 19, width: 20) }
        #expect(throws: DataError.self) { try images(fromRows: rows, height: 0, width: 20) }
    }
}
