// Snippets import ExampleSupport in a hidden line; on Linux, URLSession lives in FoundationNetworking.
#if canImport(FoundationNetworking)
@_exported import FoundationNetworking
#endif
