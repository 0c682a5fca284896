import Foundation

/// Why a service catalog file was refused. Each case reads as a message for whoever edits the file.
public enum CatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not a JSON array of services; `detail` says where decoding stopped.
    case malformed(detail: String)
    /// The file holds no service.
    case empty
    /// An id that is not a slug of lowercase ASCII letters, digits and single hyphens.
    case invalidId(String)
    /// Two services share this id.
    case duplicateId(String)
    /// A service without a French or an English name.
    case nameMissing(id: String)
    /// A duration of zero or fewer minutes.
    case durationNotPositive(id: String, minutes: Int)
    /// A group service with fewer than two seats.
    case groupCapacityTooSmall(id: String, capacity: Int)

    public var description: String {
        switch self {
        case .malformed(let detail): "service catalog: not a JSON array of services (\(detail))"
        case .empty: "service catalog: no service"
        case .invalidId(let id): "service catalog: id \"\(id)\" is not a slug (lowercase letters, digits, hyphens)"
        case .duplicateId(let id): "service catalog: id \"\(id)\" appears more than once"
        case .nameMissing(let id): "service catalog: \"\(id)\" needs both a French and an English name"
        case .durationNotPositive(let id, let minutes): "service catalog: \"\(id)\" lasts \(minutes) minutes; it must be at least 1"
        case .groupCapacityTooSmall(let id, let capacity): "service catalog: group service \"\(id)\" has \(capacity) seats; a group needs at least 2 (use null for an individual service)"
        }
    }
}

/// The service catalog as shipped in `Resources/data/services.json`.
public enum Catalog {
    /// Decodes and checks a service catalog: a JSON array of `Service` objects, in display order.
    ///
    /// Every field is required; `groupCapacity` is `null` for an individual service.
    /// - Throws: `CatalogError`: `.malformed` when the JSON does not decode, `.empty`,
    ///   `.invalidId`, `.duplicateId`, `.nameMissing`, `.durationNotPositive`,
    ///   `.groupCapacityTooSmall`; the first problem found, in file order.
    public static func decodeServices(from data: Data) throws -> [Service] {
        let services: [Service]
        do {
            services = try JSONDecoder().decode([Service].self, from: data)
        } catch let error as DecodingError {
            throw CatalogError.malformed(detail: describe(error))
        } catch {
            throw CatalogError.malformed(detail: "\(error)")
        }
        try validate(services)
        return services
    }

    /// Checks a list of services against the catalog rules (see `decodeServices(from:)`).
    /// - Throws: the first `CatalogError` found, in list order.
    public static func validate(_ services: [Service]) throws {
        guard !services.isEmpty else { throw CatalogError.empty }
        var seen = Set<String>()
        for service in services {
            guard isSlug(service.id) else { throw CatalogError.invalidId(service.id) }
            guard seen.insert(service.id).inserted else { throw CatalogError.duplicateId(service.id) }
            let blank: (String) -> Bool = { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            guard !blank(service.nameFr), !blank(service.nameEn) else { throw CatalogError.nameMissing(id: service.id) }
            guard service.durationMinutes > 0 else {
                throw CatalogError.durationNotPositive(id: service.id, minutes: service.durationMinutes)
            }
            if let capacity = service.groupCapacity, capacity < 2 {
                throw CatalogError.groupCapacityTooSmall(id: service.id, capacity: capacity)
            }
        }
    }

    /// `individual-counseling`: lowercase ASCII letters and digits in words joined by single hyphens.
    static func isSlug(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty && words.allSatisfy { word in
            !word.isEmpty && word.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "top level" : keys
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
