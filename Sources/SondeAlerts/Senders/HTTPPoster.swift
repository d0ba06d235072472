import Foundation
import SondeCore
import SondeProbes

/// One POST of a JSON body, through the same HTTP client as the probes (DNS, TLS, deadlines and
/// failure reasons already proven there). 2xx is delivered; anything else is a `DeliveryFailure`.
struct HTTPPoster: Sendable {
    var url: URL
    var headers: [Header]
    var redactor: Redactor
    var timeout: Duration

    func post(_ body: String) async -> DeliveryFailure? {
        var all = [Header(name: "Content-Type", value: "application/json", isSecret: false)]
        all += headers
        let spec = HTTPSpec(url: url, method: "POST", headers: all, body: body, maxBodyBytes: 64 * 1024)
        let outcome = await HTTPProbe(spec: spec, timeout: timeout).run(deadline: .now + timeout)
        guard let failure = outcome.failure else { return nil }
        let code = outcome.statusCode ?? 0
        // A receiver refusing the request (401, 404, 400) will refuse it again; 408 and 429 ask for a retry.
        let retryable = code == 0 || code >= 500 || code == 408 || code == 429
        return DeliveryFailure(redactor.redact(failure.message), retryable: retryable)
    }
}
