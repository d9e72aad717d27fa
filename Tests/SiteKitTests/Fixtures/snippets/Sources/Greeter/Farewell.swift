/// Says goodbye; in a library source, a leading comment is code, not a caption.
public func farewell(_ name: String) -> String {
    "Goodbye, \(name)."
}
