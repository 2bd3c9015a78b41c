//! Word banks the generator draws from. Wide banks with slots every few words keep 5-word
//! shingles of unrelated reports mostly distinct, as in real reporting, while the recurring frames
//! ("at a press briefing on") give the common-shingle noise that real corpora have.

pub struct Country {
    pub name: &'static str,
    pub adjective: &'static str,
    pub capital: &'static str,
}

pub const COUNTRIES: &[Country] = &[
    Country { name: "Pakistan", adjective: "Pakistani", capital: "Islamabad" },
    Country { name: "Afghanistan", adjective: "Afghan", capital: "Kabul" },
    Country { name: "India", adjective: "Indian", capital: "New Delhi" },
    Country { name: "Iran", adjective: "Iranian", capital: "Tehran" },
    Country { name: "China", adjective: "Chinese", capital: "Beijing" },
    Country { name: "Saudi Arabia", adjective: "Saudi", capital: "Riyadh" },
    Country { name: "Bangladesh", adjective: "Bangladeshi", capital: "Dhaka" },
    Country { name: "Sri Lanka", adjective: "Sri Lankan", capital: "Colombo" },
    Country { name: "Turkey", adjective: "Turkish", capital: "Ankara" },
    Country { name: "Qatar", adjective: "Qatari", capital: "Doha" },
    Country { name: "Israel", adjective: "Israeli", capital: "Jerusalem" },
    Country { name: "Uzbekistan", adjective: "Uzbek", capital: "Tashkent" },
];

pub const FIRST_NAMES: &[(&str, &str)] = &[
    ("Matthew", "he"), ("Vedant", "he"), ("Karine", "she"), ("John", "he"), ("Tahir", "he"),
    ("Mumtaz", "she"), ("Zahra", "she"), ("Daniel", "he"), ("Sarah", "she"), ("Omar", "he"),
    ("Ayesha", "she"), ("Farhan", "he"), ("Nadia", "she"), ("Hina", "she"), ("Bilal", "he"),
    ("Rachel", "she"), ("David", "he"), ("Emily", "she"), ("Khalid", "he"), ("Sana", "she"),
    ("Rehan", "he"), ("Laura", "she"), ("Peter", "he"), ("Maria", "she"), ("James", "he"),
    ("Shireen", "she"), ("Kamran", "he"), ("Noor", "she"), ("Adeel", "he"), ("Helen", "she"),
];

pub const LAST_NAMES: &[&str] = &[
    "Miller", "Patel", "Carter", "Kirby", "Andrabi", "Baloch", "Hussain", "Qureshi", "Whitman",
    "Rahman", "Siddiqui", "Durrani", "Ellison", "Mirza", "Chaudhry", "Fletcher", "Haider",
    "Malik", "Brennan", "Shah", "Lodhi", "Ansari", "Greer", "Nasir", "Okafor", "Turner", "Iqbal",
    "Sherwood", "Abbasi", "Wexler", "Kazmi", "Forsythe", "Rizvi", "Lindqvist", "Bokhari",
];

/// (role, the speaker's country index in COUNTRIES or None for the US, dateline city)
pub const ROLES: &[(&str, Option<usize>, &str)] = &[
    ("US State Department spokesperson", None, "WASHINGTON"),
    ("State Department deputy spokesperson", None, "WASHINGTON"),
    ("White House national security spokesperson", None, "WASHINGTON"),
    ("Pentagon press secretary", None, "WASHINGTON"),
    ("Foreign Office spokesperson", Some(0), "ISLAMABAD"),
    ("Ministry of External Affairs spokesperson", Some(2), "NEW DELHI"),
    ("Afghan interim government spokesperson", Some(1), "KABUL"),
    ("Iranian foreign ministry spokesperson", Some(3), "TEHRAN"),
];

pub const EXTRA_DATELINES: &[&str] = &["ISLAMABAD", "KARACHI", "LAHORE", "PESHAWAR", "QUETTA", "WASHINGTON", "NEW YORK", "DUBAI"];

pub const OFFICIAL_TITLES: &[&str] = &[
    "Defence Minister", "Foreign Minister", "Interior Minister", "Deputy Prime Minister",
    "Finance Minister", "Information Minister", "National Security Adviser", "Ambassador",
    "Senate Majority Leader", "opposition leader", "Chief Minister", "army spokesman",
];

pub struct Topic {
    pub heading: &'static str,
    pub nouns: &'static [&'static str],
    pub orgs: &'static [&'static str],
    pub incidents: &'static [&'static str],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        heading: "Terrorism",
        nouns: &["militant attacks", "cross-border raids", "counterterrorism cooperation", "the security situation in the border regions", "attacks on security forces", "militant sanctuaries", "intelligence sharing", "the surge in violence", "suicide bombings", "threats to regional security", "the fight against terrorism", "checkpoints along the frontier"],
        orgs: &["the Tehreek-e-Taliban Pakistan (TTP)", "the Islamic State Khorasan Province", "the Balochistan Liberation Army", "al-Qaeda affiliates", "the Afghan Taliban"],
        incidents: &["attacks", "bombings", "ambushes", "raids", "killings"],
    },
    Topic {
        heading: "Elections",
        nouns: &["the February elections", "allegations of rigging", "the formation of the new government", "the vote count", "electoral reforms", "the caretaker set-up", "the results in several constituencies", "the reserved seats dispute", "the right to contest polls", "the transfer of power"],
        orgs: &["the Election Commission", "the Pakistan Tehreek-e-Insaf (PTI)", "the Pakistan Muslim League-Nawaz", "independent observers", "the Supreme Court"],
        incidents: &["petitions", "recounts", "complaints", "by-elections", "rallies"],
    },
    Topic {
        heading: "Human rights",
        nouns: &["the safety of detained politicians", "the right to peaceful assembly", "the treatment of prisoners", "press freedom", "enforced disappearances", "trials of civilians in military courts", "the crackdown on protesters", "due process for detainees", "the arrest of journalists", "blasphemy cases"],
        orgs: &["Amnesty International", "Human Rights Watch", "the UN rights office", "the Human Rights Commission", "the Committee to Protect Journalists"],
        incidents: &["arrests", "detentions", "trials", "protests", "raids"],
    },
    Topic {
        heading: "Refugees",
        nouns: &["the resettlement of Afghan refugees", "security screening for refugees", "deportations of undocumented migrants", "non-return advisories", "visa processing backlogs", "the repatriation drive", "camps near the border crossing", "registration cards for migrants"],
        orgs: &["the UNHCR", "the International Organization for Migration", "the resettlement office", "aid agencies"],
        incidents: &["deportations", "arrivals", "returns", "evictions", "interviews"],
    },
    Topic {
        heading: "Economy and energy",
        nouns: &["the gas pipeline project", "the IMF programme", "energy shortages", "debt restructuring", "power tariffs", "foreign investment", "the budget deficit", "trade barriers", "the circular debt", "solar power imports", "the currency reserves"],
        orgs: &["the International Monetary Fund", "the World Bank", "the Asian Development Bank", "the energy ministry", "private investors"],
        incidents: &["loan tranches", "price hikes", "power outages", "fuel shipments", "tariff revisions"],
    },
    Topic {
        heading: "Gaza war",
        nouns: &["the humanitarian situation in Gaza", "ceasefire negotiations", "the release of hostages", "aid deliveries", "civilian casualties", "a two-state solution", "the rise in antisemitism", "anti-Muslim hatred", "the reconstruction of Gaza"],
        orgs: &["the UN Security Council", "UNRWA", "Egyptian mediators", "the Palestinian Authority", "aid convoys"],
        incidents: &["airstrikes", "truce proposals", "aid convoys", "evacuations", "casualties"],
    },
    Topic {
        heading: "Iran",
        nouns: &["sanctions on Tehran", "the nuclear talks", "drone strikes on the border", "the border markets", "tensions with Tehran", "oil smuggling", "the shipping lanes in the Gulf"],
        orgs: &["the IAEA", "the Revolutionary Guards", "the Treasury Department", "Gulf states"],
        incidents: &["strikes", "seizures", "sanctions designations", "missile tests", "border incidents"],
    },
    Topic {
        heading: "India",
        nouns: &["the Line of Control", "the Indus Waters Treaty", "ceasefire violations", "flight clearances", "bilateral trade", "the Kashmir dispute", "visa restrictions", "water sharing"],
        orgs: &["the Indian army", "the Permanent Indus Commission", "the Ministry of External Affairs", "the Kartarpur corridor authority"],
        incidents: &["violations", "expulsions", "skirmishes", "closures", "flights"],
    },
    Topic {
        heading: "Surveillance",
        nouns: &["spyware sold to governments", "internet shutdowns", "the firewall trial", "surveillance of journalists", "data protection rules", "the blocking of social media", "phone hacking claims"],
        orgs: &["the telecom authority", "Amnesty's Security Lab", "digital rights groups", "the cybercrime wing"],
        incidents: &["shutdowns", "hacks", "blockades", "leaks", "outages"],
    },
    Topic {
        heading: "Floods and climate",
        nouns: &["flood relief", "climate finance", "reconstruction after the floods", "heatwave preparedness", "glacial lake outbursts", "relief flights", "the loss and damage fund"],
        orgs: &["the disaster management authority", "the Red Crescent", "the World Food Programme", "donor countries"],
        incidents: &["floods", "landslides", "heatwaves", "relief flights", "evacuations"],
    },
];

pub const SPEECH_VERBS: &[&str] = &["said", "stressed", "noted", "reiterated", "acknowledged", "warned", "insisted", "argued", "confirmed", "maintained", "pointed out", "made clear", "underlined", "told reporters", "remarked", "conceded"];
pub const SUBJECTS: &[&str] = &["the government", "both countries", "the two nations", "Washington", "the administration", "regional partners", "the international community", "the authorities", "the cabinet", "the military leadership", "diplomats", "the embassy"];
pub const MODALS: &[&str] = &["would continue to", "had decided to", "needed to", "was prepared to", "could not", "planned to", "was expected to", "had agreed to", "would not", "must", "was trying to", "hoped to", "had been asked to", "intended to"];
pub const VERBS: &[&str] = &["address", "review", "support", "oppose", "strengthen", "examine", "expand", "resolve", "monitor", "discuss", "finance", "reconsider", "pursue", "limit", "restore", "investigate", "prioritise", "condemn", "delay", "clarify"];
pub const TAILS: &[&str] = &["in the coming weeks", "without further delay", "at the earliest", "before the end of the year", "through diplomatic channels", "in close consultation with allies", "on a priority basis", "within the framework of international law", "as soon as possible", "despite repeated requests", "after a series of meetings", "according to officials familiar with the matter"];
pub const TIMES: &[&str] = &["last month", "earlier this year", "in recent weeks", "since August 2021", "over the past decade", "last week", "since the start of the year", "two years ago", "in the spring", "after the elections"];
pub const ADJECTIVES: &[&str] = &["consistent", "unchanged", "clear", "firm", "well known", "principled", "longstanding", "straightforward"];
pub const PARTIES: &[&str] = &["our embassy", "the Pakistani authorities", "the courts", "our colleagues at the Pentagon", "the Treasury Department", "the White House", "the government in question", "our ambassador"];
pub const VENUES: &[&str] = &["regular media briefing", "press briefing", "weekly briefing", "news conference", "daily press briefing", "briefing in Washington"];
pub const QUESTION_FRAMES: &[&str] = &["was asked about", "was questioned on", "responded to a question about", "declined to comment on", "was pressed on", "fielded questions on"];
pub const OUTLETS: &[&str] = &["The Frontier Ledger", "Capital Dispatch", "Daily Meridian", "Indus Observer", "Crescent Wire", "Northern Tribune", "Harbour Times", "Pak Monitor", "Asia Desk Online", "Global Briefing Post", "The Morning Current", "Valley Herald"];
pub const KICKERS: &[&str] = &["In World", "In Pakistan", "POLITICS & POLICY MAKING", "NATIONAL", "WORLD", "In Diplomacy", "SECURITY", "In Region"];

/// Word swaps a copy-editor makes when rewriting a wire story (outside quotes only).
pub const SYNONYMS: &[(&str, &str)] = &[
    ("said", "stated"), ("told", "informed"), ("stressed", "emphasised"), ("reiterated", "repeated"),
    ("government", "administration"), ("country", "nation"), ("support", "backing"),
    ("attacks", "strikes"), ("officials", "authorities"), ("noted", "observed"), ("asked", "questioned"),
    ("continue", "keep"), ("talks", "discussions"), ("meeting", "session"), ("also", "further"),
    ("the", "this"), ("would", "will"), ("had", "has"), ("about", "regarding"), ("after", "following"),
    ("both", "the two"), ("needed", "had"), ("warned", "cautioned"), ("confirmed", "affirmed"),
    ("review", "reassess"), ("address", "tackle"), ("discuss", "talk over"), ("expand", "widen"),
];

pub const QUOTE_OPENERS: &[&str] = &["we must", "we will", "we should", "nobody should", "we cannot", "they must", "we would", "I would", "we intend to", "we want to", "we hope to", "let us", "we plan to", "we need to", "they should", "everyone should", "we will not", "we may", "both sides must", "we are ready to"];
pub const QUOTE_ADJECTIVES: &[&str] = &["every", "any", "real", "lasting", "urgent", "serious", "legitimate", "genuine", "renewed", "sustained", "practical", "broader", "regional", "shared", "immediate", "long-term", "meaningful", "credible", "peaceful", "open", "careful", "honest", "early", "quiet", "full", "fair", "steady", "complete", "direct", "public", "basic", "durable", "firm", "practical", "measured", "decisive", "joint", "independent", "transparent", "balanced"];
pub const CONNECTORS: &[&str] = &["because of", "despite", "alongside", "without", "in light of", "ahead of", "while respecting", "as part of", "regardless of", "in addition to", "instead of", "through", "against", "beyond", "amid", "after"];
