import GRDB

/// The positions of a result's columns by name, found once per query.
///
/// GRDB 7.10's `row["name"]` lowercases every column name of the row at each lookup
/// (`ArrayRowImpl.index(forColumn:)`); on listings of twenty-odd columns that costs more than
/// the query itself. Read `row[columns["name"]]` instead. Names compare case-insensitively, as
/// in SQLite; the first of two equal names wins, as in GRDB.
struct ColumnIndex {
    private let positions: [String: Int]

    /// - Parameter names: the result's column names, in order (`Row.columnNames`).
    init<Names: Collection<String>>(_ names: Names) {
        positions = Dictionary(names.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of `name` (lowercase). A missing column is a programming error in the
    /// query that produced the row: it traps, like GRDB's decoding of a missing column.
    subscript(_ name: String) -> Int {
        guard let i = positions[name] else { preconditionFailure("no column \(name) in the result") }
        return i
    }
}
