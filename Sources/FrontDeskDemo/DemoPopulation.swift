import FrontDeskDomain

/// Values with relative weights, picked at random in proportion: `[.refugee: 75, .asylumSeeker: 25]`.
struct DemoWeighted<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    let values: [Value]
    /// Running totals of the weights, so a pick is a binary search.
    let cumulative: [Int]

    init(dictionaryLiteral elements: (Value, Int)...) {
        self.init(elements)
    }

    init(_ elements: [(Value, Int)]) {
        precondition(!elements.isEmpty && elements.allSatisfy { $0.1 > 0 }, "weights must be positive")
        values = elements.map(\.0)
        var total = 0
        cumulative = elements.map { total += $0.1; return total }
    }

    func pick(_ random: inout DemoRandom) -> Value {
        let r = random.below(cumulative[cumulative.count - 1])
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > r { high = mid } else { low = mid + 1 }
        }
        return values[low]
    }
}

/// Given names by sex and family names of one naming tradition, in one script.
struct DemoNames: Sendable {
    let male: [String]
    let female: [String]
    let family: [String]
}

/// One group of the center's visitors: a nationality (or a part of one, such as Nigeria's Igbo),
/// with its names, its share of visitors and what is usual for it.
struct DemoPopulation: Sendable {
    /// ISO 3166-1 alpha-2.
    let nationality: String
    /// Share of visitors, per thousand.
    let weight: Int
    /// Percent of adults who are men.
    let malePercent: Int
    /// Percent of visitors who come alone aged 15 to 17.
    let minorPercent: Int
    /// Percent of adults aged 24 to 50 registered together with their children.
    let familyPercent: Int
    let statuses: DemoWeighted<LegalStatus>
    let latinNames: DemoNames
    /// Names in the visitors' own script (Arabic, Ge'ez) and how often a record uses them.
    let scriptNames: DemoNames?
    let scriptPercent: Int
    let firstLanguage: DemoWeighted<String>
    /// Further languages, each spoken by this percent of adults.
    let otherLanguages: KeyValuePairs<String, Int>
    /// Home-country phone formats, `#` for a digit; empty when visitors keep only a Moroccan number.
    let homePhones: [String]
    /// Children take their father's given name as family name (Eritrea).
    let patronymic: Bool

    init(_ nationality: String, weight: Int, malePercent: Int, minorPercent: Int = 0, familyPercent: Int,
         statuses: DemoWeighted<LegalStatus>, names: DemoNames, scriptNames: DemoNames? = nil, scriptPercent: Int = 0,
         firstLanguage: DemoWeighted<String>, otherLanguages: KeyValuePairs<String, Int>, homePhones: [String],
         patronymic: Bool = false) {
        self.nationality = nationality
        self.weight = weight
        self.malePercent = malePercent
        self.minorPercent = minorPercent
        self.familyPercent = familyPercent
        self.statuses = statuses
        latinNames = names
        self.scriptNames = scriptNames
        self.scriptPercent = scriptPercent
        self.firstLanguage = firstLanguage
        self.otherLanguages = otherLanguages
        self.homePhones = homePhones
        self.patronymic = patronymic
    }

    /// Populations weighted by their share.
    static let weighted = DemoWeighted(all.map { ($0, $0.weight) })

    /// The center's visitors as its reports describe them: Moroccans, West and Central Africans,
    /// and refugees from Syria, Yemen, Sudan and Eritrea. Weights add up to 1,000.
    static let all: [DemoPopulation] = [
        DemoPopulation(
            "MA", weight: 150, malePercent: 45, familyPercent: 6,
            statuses: [.moroccanNational: 1],
            names: DemoNames(
                male: ["Youssef", "Mohamed", "Hamza", "Ayoub", "Mehdi", "Omar", "Anas", "Othmane", "Amine", "Karim",
                       "Rachid", "Hicham", "Abdelilah", "Saïd", "Zakaria", "Ismail", "Khalid", "Soufiane"],
                female: ["Fatima Zahra", "Khadija", "Salma", "Meryem", "Imane", "Hajar", "Nadia", "Zineb", "Houda",
                         "Sanae", "Asmae", "Ghizlane", "Loubna", "Samira", "Naïma", "Kawtar"],
                family: ["El Amrani", "Benali", "Ouahbi", "Alaoui", "El Idrissi", "Bennani", "Tazi", "Berrada",
                         "Chraibi", "El Fassi", "Bouzid", "Lahlou", "El Mansouri", "Zerouali", "Benjelloun",
                         "Ouazzani", "Ait Lahcen", "Amzil", "Oukhouya", "Boukhari"]),
            scriptNames: DemoNames(
                male: ["يوسف", "محمد", "حمزة", "أيوب", "المهدي", "عمر", "أنس", "عثمان", "أمين", "كريم", "رشيد",
                       "هشام", "عبد الإله", "سعيد", "زكرياء", "إسماعيل", "خالد", "سفيان"],
                female: ["فاطمة الزهراء", "خديجة", "سلمى", "مريم", "إيمان", "هاجر", "نادية", "زينب", "هدى", "سناء",
                         "أسماء", "غزلان", "لبنى", "سميرة", "نعيمة", "كوثر"],
                family: ["العمراني", "بنعلي", "وهبي", "العلوي", "الإدريسي", "بناني", "التازي", "برادة", "الشرايبي",
                         "الفاسي", "بوزيد", "لحلو", "المنصوري", "الزروالي", "بنجلون", "الوزاني", "المهاجر"]),
            scriptPercent: 35,
            firstLanguage: ["ary": 85, "shi": 6, "rif": 5, "tzm": 4],
            otherLanguages: ["ary": 100, "ar": 65, "fr": 60, "es": 10, "en": 15, "zgh": 5, "xms": 1],
            homePhones: []),
        DemoPopulation(
            "GN", weight: 140, malePercent: 72, minorPercent: 6, familyPercent: 4,
            statuses: [.migrant: 55, .asylumSeeker: 35, .refugee: 8, .other: 2],
            names: DemoNames(
                male: ["Mamadou", "Ibrahima", "Alpha", "Ousmane", "Abdoulaye", "Thierno", "Amadou", "Sékou", "Mohamed",
                       "Boubacar", "Alseny", "Mamadou Saliou", "Lansana", "Mamadou Aliou", "Souleymane"],
                female: ["Aïssatou", "Fatoumata", "Mariama", "Kadiatou", "Hadja", "Fatoumata Binta", "Ramatoulaye",
                         "Djénabou", "Aminata", "M'Balia", "Hawa", "Kadiatou Bella", "Oumou"],
                family: ["Diallo", "Bah", "Barry", "Camara", "Sow", "Soumah", "Condé", "Sylla", "Baldé", "Touré",
                         "Keïta", "Bangoura", "Cissé", "Kourouma", "Doumbouya", "Kaba", "Fofana"]),
            firstLanguage: ["ff": 55, "sus": 25, "emk": 15, "kss": 5],
            otherLanguages: ["fr": 85, "sus": 15, "ff": 10, "en": 5],
            homePhones: ["+224 6## ## ## ##"]),
        DemoPopulation(
            "CI", weight: 110, malePercent: 58, minorPercent: 3, familyPercent: 8,
            statuses: [.migrant: 60, .asylumSeeker: 28, .refugee: 8, .other: 4],
            names: DemoNames(
                male: ["Kouassi", "Yao", "Koffi", "Kouamé", "Konan", "Ange", "Serge", "Didier", "Jean-Marc", "Bakary",
                       "Lassina", "Seydou", "Arsène", "Franck"],
                female: ["Adjoua", "Affoué", "Akissi", "Amenan", "Aya", "Ahou", "Mariam", "Awa", "Bintou", "Fanta",
                         "Christelle", "Estelle", "Prisca", "Grâce"],
                family: ["Koné", "Kouadio", "Ouattara", "Traoré", "Yao", "N'Guessan", "Konan", "Kouamé", "Bamba",
                         "Soro", "Coulibaly", "Touré", "Yapi", "Aka", "Diomandé", "Dosso", "Kouassi", "Fofana"]),
            firstLanguage: ["fr": 60, "dyu": 30, "bci": 10],
            otherLanguages: ["fr": 100, "dyu": 35, "bci": 15, "en": 10],
            homePhones: ["+225 07 ## ## ## ##", "+225 05 ## ## ## ##", "+225 01 ## ## ## ##"]),
        DemoPopulation(
            "CM", weight: 75, malePercent: 62, familyPercent: 8,
            statuses: [.migrant: 55, .asylumSeeker: 33, .refugee: 10, .other: 2],
            names: DemoNames(
                male: ["Jean-Paul", "Serge", "Franck", "Boris", "Hervé", "Landry", "Arnaud", "Yannick", "Junior",
                       "Rodrigue", "Brice", "Ibrahim", "Cédric", "Steve"],
                female: ["Christelle", "Sandrine", "Laure", "Brenda", "Carine", "Mireille", "Nadège", "Rosine",
                         "Vanessa", "Aïcha", "Ornella", "Murielle", "Gaëlle"],
                family: ["Mbarga", "Fotso", "Tchoupo", "Ngono", "Atangana", "Essomba", "Nkoulou", "Ewane", "Kamga",
                         "Tchakounté", "Ngassa", "Onana", "Abena", "Djoumessi", "Talla", "Njoya", "Manga", "Owona",
                         "Tchinda"]),
            firstLanguage: ["fr": 100],
            otherLanguages: ["ewo": 20, "bas": 12, "dua": 12, "en": 25, "wes": 10],
            homePhones: ["+237 6## ## ## ##"]),
        DemoPopulation(
            "CM", weight: 15, malePercent: 60, familyPercent: 8,
            statuses: [.asylumSeeker: 50, .refugee: 25, .migrant: 25],
            names: DemoNames(
                male: ["Emmanuel", "Divine", "Godlove", "Clinton", "Kingsley", "Terence", "Bertrand", "Collins"],
                female: ["Blessing", "Comfort", "Glory", "Quinta", "Mercy", "Delphine", "Brenda", "Precious"],
                family: ["Ngwa", "Tanyi", "Fon", "Nkwenti", "Ayuk", "Tabi", "Mbah", "Fomba", "Che", "Ndifor",
                         "Nji", "Akwa"]),
            firstLanguage: ["en": 100],
            otherLanguages: ["wes": 60, "fr": 50],
            homePhones: ["+237 6## ## ## ##"]),
        DemoPopulation(
            "SN", weight: 70, malePercent: 70, familyPercent: 4,
            statuses: [.migrant: 78, .asylumSeeker: 10, .other: 12],
            names: DemoNames(
                male: ["Moussa", "Cheikh", "Mamadou", "Abdoulaye", "Ousmane", "Modou", "Babacar", "Ibrahima", "Pape",
                       "Serigne", "Aliou", "Lamine", "Mouhamed", "Assane"],
                female: ["Aminata", "Fatou", "Awa", "Khady", "Ndèye", "Mariama", "Adama", "Coumba", "Astou", "Rokhaya",
                         "Sokhna", "Aïda", "Ndèye Fatou", "Mame Diarra"],
                family: ["Ndiaye", "Diop", "Fall", "Sarr", "Sow", "Gueye", "Faye", "Ba", "Mbaye", "Ndour", "Seck",
                         "Diouf", "Thiam", "Cissé", "Niang", "Sy", "Diallo", "Diagne"]),
            firstLanguage: ["wo": 75, "ff": 12, "srr": 8, "dyo": 5],
            otherLanguages: ["fr": 75, "wo": 90, "ar": 8, "en": 8],
            homePhones: ["+221 77 ### ## ##", "+221 78 ### ## ##", "+221 76 ### ## ##"]),
        DemoPopulation(
            "ML", weight: 70, malePercent: 78, minorPercent: 5, familyPercent: 4,
            statuses: [.migrant: 55, .asylumSeeker: 35, .refugee: 8, .other: 2],
            names: DemoNames(
                male: ["Oumar", "Moussa", "Bakary", "Seydou", "Mamadou", "Drissa", "Souleymane", "Adama", "Boubacar",
                       "Modibo", "Yacouba", "Issa", "Sidiki", "Lassana"],
                female: ["Kadiatou", "Aminata", "Fatoumata", "Oumou", "Mariam", "Assitan", "Rokia", "Djénéba", "Hawa",
                         "Salimata", "Nana", "Kadidia"],
                family: ["Keïta", "Coulibaly", "Diarra", "Traoré", "Koné", "Sissoko", "Konaté", "Dembélé", "Sangaré",
                         "Touré", "Maïga", "Diakité", "Doumbia", "Sidibé", "Kanté", "Camara"]),
            firstLanguage: ["bm": 75, "snk": 10, "ff": 8, "tmh": 4, "mnk": 3],
            otherLanguages: ["fr": 70, "bm": 90, "ar": 5],
            homePhones: ["+223 7# ## ## ##", "+223 6# ## ## ##"]),
        DemoPopulation(
            "CD", weight: 60, malePercent: 50, familyPercent: 12,
            statuses: [.asylumSeeker: 45, .refugee: 30, .migrant: 25],
            names: DemoNames(
                male: ["Glody", "Merveille", "Christian", "Patrick", "Jonathan", "Héritier", "Exaucé", "Dieudonné",
                       "Fiston", "Junior", "Trésor", "Blaise", "Bienvenu"],
                female: ["Grâce", "Merveille", "Nathalie", "Esther", "Divine", "Gloire", "Rachel", "Sarah", "Falonne",
                         "Bénie", "Mamie", "Ruth", "Dorcas"],
                family: ["Mbuyi", "Kabila", "Ilunga", "Nsimba", "Kabongo", "Tshibanda", "Mukendi", "Kalonji", "Lukusa",
                         "Mulumba", "Ngoy", "Kasongo", "Banza", "Mutombo", "Kapinga", "Lumbala", "Mbala"]),
            firstLanguage: ["ln": 70, "fr": 15, "sw": 10, "lua": 5],
            otherLanguages: ["fr": 95, "ln": 85, "sw": 15, "lua": 12, "kg": 12, "en": 10],
            homePhones: ["+243 8# ### ####", "+243 9# ### ####"]),
        DemoPopulation(
            "CG", weight: 30, malePercent: 55, familyPercent: 10,
            statuses: [.migrant: 50, .asylumSeeker: 35, .refugee: 15],
            names: DemoNames(
                male: ["Christ", "Prince", "Arsène", "Rodrigue", "Chancel", "Dieu-Merci", "Brice", "Juvénal",
                       "Guy-Roger", "Exaucé"],
                female: ["Grâce", "Merveille", "Chancelvie", "Prisca", "Ornella", "Gloria", "Divine", "Bénie",
                         "Rolande", "Josiane"],
                family: ["Nsimba", "Mabiala", "Makosso", "Moukala", "Massamba", "Ngoma", "Loemba", "Mavoungou",
                         "Kimbembe", "Bouanga", "Malonga", "Samba", "Okemba", "Ibara", "Itoua", "Ngatsé"]),
            firstLanguage: ["ln": 60, "fr": 25, "kg": 15],
            otherLanguages: ["fr": 95, "ln": 80, "kg": 30],
            homePhones: ["+242 06 ### ####"]),
        DemoPopulation(
            "NG", weight: 22, malePercent: 58, familyPercent: 6,
            statuses: [.migrant: 72, .asylumSeeker: 22, .other: 6],
            names: DemoNames(
                male: ["Chinedu", "Emeka", "Chukwuemeka", "Obinna", "Ikenna", "Kelechi", "Uchenna", "Nnamdi", "Chidi",
                       "Ifeanyi"],
                female: ["Chioma", "Ngozi", "Adaeze", "Blessing", "Chiamaka", "Nkechi", "Ifeoma", "Amarachi",
                         "Precious", "Favour"],
                family: ["Okafor", "Okonkwo", "Eze", "Nwosu", "Obi", "Okoro", "Ibekwe", "Nwachukwu", "Okeke", "Onuoha",
                         "Chukwu", "Anyanwu", "Ugwu", "Nnadi"]),
            firstLanguage: ["ig": 70, "en": 30],
            otherLanguages: ["en": 100, "ig": 80, "pcm": 40],
            homePhones: ["+234 80# ### ####", "+234 70# ### ####", "+234 81# ### ####"]),
        DemoPopulation(
            "NG", weight: 18, malePercent: 55, familyPercent: 6,
            statuses: [.migrant: 72, .asylumSeeker: 22, .other: 6],
            names: DemoNames(
                male: ["Oluwaseun", "Tunde", "Femi", "Segun", "Kunle", "Tobi", "Damilola", "Ayodele", "Olumide",
                       "Babatunde"],
                female: ["Funmilayo", "Folake", "Yetunde", "Bisola", "Temitope", "Adunni", "Omolara", "Titilayo",
                         "Blessing", "Esther"],
                family: ["Adeyemi", "Adebayo", "Ogunleye", "Balogun", "Afolabi", "Oladipo", "Akinola", "Olawale",
                         "Ogunbanjo", "Adewale", "Oyelaran", "Ogundipe"]),
            firstLanguage: ["yo": 70, "en": 30],
            otherLanguages: ["en": 100, "yo": 80, "pcm": 40],
            homePhones: ["+234 80# ### ####", "+234 70# ### ####", "+234 81# ### ####"]),
        DemoPopulation(
            "NG", weight: 10, malePercent: 70, familyPercent: 6,
            statuses: [.migrant: 65, .asylumSeeker: 30, .other: 5],
            names: DemoNames(
                male: ["Musa", "Ibrahim", "Abubakar", "Usman", "Sani", "Aliyu", "Bashir", "Yusuf", "Nasiru",
                       "Abdullahi"],
                female: ["Aisha", "Amina", "Hauwa", "Zainab", "Fatima", "Hadiza", "Maryam", "Halima", "Rukayya",
                         "Saadatu"],
                family: ["Bello", "Abubakar", "Danjuma", "Mohammed", "Suleiman", "Garba", "Lawal", "Yakubu", "Umar",
                         "Aminu", "Shehu", "Idris"]),
            firstLanguage: ["ha": 85, "en": 15],
            otherLanguages: ["en": 80, "ha": 90, "ar": 10, "pcm": 20],
            homePhones: ["+234 80# ### ####", "+234 70# ### ####"]),
        DemoPopulation(
            "SY", weight: 90, malePercent: 52, familyPercent: 18,
            statuses: [.refugee: 75, .asylumSeeker: 20, .other: 5],
            names: DemoNames(
                male: ["Rami", "Omar", "Mohammad", "Ahmad", "Khaled", "Fadi", "Ammar", "Bassel", "Mahmoud", "Hussam",
                       "Tarek", "Yazan"],
                female: ["Lina", "Rania", "Hiba", "Nour", "Rasha", "Dima", "Reem", "Fatima", "Amal", "Sawsan", "Lama",
                         "Yara"],
                family: ["Al-Hassan", "Haddad", "Khoury", "Al-Ahmad", "Al-Khatib", "Darwish", "Al-Masri", "Al-Halabi",
                         "Kassab", "Al-Shami", "Aboud", "Sabbagh", "Hamwi"]),
            scriptNames: DemoNames(
                male: ["رامي", "عمر", "محمد", "أحمد", "خالد", "فادي", "عمار", "باسل", "محمود", "حسام", "طارق", "يزن"],
                female: ["لينا", "رانيا", "هبة", "نور", "رشا", "ديما", "ريم", "فاطمة", "أمل", "سوسن", "لمى", "يارا"],
                family: ["الحسن", "حداد", "خوري", "الأحمد", "الخطيب", "درويش", "المصري", "الحلبي", "قصاب", "الشامي",
                         "عبود", "الصباغ", "الحموي"]),
            scriptPercent: 80,
            firstLanguage: ["ar": 92, "ku": 8],
            otherLanguages: ["ar": 100, "en": 15, "fr": 8, "tr": 8],
            homePhones: ["+963 9## ### ###"]),
        DemoPopulation(
            "YE", weight: 40, malePercent: 65, familyPercent: 10,
            statuses: [.refugee: 45, .asylumSeeker: 40, .other: 15],
            names: DemoNames(
                male: ["Abdullah", "Mohammed", "Ali", "Saleh", "Abdulrahman", "Fahd", "Hamza", "Nabil", "Ammar",
                       "Waleed", "Majed", "Mansour"],
                female: ["Amal", "Fatima", "Sumaya", "Arwa", "Bushra", "Huda", "Mariam", "Asma", "Nada", "Shaima",
                         "Afrah", "Ibtisam"],
                family: ["Al-Hakimi", "Al-Sharabi", "Al-Absi", "Al-Adeni", "Al-Maqtari", "Al-Hadrami", "Al-Yafei",
                         "Al-Ansi", "Al-Qadhi", "Al-Eryani", "Bawazir", "Al-Sanabani"]),
            scriptNames: DemoNames(
                male: ["عبد الله", "محمد", "علي", "صالح", "عبد الرحمن", "فهد", "حمزة", "نبيل", "عمار", "وليد", "ماجد",
                       "منصور"],
                female: ["أمل", "فاطمة", "سمية", "أروى", "بشرى", "هدى", "مريم", "أسماء", "ندى", "شيماء", "أفراح",
                         "ابتسام"],
                family: ["الحكيمي", "الشرعبي", "العبسي", "العدني", "المقطري", "الحضرمي", "اليافعي", "العنسي", "القاضي",
                         "الإرياني", "باوزير", "الصنعاني"]),
            scriptPercent: 80,
            firstLanguage: ["ar": 1],
            otherLanguages: ["en": 30, "fr": 5],
            homePhones: ["+967 7## ### ###"]),
        DemoPopulation(
            "SD", weight: 80, malePercent: 70, familyPercent: 10,
            statuses: [.refugee: 55, .asylumSeeker: 40, .migrant: 5],
            names: DemoNames(
                male: ["Mohamed", "Ahmed", "Osman", "Abdelrahman", "Mustafa", "Hassan", "Elsadig", "Mohanad", "Musab",
                       "Omer", "Yousif", "Adam", "Ibrahim"],
                female: ["Fatima", "Amna", "Hawa", "Sara", "Mawahib", "Rayan", "Tasneem", "Safaa", "Eman", "Nusiba",
                         "Halima", "Zainab"],
                family: ["Abdalla", "Osman", "Elamin", "Ibrahim", "Elhassan", "Adam", "Ishag", "Babiker", "Elsheikh",
                         "Abakar", "Yagoub", "Abdelgadir", "Suleiman", "Mahjoub", "Eltayeb", "Hamid"]),
            scriptNames: DemoNames(
                male: ["محمد", "أحمد", "عثمان", "عبد الرحمن", "مصطفى", "حسن", "الصادق", "مهند", "مصعب", "عمر", "يوسف",
                       "آدم", "إبراهيم"],
                female: ["فاطمة", "آمنة", "حواء", "سارة", "مواهب", "ريان", "تسنيم", "صفاء", "إيمان", "نسيبة", "حليمة",
                         "زينب"],
                family: ["عبد الله", "عثمان", "الأمين", "إبراهيم", "الحسن", "آدم", "إسحاق", "بابكر", "الشيخ", "أبكر",
                         "يعقوب", "عبد القادر", "سليمان", "محجوب", "الطيب", "حامد"]),
            scriptPercent: 75,
            firstLanguage: ["ar": 1],
            otherLanguages: ["en": 30],
            homePhones: ["+249 9## ### ###"]),
        DemoPopulation(
            "ER", weight: 20, malePercent: 60, familyPercent: 8,
            statuses: [.refugee: 70, .asylumSeeker: 30],
            names: DemoNames(
                male: ["Yonas", "Samuel", "Dawit", "Filmon", "Yohannes", "Mehari", "Habtom", "Kibrom", "Senay", "Biniam",
                       "Tekle"],
                female: ["Samrawit", "Helen", "Selam", "Senait", "Luwam", "Ruta", "Mebrat", "Saba", "Hiwet", "Winta",
                         "Feven", "Yordanos"],
                family: ["Tesfay", "Gebremedhin", "Tekle", "Haile", "Berhe", "Kidane", "Ghebreyesus", "Woldemichael",
                         "Asmerom", "Mehari", "Habte", "Andemariam"]),
            scriptNames: DemoNames(
                male: ["ዮናስ", "ሳሙኤል", "ዳዊት", "ፍሊሞን", "ዮሃንስ", "መሓሪ", "ሃብቶም", "ክብሮም", "ሰናይ", "ብንያም", "ተኽለ"],
                female: ["ሳምራዊት", "ሄለን", "ሰላም", "ሰናይት", "ሉዋም", "ሩታ", "መብራት", "ሳባ", "ሕይወት", "ዊንታ", "ፌቨን", "ዮርዳኖስ"],
                family: ["ተስፋይ", "ገብረመድህን", "ተኽለ", "ሃይለ", "በርሀ", "ኪዳነ", "ገብረየሱስ", "ወልደሚካኤል", "ኣስመሮም", "መሓሪ",
                         "ሃብተ", "ዓንደማርያም"]),
            scriptPercent: 45,
            firstLanguage: ["ti": 85, "tig": 15],
            otherLanguages: ["ar": 45, "en": 35, "am": 20],
            homePhones: ["+291 7 ### ###"],
            patronymic: true),
    ]
}
