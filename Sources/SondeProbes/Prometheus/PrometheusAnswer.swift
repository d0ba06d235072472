import Foundation
import SondeCore

/// Reads Prometheus's answer to an instant query into the one number a row shows, or a reason
/// that says what to change: the query's error, no series, or more series than one.
enum PrometheusAnswer {
    private struct Envelope: Decodable {
        var status: String
        var data: Payload?
        var error: String?
        var errorType: String?
    }

    private struct Payload: Decodable {
        var resultType: String
        var result: Result

        enum Result: Decodable {
            case vector([Series])
            case scalar(Sample)
            case other

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let series = try? container.decode([Series].self) {
                    self = .vector(series)
                } else if let sample = try? container.decode(Sample.self) {
                    self = .scalar(sample)
                } else {
                    self = .other
                }
            }
        }
    }

    private struct Series: Decodable {
        var metric: [String: String]
        var value: Sample?
    }

    /// `[1712345678.9, "0.004"]`: Prometheus sends the value as a string.
    private struct Sample: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            _ = try container.decode(Double.self)
            text = try container.decode(String.self)
        }
    }

    /// The answer's payload, or why there is none: not Prometheus, or the query refused.
    private static func payload(status: Int, body: Data) -> Swift.Result<Payload, FailureReason> {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: body) else {
            let excerpt = String(decoding: body.prefix(120), as: UTF8.self).excerpt(80)
            return .failure(FailureReason(.protocolError, "answered HTTP \(status) with \(excerpt.isEmpty ? "an empty body" : excerpt), not Prometheus's JSON: is this its URL?"))
        }
        guard envelope.status == "success", let data = envelope.data else {
            let kind: FailureReason.Kind = status == 401 || status == 403 ? .auth : .httpStatus
            return .failure(FailureReason(kind, "Prometheus rejected the query (HTTP \(status), \(envelope.errorType ?? "error")): \(envelope.error ?? "no reason given")"))
        }
        return .success(data)
    }

    /// Every series of an instant vector with its labels; values that are not numbers are left out.
    static func series(status: Int, body: Data) -> Swift.Result<[PrometheusSeries], FailureReason> {
        switch payload(status: status, body: body) {
        case .failure(let reason): return .failure(reason)
        case .success(let data):
            guard case .vector(let series) = data.result else {
                return .failure(FailureReason(.assertion, "the query returned a \(data.resultType), not an instant vector"))
            }
            return .success(series.compactMap { item in
                guard let value = item.value.flatMap({ Double($0.text) }), !value.isNaN else { return nil }
                return PrometheusSeries(labels: item.metric, value: value)
            })
        }
    }

    static func read(status: Int, body: Data) -> Swift.Result<Double, FailureReason> {
        let data: Payload
        switch payload(status: status, body: body) {
        case .failure(let reason): return .failure(reason)
        case .success(let read): data = read
        }
        let text: String
        switch data.result {
        case .scalar(let sample):
            text = sample.text
        case .vector(let series):
            guard let first = series.first else {
                return .failure(FailureReason(.assertion, "the query returned no series (nothing matches it now)"))
            }
            guard series.count == 1 else {
                return .failure(FailureReason(.assertion, "the query returned \(series.count) series; aggregate it to one (sum, max, avg)"))
            }
            guard let value = first.value?.text else { return .failure(FailureReason(.protocolError, "the series has no value")) }
            text = value
        case .other:
            return .failure(FailureReason(.assertion, "the query returned a \(data.resultType); write one that returns a number (an instant vector of one series, or a scalar)"))
        }
        guard let value = Double(text), !value.isNaN else {
            return .failure(FailureReason(.assertion, "the query's value is \(text), not a number"))
        }
        return .success(value)
    }
}
