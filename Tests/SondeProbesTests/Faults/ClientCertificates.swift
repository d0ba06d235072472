import Foundation

/// A CA, a client certificate it signed, and one it did not, made by openssl for one test
/// (mutual TLS for the http and grpc kinds).
struct ClientCertificates {
    let folder: URL
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func make() async throws -> ClientCertificates {
        let made = ClientCertificates(folder: try await TestCertificate.make(commonName: "ca.sonde.test", days: 30).folder)
        let openssl = "/usr/bin/openssl"
        try await Executable.run(openssl, ["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                           "-subj", "/CN=probe.sonde.test", "-keyout", made.path("client.key"), "-out", made.path("client.csr")])
        try await Executable.run(openssl, ["x509", "-req", "-in", made.path("client.csr"), "-CA", made.path("cert.pem"), "-CAkey", made.path("key.pem"),
                                           "-CAcreateserial", "-days", "30", "-out", made.path("client.pem")])
        let stranger = try await TestCertificate.make(commonName: "stranger.sonde.test", days: 30)
        try FileManager.default.moveItem(atPath: stranger.certificate, toPath: made.path("stranger.pem"))
        try FileManager.default.moveItem(atPath: stranger.key, toPath: made.path("stranger.key"))
        stranger.remove()
        return made
    }
}
