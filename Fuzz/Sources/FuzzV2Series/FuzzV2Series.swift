import Foundation
import MockIntake
import NIOCore

/// libFuzzer entry point, a differential check: whenever `V2SeriesFastDecoder` accepts a body, `JSONDecoder`
/// (the intake's fallback and the reference) must accept it too and decode the same values, bit for bit. The fast
/// path may give up on anything, so the other direction is not checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let fast = V2SeriesFastDecoder.decode(ByteBuffer(bytes: bytes)) else { return 0 }
    let input = String(decoding: bytes, as: UTF8.self).debugDescription
    let reference: V2SeriesBody
    do {
        reference = try JSONDecoder().decode(V2SeriesBody.self, from: Data(bytes))
    } catch {
        fatalError("the fast decoder accepts what JSONDecoder rejects (\(error))\nfast: \(fast)\ninput: \(input)")
    }
    // A Double's description is its shortest round-tripping form, so equal descriptions mean equal bits.
    guard "\(fast)" == "\(reference)" else {
        fatalError("the decoders disagree\nfast:        \(fast)\nJSONDecoder: \(reference)\ninput: \(input)")
    }
    return 0
}
