import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// One GET, as a scraper makes it.
enum Fetch {
    struct Page {
        var status: Int
        var contentType: String
        var body: String
    }

    static func get(_ url: String, accept: String? = nil) async throws -> Page {
        var request = URLRequest(url: try #require(URL(string: url)))
        if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Page(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: String(decoding: data, as: UTF8.self))
    }
}
