/// Series colours: distinct from each other, and at least 4.5:1 against white, so thin lines and small legend
/// swatches stay visible.
enum ChartPalette {
    private static let colours = ["#632ca6", "#1f6fb4", "#c2410c", "#15803d", "#be185d", "#0e7490", "#a16207"]

    static func colour(_ index: Int) -> String { colours[index % colours.count] }
}
