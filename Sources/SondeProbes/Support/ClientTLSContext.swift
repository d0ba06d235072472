import NIOSSL
import SondeCore

/// The TLS client context of a probe: the system's trust store, or the config's `ca:` file, or
/// none with `insecure: true`; ALPN protocols when the kind needs one (gRPC needs `h2`).
enum ClientTLSContext {
    static func make(insecure: Bool, caFile: String?, applicationProtocols: [String] = []) -> Result<NIOSSLContext, FailureReason> {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if insecure { configuration.certificateVerification = .none }
        configuration.applicationProtocols = applicationProtocols
        if let caFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                return .failure(FailureReason(.tls, "cannot read CA file \(caFile): \(error)"))
            }
        }
        do {
            return .success(try NIOSSLContext(configuration: configuration))
        } catch {
            return .failure(FailureReason(.tls, "cannot set up TLS: \(error)"))
        }
    }
}
