import Foundation

/// `expect.cert_days` on a TLS kind: a certificate expiring within that many days is a warning
/// (`slow`) and an expired one a failure, both naming the subject and the date, as Gatus'
/// `[CERTIFICATE_EXPIRATION]` and Nagios' `check_http -C` do.
public enum CertificateExpiry {
    public static func apply(days: Int?, to outcome: ProbeOutcome, now: Date = Date()) -> ProbeOutcome {
        guard let days, outcome.failure == nil, let certificate = outcome.certificate else { return outcome }
        var judged = outcome
        let left = certificate.daysLeft(now: now)
        let date = day(certificate.notAfter)
        if certificate.notAfter <= now {
            judged.failure = FailureReason(.certificate, "certificate for \(certificate.subject) expired on \(date)")
        } else if left < days {
            let when = left == 0 ? "today" : left == 1 ? "in 1 day" : "in \(left) days"
            judged.warning = judged.warning ?? FailureReason(.certificate, "certificate for \(certificate.subject) expires \(when) (\(date)), within cert_days \(days)")
        }
        return judged
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
