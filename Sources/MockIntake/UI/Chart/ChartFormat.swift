import Foundation

/// How charts print values and times: short, as monitoring tools label their axes.
enum ChartFormat {
    /// A value in a few characters: `1.5k`, `250`, `0.07`, `2M`.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        for (threshold, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] where magnitude >= threshold {
            return significant(value / threshold) + suffix
        }
        return significant(value)
    }

    /// The time of day in UTC, `HH:MM:SS`, or `HH:MM` without seconds.
    static func clock(_ seconds: Double, withSeconds: Bool = true) -> String {
        let day = ((Int(seconds.rounded(.down)) % 86400) + 86400) % 86400
        let parts = withSeconds ? [day / 3600, day / 60 % 60, day % 60] : [day / 3600, day / 60 % 60]
        return parts.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }

    /// About three significant digits, without trailing zeros.
    private static func significant(_ value: Double) -> String {
        guard value != 0 else { return "0" }
        let decimals = min(6, max(0, 2 - Int(log10(abs(value)).rounded(.down))))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
