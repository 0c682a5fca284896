import FrontDeskDomain

extension Localizer {
    /// A program refused by its rules (`Program.validated`, the store), in the interface's
    /// language: the same words as `frontdesk programs add|edit`.
    public func message(for error: ProgramError) -> String {
        switch error {
        case .invalidId(let id): self("cli.programs.invalidId", id)
        case .nameMissing: self("admin.programNameMissing")
        case .funderMissing: self("admin.programFunderMissing")
        case .days(let first, let last): self("cli.programs.days", last, first)
        case .unknownService(let id): self("cli.programs.unknownService", id)
        case .invalidTarget: self("cli.programs.invalidTarget")
        case .unknownProgram(let id): self("cli.programs.unknownProgram", id)
        case .serviceNotFound: self("cli.programs.serviceNotFound")
        case .notCovered(let id): self("cli.programs.notCovered", id)
        }
    }

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
