import FrontDeskDomain

extension Localizer {
    /// The program a service counts for, as the booking and check-in dialogs show it (issue
    /// 15): the funder and how it was chosen first ("UNHCR (by rule)", "… (chosen)"), since
    /// the program's name is long and may be cut, then the name in the screen's language;
    /// "no program (by rule)" when none funds it.
    /// - Parameters: chosenId: the program chosen with F6, nil for the rule's; ruled: the rule's
    ///   program (asked only when none was chosen); catalog: the programs, to name the chosen one.
    func programLabel(chosenId: String?, ruled: () -> Program?, catalog: [Program]) -> String {
        let program = chosenId.map { id in catalog.first { $0.id == id } } ?? ruled()
        let marked = self(chosenId == nil ? "confirm.programByRule" : "confirm.programChosen", program?.funder ?? self("confirm.noProgram"))
        return program.map { marked + " · " + (language == .fr ? $0.nameFr : $0.nameEn) } ?? marked
    }
}
