import FrontDeskDomain
import GRDB

extension AppDatabase {
    /// Migration v7: every stored phone in international form, `06 12 34 56 78` and
    /// `00212 6 12 34 56 78` → `+212612345678` (`PhoneNumber.international`), with its
    /// `phone_digits` and its phone search terms.
    ///
    /// Before v7 a phone was stored as typed (its digits made ASCII). A phone that the rule
    /// cannot read (a national number of another country, too few digits) is kept as it was:
    /// nothing typed is lost, and it is still found by its digits. Name terms are left as they
    /// were indexed; only the phone's terms are replaced. Anonymized visitors have no phone.
    /// - Returns: how many phones were rewritten.
    @discardableResult
    static func storePhonesInInternationalForm(_ db: Database) throws -> Int {
        let records = try VisitorRecord.fetchAll(db, sql: "SELECT * FROM visitor WHERE phone IS NOT NULL")
        let delete = try db.cachedStatement(
            sql: "DELETE FROM visitor_search_term WHERE kind = ? AND term = ? AND sort_key = ? AND visitor_id = ?")
        var rewritten = 0
        for var record in records {
            guard let phone = record.phone, let number = PhoneNumber.international(phone), number != phone else { continue }
            let stored = SearchTextColumn.decode(record.searchText)
            let oldTerms = Set(stored)
            let newTerms = oldTerms.filter { $0.kind != .phone }.union(SearchText.phoneTerms(number))
            let key = record.sortKey
            let visitorId = record.id ?? 0
            for term in oldTerms.subtracting(newTerms) {
                try delete.execute(arguments: [term.kind.rawValue, term.text, key, visitorId])
            }
            try insertSearchTerms(db, newTerms.subtracting(oldTerms).map {
                IndexedTerm(kind: $0.kind.rawValue, term: $0.text, sortKey: key, visitorId: visitorId)
            })
            record.phone = number
            record.phoneDigits = PhoneNumber.digits(number)
            record.searchText = SearchTextColumn.encode(newTerms)
            try db.execute(sql: "UPDATE visitor SET phone = ?, phone_digits = ?, search_text = ? WHERE id = ?",
                           arguments: [record.phone, record.phoneDigits, record.searchText, visitorId])
            rewritten += 1
        }
        return rewritten
    }
}
