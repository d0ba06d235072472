import Foundation
import NIOSSL
import SondeCore

extension CertificateFacts {
    /// The subject as the certificate names itself (common name, then alternative names) and its end date.
    init(_ certificate: NIOSSLCertificate) {
        let names = CertificateDiagnosis.names(in: certificate)
        self.init(
            subject: names.isEmpty ? "the server" : names.split(separator: ",").first.map(String.init) ?? names,
            notAfter: Date(timeIntervalSince1970: TimeInterval(certificate.notValidAfter))
        )
    }
}
