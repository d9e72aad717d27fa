// The Swift Programming Language
// https://docs.swift.org/swift-book

@main
struct Votes {
    static func main() {
        print("Hello, world!")
    }
}
