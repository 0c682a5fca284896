import Foundation
import FrontDeskApp
import FrontDeskDomain
import FrontDeskStore
import Testing

/// Issue 13 items 6 and 7: the screens say "disk full" and "damaged" in the interface language,
/// not "the database did not answer as expected".
@Suite struct StoreFailureWordingTests {
    @Test func aFullDiskAndADamagedFileAreSaidPlainly() throws {
        let en = FailureMessages(strings: AppFixture.strings(.en), calendar: AppFixture.calendar)
        let fr = FailureMessages(strings: AppFixture.strings(.fr), calendar: AppFixture.calendar)
        #expect(en.text(StoreError.diskFull).hasPrefix("The disk is full: nothing was saved."))
        #expect(fr.text(StoreError.diskFull).hasPrefix("Le disque est plein : rien n'a été enregistré."))
        #expect(fr.text(StoreError.damaged("/x")).contains("endommagé"))
        #expect(en.text(StoreError.unexpected(5)) == AppFixture.strings(.en)("error.store"))
        // Through the store's recognizer: an error the store reads as a full disk.
        let recognizing = FailureMessages(strings: AppFixture.strings(.fr), calendar: AppFixture.calendar,
                                          recognize: { _ in StoreError.diskFull })
        #expect(recognizing.reception(CocoaError(.fileWriteOutOfSpace)) == .store(fr.text(StoreError.diskFull)))
    }
}
