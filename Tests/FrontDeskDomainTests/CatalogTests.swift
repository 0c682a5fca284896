import Foundation
import Testing
import FrontDeskDomain
import FrontDeskResources

private func shippedCatalog() throws -> [Service] {
    let data = try #require(FrontDeskResources.data(named: "services.json"))
    return try Catalog.decodeServices(from: data)
}

@Test func shippedCatalogDecodesWithEveryCategory() throws {
    let services = try shippedCatalog()
    #expect(Set(services.map(\.category)) == Set(ServiceCategory.allCases))
    for category in ServiceCategory.allCases {
        #expect(services.filter { $0.category == category && $0.active }.count >= 4, "\(category)")
    }
}

@Test(arguments: [
    ("individual-counseling", ServiceCategory.psychological, false),
    ("psychosocial-support-group", .psychological, true),
    ("trafficking-survivor-support", .psychological, false),
    ("social-orientation", .social, false),
    ("rights-mediation", .social, false),
    ("voluntary-return-counseling", .social, false),
    ("scholarship-orientation", .social, false),
    ("job-coaching", .professional, false),
    ("vocational-training-orientation", .professional, false),
    ("french-class", .professional, true),
    ("darija-class", .professional, true),
    ("arabic-class", .professional, true),
    ("intercultural-workshop", .professional, true),
    ("cv-job-search-workshop", .professional, true),
    ("entrepreneurship-workshop", .professional, true),
])
func shippedCatalogHoldsTheCentersPrograms(id: String, category: ServiceCategory, isGroup: Bool) throws {
    let service = try #require(try shippedCatalog().first { $0.id == id })
    #expect(service.category == category)
    #expect(service.isGroup == isGroup)
    #expect(service.active)
    #expect((15...180).contains(service.durationMinutes))
    if let capacity = service.groupCapacity { #expect((2...30).contains(capacity)) }
    #expect(!service.nameFr.isEmpty && !service.nameEn.isEmpty && service.nameFr != service.nameEn)
}

@Test func shippedCatalogNamesFitAListRow() throws {
    for service in try shippedCatalog() {
        #expect(service.nameFr.count <= 56 && service.nameEn.count <= 56, "\(service.id)")
    }
}

private func catalogJSON(_ entries: [String]) -> Data {
    Data("[\(entries.joined(separator: ","))]".utf8)
}

private func entry(id: String = "french-class", duration: Int = 90, capacity: String = "15", nameFr: String = "Cours") -> String {
    #"{"id":"\#(id)","nameFr":"\#(nameFr)","nameEn":"Class","category":"professional","durationMinutes":\#(duration),"groupCapacity":\#(capacity),"active":true}"#
}

@Test(arguments: [
    ([entry(), entry()], CatalogError.duplicateId("french-class")),
    ([entry(duration: 0)], .durationNotPositive(id: "french-class", minutes: 0)),
    ([entry(duration: -30)], .durationNotPositive(id: "french-class", minutes: -30)),
    ([entry(capacity: "1")], .groupCapacityTooSmall(id: "french-class", capacity: 1)),
    ([entry(id: "French Class")], .invalidId("French Class")),
    ([entry(id: "french--class")], .invalidId("french--class")),
    ([entry(nameFr: " ")], .nameMissing(id: "french-class")),
    ([], .empty),
])
func invalidCatalogsAreRefused(entries: [String], expected: CatalogError) {
    #expect(throws: expected) { try Catalog.decodeServices(from: catalogJSON(entries)) }
}

@Test func individualServiceTakesNullCapacity() throws {
    let services = try Catalog.decodeServices(from: catalogJSON([entry(capacity: "null")]))
    #expect(services.first?.groupCapacity == nil)
}

@Test func malformedCatalogSaysWhere() {
    let data = Data(#"[{"id":"x","nameFr":"a","nameEn":"b","category":"legal","durationMinutes":30,"groupCapacity":null,"active":true}]"#.utf8)
    do {
        _ = try Catalog.decodeServices(from: data)
        Issue.record("decoded an unknown category")
    } catch let CatalogError.malformed(detail) {
        #expect(detail.contains("[0]") && detail.contains("category"), "\(detail)")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

/// The data files are embedded in the code at build time: every file of `Resources/data` is
/// there, byte for byte, and nothing else.
struct EmbeddedResourcesTests {
    @Test func everyDataFileIsEmbeddedByteForByte() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/data").standardizedFileURL
        var files: [String] = []
        let walker = try #require(FileManager.default.enumerator(atPath: data.path))
        while let name = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: data.appendingPathComponent(name).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(name)
            }
        }
        #expect(FrontDeskResources.names == files.sorted())
        for name in files {
            #expect(FrontDeskResources.data(named: name) == FileManager.default.contents(atPath: data.appendingPathComponent(name).path), "\(name)")
        }
        #expect(FrontDeskResources.data(named: "missing.json") == nil)
    }
}
