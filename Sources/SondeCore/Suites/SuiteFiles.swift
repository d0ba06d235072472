import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the report files of a suite (a file, a directory of *.xml, or a glob) and tells
/// whether they changed since the last read, by path, size and modification time.
public enum SuiteFiles {
    public struct Stamp: Sendable, Equatable {
        var entries: [String: [Double]]
    }

    /// Resolves `pattern` against `base` (the config file's folder) into sorted file paths.
    public static func resolve(_ pattern: String, relativeTo base: String?) -> [String] {
        let path = absolute(pattern, base: base)
        let fm = FileManager.default
        if !hasWildcard(path) {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
            return isDirectory.boolValue ? xmlFiles(under: path) : [path]
        }
        // Walk from the deepest folder without a wildcard; match whole paths with fnmatch, where `*`
        // also crosses `/`, so `reports/**/*.xml` and `reports/*/TEST-*.xml` both do what they say.
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        let fixed = components.prefix { !hasWildcard(String($0)) }.joined(separator: "/")
        let root = fixed.isEmpty ? "/" : fixed
        let alternatives = [path, path.replacingOccurrences(of: "**/", with: "")]
        return allFiles(under: root).filter { file in alternatives.contains { fnmatch($0, file, 0) == 0 } }
    }

    public static func stamp(of files: [String]) -> Stamp {
        var entries: [String: [Double]] = [:]
        for file in files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            entries[file] = [size, modified]
        }
        return Stamp(entries: entries)
    }

    static func absolute(_ path: String, base: String?) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/"), let base, !base.isEmpty else { return expanded }
        return (base as NSString).appendingPathComponent(expanded)
    }

    private static func hasWildcard(_ text: String) -> Bool { text.contains { "*?[".contains($0) } }

    private static func xmlFiles(under directory: String) -> [String] {
        allFiles(under: directory).filter { $0.lowercased().hasSuffix(".xml") }
    }

    /// Regular files below `directory`, sorted; unreadable folders are skipped, not fatal.
    private static func allFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }
}
