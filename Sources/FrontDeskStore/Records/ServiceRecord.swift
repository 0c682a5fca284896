import Foundation
import FrontDeskDomain
import GRDB

/// A row of `service`, the catalog.
struct ServiceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "service"

    var id: String
    var nameFr: String
    var nameEn: String
    var category: ServiceCategory
    var durationMin: Int
    var groupCapacity: Int?
    var active: Bool

    enum CodingKeys: String, CodingKey {
        case id
        case nameFr = "name_fr"
        case nameEn = "name_en"
        case category
        case durationMin = "duration_min"
        case groupCapacity = "group_capacity"
        case active
    }

    init(_ s: Service) {
        id = s.id
        nameFr = s.nameFr
        nameEn = s.nameEn
        category = s.category
        durationMin = s.durationMinutes
        groupCapacity = s.groupCapacity
        active = s.active
    }

    var service: Service {
        Service(id: id, nameFr: nameFr, nameEn: nameEn, category: category, durationMinutes: durationMin,
                groupCapacity: groupCapacity, active: active)
    }
}
