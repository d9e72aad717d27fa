import Foundation
import FuzzCompression
import MockIntake
import NIOCore

/// libFuzzer entry point for the body decoder. The first byte picks the mode, the second how many times the
/// payload (the rest) repeats, so that small inputs can make bombs past the limit, and the third the limit:
/// - modes 0–3: the payload is the body as sent, with no encoding, deflate, gzip or zstd: it may be anything;
/// - modes 4–6: the harness compresses the payload with zlib, gzip or zstd first, so the decoder must give back
///   exactly the payload, or refuse it as too large when it is;
/// - mode 7: the payload is the `Content-Encoding` header, and the body is empty.
/// In every mode, what comes out is never larger than the limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 3 else { return 0 }
    let mode = data[0] & 7
    let repeats = 1 + Int(data[1]) * 8
    let limits = [BodyDecoder.maximumSize, 0, 1, 1000, 64 * 1024, 100_000]
    let decoder = BodyDecoder(limit: limits[Int(data[2]) % limits.count])
    let chunk = Array(UnsafeBufferPointer(start: data + 3, count: size - 3))
    let payload = Array([[UInt8]](repeating: chunk, count: repeats).joined())
    switch mode {
    case 0...3:
        let encoding = ["identity", "deflate", "gzip", "zstd"][Int(mode)]
        check(decoder, body: payload, encoding: encoding, expected: mode == 0 ? payload : nil)
    case 4:
        check(decoder, body: zlibCompress(payload, windowBits: 15), encoding: "deflate", expected: payload)
    case 5:
        check(decoder, body: zlibCompress(payload, windowBits: 15 + 16), encoding: "gzip", expected: payload)
    case 6:
        check(decoder, body: zstdCompress(payload), encoding: "zstd", expected: payload)
    default:
        let encoding = String(decoding: chunk, as: UTF8.self)
        let known = ["", "identity", "deflate", "gzip", "x-gzip", "zstd", "zstd1"]
        do {
            _ = try decoder.decode(ByteBuffer(), contentEncoding: encoding)
            precondition(
                known.contains(encoding.lowercased().trimmingCharacters(in: .whitespaces)),
                "accepted the unknown encoding \(encoding.debugDescription)")
        } catch {}
    }
    return 0
}

/// Decodes `body`; the output must fit the limit and, when `expected` is given, be it (or be refused as too large
/// exactly when it is).
private func check(_ decoder: BodyDecoder, body: [UInt8], encoding: String, expected: [UInt8]?) {
    do {
        let output = try decoder.decode(ByteBuffer(bytes: body), contentEncoding: encoding)
        precondition(output.readableBytes <= decoder.limit, "\(output.readableBytes) bytes out past the limit")
        if let expected {
            precondition(Array(output.readableBytesView) == expected, "\(encoding) did not round-trip")
        }
    } catch {
        guard let expected else { return }
        let tooLarge = "\(error.status)".hasPrefix("413")
        precondition(tooLarge, "\(encoding) refused a valid body: \(error.message)")
        precondition(expected.count > decoder.limit, "\(encoding) refused \(expected.count) bytes as too large")
    }
}

/// `payload` compressed with zlib's deflate; 15 window bits make a zlib stream, 15 + 16 a gzip one.
private func zlibCompress(_ payload: [UInt8], windowBits: Int32) -> [UInt8] {
    var stream = z_stream()
    let started = deflateInit2_(
        &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
        Int32(MemoryLayout<z_stream>.size))
    precondition(started == Z_OK)
    defer { deflateEnd(&stream) }
    var input = payload
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(payload.count))) + 32)
    let written = input.withUnsafeMutableBufferPointer { inputPointer in
        output.withUnsafeMutableBufferPointer { outputPointer in
            stream.next_in = inputPointer.baseAddress
            stream.avail_in = uInt(inputPointer.count)
            stream.next_out = outputPointer.baseAddress
            stream.avail_out = uInt(outputPointer.count)
            precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
            return outputPointer.count - Int(stream.avail_out)
        }
    }
    return Array(output[..<written])
}

private func zstdCompress(_ payload: [UInt8]) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: ZSTD_compressBound(payload.count))
    let written = output.withUnsafeMutableBytes { outputBytes in
        payload.withUnsafeBytes { inputBytes in
            ZSTD_compress(outputBytes.baseAddress, outputBytes.count, inputBytes.baseAddress, inputBytes.count, 1)
        }
    }
    precondition(ZSTD_isError(written) == 0)
    return Array(output[..<written])
}
