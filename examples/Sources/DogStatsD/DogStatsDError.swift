/// Why a DogStatsD client could not start.
public enum DogStatsDError: Error, CustomStringConvertible {
    case unknownHost(String)
    case socket(Int32)

    public var description: String {
        switch self {
        case .unknownHost(let host): "Cannot resolve DogStatsD host '\(host)'."
        case .socket(let code): "Cannot open a UDP socket to DogStatsD (errno \(code))."
        }
    }
}
