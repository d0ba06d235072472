import NIOSSL
import SondeCore

/// The TLS client context of a probe: the system's trust store, or the config's `ca:` file, or
/// none with `insecure: true`; a client certificate for mutual TLS; ALPN protocols when the kind
/// needs one (gRPC needs `h2`).
enum ClientTLSContext {
    static func make(insecure: Bool, caFile: String?, clientCertificate: ClientCertificate? = nil,
                     applicationProtocols: [String] = []) -> Result<NIOSSLContext, FailureReason> {
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
        if let client = clientCertificate {
            do {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(client.certificateFile).map { .certificate($0) }
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: client.keyFile, format: .pem))
            } catch {
                return .failure(FailureReason(.tls, "cannot read the client certificate \(client.certificateFile) or key \(client.keyFile): \(error)"))
            }
        }
        do {
            return .success(try NIOSSLContext(configuration: configuration))
        } catch {
            return .failure(FailureReason(.tls, "cannot set up TLS: \(error)"))
        }
    }
}
