import Foundation
import NIOCore
import NIOSSL

/// Watches certificate verification so a failed handshake can say why in a person's words.
/// BoringSSL only reports "certificate_verify_failed"; the certificates it was shown tell whether
/// the leaf had expired, was self-signed, or named another host.
/// Not Sendable: the verification callback and every error path run on the channel's event loop,
/// so it crosses into the channel's closures inside an `NIOLoopBoundBox` that checks exactly that.
final class CertificateDiagnosis {
    private var leaf: NIOSSLCertificate?
    private var chainLength = 0

    /// For `NIOSSLClientHandler(verificationCallback:)`: records each certificate, leaf last,
    /// and leaves BoringSSL's verdict unchanged.
    func observe(_ result: NIOSSLVerificationResult, _ certificate: NIOSSLCertificate) -> NIOSSLVerificationResult {
        leaf = certificate
        chainLength += 1
        return result
    }

    /// A specific explanation for a verification failure, or nil when nothing specific is known.
    func explain(now: Date = Date()) -> String? {
        guard let leaf else { return nil }
        let notAfter = Date(timeIntervalSince1970: TimeInterval(leaf.notValidAfter))
        let notBefore = Date(timeIntervalSince1970: TimeInterval(leaf.notValidBefore))
        if notAfter < now { return "the server's certificate expired on \(Self.day(notAfter))" }
        if notBefore > now { return "the server's certificate is not valid before \(Self.day(notBefore))" }
        if chainLength == 1, leaf.subjectName == leaf.issuerName {
            return "the server's certificate is self-signed (trust it with ca: FILE, or insecure: true)"
        }
        return nil
    }

    /// Names the certificate is for, from its description (common name and alternative names).
    func hostnameMismatch(host: String) -> String {
        let names = leaf.map { Self.names(in: $0) } ?? ""
        return "the server's certificate does not match \(host)" + (names.isEmpty ? "" : " (it is for \(names))")
    }

    static func names(in certificate: NIOSSLCertificate) -> String {
        let text = certificate.description
        var found: [String] = []
        for field in ["common_name=", "alternative_names="] {
            guard let range = text.range(of: field) else { continue }
            let value = text[range.upperBound...].prefix { $0 != ";" && $0 != ">" }
            found += value.split(separator: ",").map(String.init)
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    private static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
