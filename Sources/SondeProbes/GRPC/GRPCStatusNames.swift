/// The names gRPC gives its status codes and grpc.health.v1 its serving states, as people
/// read them in logs and in grpc_health_probe's output.
enum GRPCStatusNames {
    static let codes = [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ]
    static let servingStates = ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"]

    static let unimplemented = 12
    static let notFound = 5
    static let serving: UInt64 = 1

    /// `12 UNIMPLEMENTED`; a code gRPC does not define keeps its number alone.
    static func code(_ code: Int) -> String {
        codes.indices.contains(code) ? "\(code) \(codes[code])" : "\(code)"
    }

    static func servingState(_ value: UInt64) -> String {
        value < UInt64(servingStates.count) ? servingStates[Int(value)] : "status \(value), which grpc.health.v1 does not define"
    }
}
