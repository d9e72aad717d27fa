import CZlib
import CZstd
import NIOCore

/// Turns a request body into plain bytes, inflating `deflate` (zlib), `gzip` and `zstd1` bodies under a size cap.
/// Public for the body decoder's harness in `Fuzz/`.
public struct BodyDecoder: Sendable {
    /// The largest body accepted after decompression: 5 MB, as Datadog's intake.
    public static let maximumSize = 5 * 1024 * 1024

    /// The largest output accepted, in bytes.
    public var limit: Int

    public init(limit: Int = BodyDecoder.maximumSize) {
        self.limit = limit
    }

    /// The plain bytes of `body`, sent with the `Content-Encoding` header `contentEncoding`.
    public func decode(_ body: ByteBuffer, contentEncoding: String?) throws(IntakeError) -> ByteBuffer {
        let encoding = contentEncoding?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
        switch encoding {
        case "", "identity":
            guard body.readableBytes <= limit else { throw IntakeError.tooLarge(limit: limit) }
            return body
        case "deflate", "gzip", "x-gzip":
            return try inflate(body)
        case "zstd1", "zstd":
            return try decompressZstd(body)
        default:
            throw IntakeError.unsupportedEncoding(encoding)
        }
    }

    /// Inflates zlib or gzip data (zlib detects which from the header), stopping as soon as the output passes
    /// the limit so that a decompression bomb costs no more than `limit` bytes.
    private func inflate(_ body: ByteBuffer) throws(IntakeError) -> ByteBuffer {
        var stream = z_stream()
        // 15 window bits + 32: accept both zlib and gzip headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw IntakeError.badEncoding("Could not start the zlib decoder.")
        }
        defer { inflateEnd(&stream) }
        var input = Array(body.readableBytesView)
        var output = ByteBuffer()
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var status: Int32 = Z_OK
        let result: IntakeError? = input.withUnsafeMutableBufferPointer { inputPointer -> IntakeError? in
            stream.next_in = inputPointer.baseAddress
            stream.avail_in = uInt(inputPointer.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { chunkPointer in
                    stream.next_out = chunkPointer.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return chunkSize - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END && !(status == Z_BUF_ERROR && produced > 0) {
                    return IntakeError.badEncoding("The request body is not valid deflate or gzip data.")
                }
                if output.readableBytes + produced > limit {
                    return IntakeError.tooLarge(limit: limit)
                }
                output.writeBytes(chunk[0..<produced])
                if produced == 0 && stream.avail_in == 0 && status != Z_STREAM_END {
                    return IntakeError.badEncoding("The request body ends in the middle of its compressed data.")
                }
            } while status != Z_STREAM_END
            return nil
        }
        if let result { throw result }
        return output
    }

    /// Decompresses zstd frames as a stream, with the same early stop as `inflate`.
    private func decompressZstd(_ body: ByteBuffer) throws(IntakeError) -> ByteBuffer {
        guard let stream = ZSTD_createDStream() else {
            throw IntakeError.badEncoding("Could not start the zstd decoder.")
        }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        let input = Array(body.readableBytesView)
        var output = ByteBuffer()
        let chunkSize = ZSTD_DStreamOutSize()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        let failure: IntakeError? = input.withUnsafeBytes { inputBytes -> IntakeError? in
            var inBuffer = ZSTD_inBuffer(src: inputBytes.baseAddress, size: inputBytes.count, pos: 0)
            var lastResult = 0
            repeat {
                let (result, produced) = chunk.withUnsafeMutableBytes { chunkBytes -> (Int, Int) in
                    var outBuffer = ZSTD_outBuffer(dst: chunkBytes.baseAddress, size: chunkSize, pos: 0)
                    let result = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                    return (result, outBuffer.pos)
                }
                if ZSTD_isError(result) != 0 {
                    return IntakeError.badEncoding("The request body is not valid zstd data.")
                }
                if output.readableBytes + produced > limit { return IntakeError.tooLarge(limit: limit) }
                output.writeBytes(chunk[0..<produced])
                lastResult = result
                if produced == 0 && inBuffer.pos == inBuffer.size { break }
            } while inBuffer.pos < inBuffer.size || lastResult != 0
            if lastResult != 0 {
                return IntakeError.badEncoding("The request body ends in the middle of its zstd frame.")
            }
            return nil
        }
        if let failure { throw failure }
        return output
    }
}
