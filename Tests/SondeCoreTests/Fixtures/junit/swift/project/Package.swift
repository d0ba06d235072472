// swift-tools-version:6.0
// A small staging test suite in Swift, run by generate.sh with `swift test --xunit-output`.
import PackageDescription

let package = Package(
    name: "StagingChecks",
    targets: [
        .target(name: "Staging"),
        .testTarget(name: "CheckoutTests", dependencies: ["Staging"]),
        .testTarget(name: "GatewayTests", dependencies: ["Staging"]),
    ]
)
