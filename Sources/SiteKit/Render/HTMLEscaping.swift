extension String {
    /// The string with `&`, `<`, `>` and `"` escaped, safe in HTML text and double-quoted attributes.
    var htmlEscaped: String { HTMLEscape.escaped(self) }
}
