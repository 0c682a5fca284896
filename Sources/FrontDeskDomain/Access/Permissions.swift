import Foundation

/// The screens a role may open. The UI maps its screen kinds onto these.
public enum ProtectedScreen: String, CaseIterable, Sendable {
    case reception, booking, schedule, occupancy, reports, admin
}

/// The pieces of data whose visibility depends on the role.
public enum ProtectedField: String, CaseIterable, Sendable {
    /// Given and family name, visitor code.
    case visitorIdentity
    /// Phone and contact details.
    case visitorContact
    /// Sex, birth year, nationality, languages, legal status.
    case visitorProfile
    /// When an appointment starts and ends, and whose it is (busy/free).
    case appointmentTime
    /// Which service an appointment is for.
    case serviceName
    /// The counselor's own notes on an appointment.
    case counselorNote
    /// The booking note staff write when booking ("needs a ramp").
    case bookingNote
    /// Occupancy and report figures (counts only, no person).
    case aggregateCounts
    /// Services, rooms, counselors' hours, closures, settings.
    case configuration
    /// Staff logins and PIN resets.
    case staffAccounts
}

/// How much of a field a role sees.
public enum FieldAccess: String, Hashable, Sendable {
    /// Always.
    case visible
    /// Only for the counselor's own visitors and appointments; hidden elsewhere.
    case ownOnly
    /// Visible, except that the name of a psychological service is replaced by
    /// "appointment" (what the service is can reveal a person's situation).
    case maskedWhenPsychological
    case hidden
}

/// The permission table: role × screen and role × field, as data. The store applies
/// the field rules to what it reads (`redact`), and the screens use the screen rules to decide
/// which screens the F-keys and the menu offer.
public enum Permissions {
    /// Role → screens it may open.
    public static let screens: [StaffRole: Set<ProtectedScreen>] = [
        .receptionist: [.reception, .booking],
        .counselor: [.schedule, .booking],
        .coordinator: [.occupancy, .reports, .schedule],
        .admin: [.admin, .reports],
    ]

    /// The screen a role lands on after signing in.
    public static let home: [StaffRole: ProtectedScreen] = [
        .receptionist: .reception, .counselor: .schedule, .coordinator: .occupancy, .admin: .admin,
    ]

    /// Role → field → access. Every role has every field (a test checks it).
    public static let fields: [StaffRole: [ProtectedField: FieldAccess]] = [
        .receptionist: [
            .visitorIdentity: .visible, .visitorContact: .visible, .visitorProfile: .visible,
            .appointmentTime: .visible, .serviceName: .maskedWhenPsychological, .counselorNote: .hidden,
            .bookingNote: .visible, .aggregateCounts: .hidden, .configuration: .hidden, .staffAccounts: .hidden,
        ],
        .counselor: [
            .visitorIdentity: .ownOnly, .visitorContact: .ownOnly, .visitorProfile: .ownOnly,
            .appointmentTime: .visible, .serviceName: .ownOnly, .counselorNote: .ownOnly,
            .bookingNote: .ownOnly, .aggregateCounts: .hidden, .configuration: .hidden, .staffAccounts: .hidden,
        ],
        .coordinator: [
            .visitorIdentity: .hidden, .visitorContact: .hidden, .visitorProfile: .hidden,
            .appointmentTime: .visible, .serviceName: .hidden, .counselorNote: .hidden,
            .bookingNote: .hidden, .aggregateCounts: .visible, .configuration: .hidden, .staffAccounts: .hidden,
        ],
        .admin: [
            .visitorIdentity: .hidden, .visitorContact: .hidden, .visitorProfile: .hidden,
            .appointmentTime: .visible, .serviceName: .hidden, .counselorNote: .hidden,
            .bookingNote: .hidden, .aggregateCounts: .hidden, .configuration: .visible, .staffAccounts: .visible,
        ],
    ]

    /// The words shown instead of a masked service name (English, French); also the masked
    /// service's id.
    public static let maskedServiceName = "appointment"
    public static let maskedServiceNameFr = "rendez-vous"

    /// True when the viewer may open the screen. The command line's file owner may open all.
    public static func mayOpen(_ screen: ProtectedScreen, _ viewer: Viewer) -> Bool {
        viewer.isFileOwner || screens[viewer.role, default: []].contains(screen)
    }

    /// True when `viewer` may change the appointment (status, correction, time, cancellation):
    /// only who may see whose appointment it is (`visitorIdentity`): reception, the appointment's
    /// own counselor, the command line's file owner. A counselor sees other counselors'
    /// appointments as busy time only, and a coordinator or an admin sees no person: changing
    /// what one is not shown would act blind, and its confirmation would name the person.
    public static func mayChange(_ appointment: Appointment, _ viewer: Viewer) -> Bool {
        visibility(.visitorIdentity, for: viewer, counselorIds: [appointment.counselorId], category: nil) == .shown
    }

    /// The access of a role to a field (hidden when the table lacks it).
    public static func access(_ role: StaffRole, _ field: ProtectedField) -> FieldAccess {
        fields[role]?[field] ?? .hidden
    }

    /// What the viewer sees of a field of one appointment (or of one visitor, when
    /// `counselorIds` lists the counselors that visitor has appointments with).
    public enum Visibility: Hashable, Sendable { case shown, masked, hidden }

    /// Whether `viewer` sees `field` of a record owned by the counselors `counselorIds`, whose
    /// service is of `category` (nil when no service is involved).
    public static func visibility(_ field: ProtectedField, for viewer: Viewer, counselorIds: Set<Int64>,
                                  category: ServiceCategory?) -> Visibility {
        if viewer.isFileOwner { return .shown }
        switch access(viewer.role, field) {
        case .visible: return .shown
        case .hidden: return .hidden
        case .ownOnly:
            guard let own = viewer.counselorId else { return .hidden }
            return counselorIds.contains(own) ? .shown : .hidden
        case .maskedWhenPsychological:
            return category == .psychological ? .masked : .shown
        }
    }

    /// The listing as `viewer` may see it: hidden fields emptied (visitor name and code nil,
    /// notes nil or empty, service id and names replaced by `maskedServiceName`); a masked
    /// service keeps its id (reception reschedules by it) but shows `maskedServiceName`. Times,
    /// counselor and room stay: they are what busy/free shows.
    public static func redact(_ listing: AppointmentListing, for viewer: Viewer) -> AppointmentListing {
        var out = listing
        let owners: Set<Int64> = [listing.appointment.counselorId]
        let category = listing.service.category
        if visibility(.visitorIdentity, for: viewer, counselorIds: owners, category: category) == .hidden {
            out.visitorName = nil
            out.visitorCode = nil
            out.appointment.visitorId = nil
            out.place = nil
        }
        switch visibility(.serviceName, for: viewer, counselorIds: owners, category: category) {
        case .shown: break
        case .masked:
            // The names go; the id stays so that reception can still reschedule it.
            out.service.nameFr = maskedServiceNameFr
            out.service.nameEn = maskedServiceName
        case .hidden:
            out.service.nameFr = maskedServiceNameFr
            out.service.nameEn = maskedServiceName
            out.service.id = maskedServiceName
            out.appointment.serviceId = maskedServiceName
        }
        if visibility(.counselorNote, for: viewer, counselorIds: owners, category: category) != .shown {
            out.appointment.counselorNote = nil
        }
        if visibility(.bookingNote, for: viewer, counselorIds: owners, category: category) != .shown {
            out.appointment.note = ""
        }
        if visibility(.appointmentTime, for: viewer, counselorIds: owners, category: category) == .hidden {
            out.appointment.interpreterLanguage = nil
        }
        return out
    }
}

extension AppointmentListing {
    /// True when `Permissions.redact` left only the busy time of this appointment (another
    /// counselor's, for a counselor): screens say "busy" instead of a visitor or a group.
    public var isBusyOnly: Bool { appointment.serviceId == Permissions.maskedServiceName }
}
