import CZlib
import CZstd

/// Compresses test bodies: `deflate` (zlib framing), `gzip` and `zstd1`.
enum Compression {
    struct Failure: Error {}

    static func zlib(_ bytes: [UInt8]) throws -> [UInt8] {
        try deflate(bytes, windowBits: 15)
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try deflate(bytes, windowBits: 15 + 16)
    }

    static func zstd(_ bytes: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let size = output.withUnsafeMutableBytes { outputBytes in
            bytes.withUnsafeBytes { inputBytes in
                ZSTD_compress(outputBytes.baseAddress, outputBytes.count, inputBytes.baseAddress, inputBytes.count, 19)
            }
        }
        guard ZSTD_isError(size) == 0 else { throw Failure() }
        return Array(output[0..<size])
    }

    private static func deflate(_ bytes: [UInt8], windowBits: Int32) throws -> [UInt8] {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, 9, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw Failure() }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        let status = input.withUnsafeMutableBufferPointer { inputPointer in
            output.withUnsafeMutableBufferPointer { outputPointer in
                stream.next_in = inputPointer.baseAddress
                stream.avail_in = uInt(inputPointer.count)
                stream.next_out = outputPointer.baseAddress
                stream.avail_out = uInt(outputPointer.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure() }
        return Array(output[0..<Int(stream.total_out)])
    }
}
