"""Build the labelled linking set (mentions.jsonl, articles.jsonl, events.jsonl, outlets.tsv) from the
hand-written scenarios below. Every sentence was written for this set; the coding of each mention
(actors, CAMEO code, modality, attribution, date interval, place) and its gold event were assigned by
hand. Rerun after editing: ``python evaluation/linking/build.py`` (deterministic).

Scenario tuple of a mention: (event, source, target, code, modality, relation, by, dates, place, sentence).
``dates`` is ``YYYY-MM-DD`` or ``start/end``; ``place`` a key of PLACES or None; ``by`` the speaker's code
for ``third_party`` and ``self`` attributions.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

OUTLETS = [  # outlet, country, state-affiliated, wire, note (the store's outlet registry shape)
    ("Atlas Wire", "", False, True, "international wire service; copy runs in Warsaw Morning and Thames Chronicle"),
    ("Eurasia Newswire", "", False, True, "international wire service; copy runs in Danube Times"),
    ("Moskva Telegraph Agency", "RUS", True, True, "Russian state news agency"),
    ("Formosa National Wire", "TWN", True, True, "Taiwanese state news agency"),
    ("Dnipro National News", "UKR", True, False, "Ukrainian public broadcaster's news service"),
    ("Caspian State Television", "AZE", True, False, "Azerbaijani state television"),
    ("Beijing Evening Broadcast", "CHN", True, False, "Chinese state broadcaster"),
    ("Kharkiv Daily", "UKR", False, False, "independent Ukrainian daily"),
    ("Yerevan Herald", "ARM", False, False, "independent Armenian daily"),
    ("Nile Valley Observer", "SDN", False, False, "independent Sudanese news site"),
    ("Rhine Gazette", "DEU", False, False, "independent German daily"),
    ("Thames Chronicle", "GBR", False, False, "independent British daily; also runs Atlas Wire copy"),
    ("Warsaw Morning", "POL", False, False, "independent Polish daily; also runs Atlas Wire copy"),
    ("Danube Times", "AUT", False, False, "independent Austrian daily; also runs Eurasia Newswire copy"),
    ("Global Monitor", "", False, False, "independent international newspaper"),
    ("Deccan Courier", "IND", False, False, "independent Indian daily"),
    ("Lahore Ledger", "PAK", False, False, "independent Pakistani daily"),
    ("Bharat Public Radio", "IND", True, False, "Indian public broadcaster's news service"),
]

PLACES = {  # name: (country, admin1, precision)
    "Kostiantynivka": ("UKR", "UA-14", "city"), "Kramatorsk": ("UKR", "UA-14", "city"),
    "Donetsk region": ("UKR", "UA-14", "admin1"), "Zaporizhzhia": ("UKR", "UA-23", "city"),
    "Enerhodar": ("UKR", "UA-23", "city"), "Tokmak": ("UKR", "UA-23", "city"),
    "Vovchansk": ("UKR", "UA-63", "city"), "Kharkiv region": ("UKR", "UA-63", "admin1"),
    "Belgorod": ("RUS", "RU-BEL", "city"), "Kursk region": ("RUS", "RU-KRS", "admin1"),
    "Sotk": ("ARM", "AM-GR", "city"), "Kalbajar": ("AZE", "AZ-KAL", "admin1"),
    "Lachin road": ("AZE", "AZ-LAC", "admin1"), "Tavush": ("ARM", "AM-TV", "admin1"),
    "Yerevan": ("ARM", "AM-ER", "city"), "Gyumri": ("ARM", "AM-SH", "city"),
    "Taiwan": ("TWN", None, "country"), "Kinmen": ("TWN", "TW-KIN", "admin1"), "Penghu": ("TWN", "TW-PEN", "admin1"),
    "El Fasher": ("SDN", "SD-DN", "city"), "North Darfur": ("SDN", "SD-DN", "admin1"),
    "Omdurman": ("SDN", "SD-KH", "city"), "Sudan": ("SDN", None, "country"),
    "Kyiv": ("UKR", "UA-30", "city"), "Kupwara": ("IND", "IN-JK", "city"), "Poonch": ("IND", "IN-JK", "city"),
    "Jammu and Kashmir": ("IND", "IN-JK", "admin1"), "Neelum valley": ("PAK", "PK-JK", "admin1"),
    "Kartarpur": ("PAK", "PK-PB", "city"),
}

# gold events: id → (description, corroboration status or None, repeats, note)
EVENTS = {
    "L01": ("Russian artillery strike on the Kostiantynivka market, 4 Aug 2025", "confirmed", [], ""),
    "L02": ("Russian shelling of Kostiantynivka the next day, 5 Aug 2025", "confirmed", [], ""),
    "L03": ("Russian drone strike on a Zaporizhzhia substation, 5 Aug 2025", "confirmed", [], ""),
    "L04": ("Russian glide-bomb strike on a Kramatorsk apartment block, 5 Aug 2025", "confirmed", [], ""),
    "L05": ("Ukrainian drone strike on a Belgorod fuel depot, 6 Aug 2025", "confirmed", [], ""),
    "L06": ("Ukrainian drone strike on Belgorod the next day, 7 Aug 2025", "confirmed", [], ""),
    "L07": ("Russian air defences down Ukrainian drones over Kursk region (Russian claim only), 7 Aug 2025",
            "self_reported", [], ""),
    "L08": ("First Russian announcement of a pullback near Vovchansk, 10 Aug 2025; not carried out",
            "contradicted", [], ""),
    "L09": ("Second announcement of the Vovchansk pullback, 18 Aug 2025", "self_reported", ["L08"], ""),
    "L10": ("Third announcement of the Vovchansk pullback, 27 Aug 2025; carried out 29 Aug", "confirmed",
            ["L08", "L09"], ""),
    "L11": ("Russia releases 84 Ukrainian prisoners in an exchange, 14 Aug 2025", "confirmed", [], ""),
    "L12": ("Ukraine releases 84 Russian prisoners in the same exchange, 14 Aug 2025", "confirmed", [], ""),
    "L13": ("Alleged Ukrainian drone strike on Enerhodar, 20 Aug 2025 (Russian accusation, Ukrainian denial)",
            "confirmed", [], "contested: the only report of the act is the other party's accusation, which the "
            "documented rule counts as independent"),
    "L14": ("Ukrainian strike on a Russian ammunition depot near Tokmak, 20 Aug 2025", "confirmed", [], ""),
    "L15": ("Russian missile and drone attack on Kyiv overnight 23-24 Aug 2025", "confirmed", [], ""),
    "L16": ("Russian drone attack on Kyiv, 25 Aug 2025", "confirmed", [], ""),
    "L20": ("Azerbaijani fire on Armenian posts near Sotk, 2 Sep 2025 (Armenian accusation, Azerbaijani denial)",
            "confirmed", [], "contested: the other party's accusation counts as independent under the rule"),
    "L21": ("Armenian fire on Azerbaijani positions in Kalbajar, 2 Sep 2025 (Azerbaijani accusation)",
            "confirmed", [], "contested: the other party's accusation counts as independent under the rule"),
    "L22": ("Azerbaijan's promise to open the Lachin road to aid convoys on 6 Sep 2025; not kept",
            "contradicted", [], ""),
    "L23": ("Armenia's announced withdrawal of border guards from two Tavush villages, 8 Sep 2025",
            "not_yet_observed", [], ""),
    "L24": ("Azerbaijan's second promise to open the Lachin road, 15 Sep 2025; convoys pass 16 Sep",
            "confirmed", ["L22"], ""),
    "L25": ("Opposition rally in Yerevan, 10 Sep 2025", "confirmed", [], ""),
    "L26": ("Second-night opposition rally in Yerevan, 11 Sep 2025", "confirmed", [], ""),
    "L27": ("Opposition march in Gyumri, 10 Sep 2025", "confirmed", [], ""),
    "L30": ("Two-day Chinese military drills around Taiwan, 14-15 Oct 2025", "confirmed", [], ""),
    "L31": ("Fresh Chinese naval drills east of Taiwan, 22 Oct 2025", "confirmed", [], ""),
    "L32": ("Chinese coast guard detains a Taiwanese fishing crew near Kinmen, 22 Oct 2025", "confirmed", [], ""),
    "L33": ("Chinese coast guard seizes a Taiwanese trawler near Penghu, 22 Oct 2025", "confirmed", [], ""),
    "L34": ("Announced Chinese live-fire drills in the Taiwan Strait for 28 Oct 2025; none observed",
            "contradicted", [], ""),
    "L40": ("RSF shelling of El Fasher, 3 Nov 2025", "confirmed", [], ""),
    "L41": ("Sudanese army air strikes on RSF positions at El Fasher, 3 Nov 2025", "confirmed", [], ""),
    "L42": ("RSF drone strike on the Omdurman power station, 3 Nov 2025", "confirmed", [], ""),
    "L43": ("RSF shelling of El Fasher the next day, 4 Nov 2025", "confirmed", [], ""),
    "L44": ("RSF's announced three-day truce, 7-9 Nov 2025; not observed", "contradicted", [], ""),
    "L45": ("RSF's second truce announcement, 20 Nov 2025", "self_reported", ["L44"], ""),
    "L50": ("EU sanctions package against Russia adopted, 12 Nov 2025", "confirmed", [], ""),
    "L51": ("British sanctions on Russian oil traders, 12 Nov 2025", "confirmed", [], ""),
    "L52": ("EU Commission's announced further sanctions package for mid-December 2025", "self_reported", [], ""),
    "L60": ("Pakistani shelling of Indian posts near Kupwara, 1 Dec 2025", "confirmed", [], ""),
    "L61": ("Indian retaliatory fire into the Neelum valley, 1 Dec 2025", "confirmed", [], ""),
    "L62": ("Pakistani shelling near Poonch, 1 Dec 2025", "confirmed", [], ""),
    "L63": ("Pakistani shelling near Kupwara the next day, 2 Dec 2025", "confirmed", [], ""),
    "L65": ("Pakistan reopens the Kartarpur corridor to Indian pilgrims, announced 4 Dec, open 6 Dec 2025",
            "confirmed", [], ""),
}

# articles: (article id, outlet, published, title, mentions) or (article id, outlet, published, "copy", original id)
ART = [
    ("a01", "Atlas Wire", "2025-08-04T10:20", "Shells hit Kostiantynivka market", [
        ("L01", "RUSMIL", "UKR", "194", "actual", "third_party", "UKRGOV", "2025-08-04", "Kostiantynivka",
         "Russian artillery shelled the central market of Kostiantynivka on Monday morning, killing three "
         "people, regional officials said."),
    ]),
    ("a02", "Warsaw Morning", "2025-08-04T13:05", "copy", "a01"),
    ("a03", "Dnipro National News", "2025-08-04T11:00", "Heavy guns strike crowded market", [
        ("L01", "RUSMIL", "UKR", "190", "actual", "outlet", None, "2025-08-04", "Kostiantynivka",
         "Russian forces struck Kostiantynivka with heavy guns on Monday, hitting a crowded market."),
    ]),
    ("a04", "Global Monitor", "2025-08-04T20:00", "Market deaths in the east", [
        ("L01", "RUS", "UKR", "190", "actual", "third_party", "UKRGOV", "2025-08-04", "Donetsk region",
         "Russian shelling killed three people at a market in the Donetsk region on Monday, the regional "
         "governor said."),
    ]),
    ("a05", "Kharkiv Daily", "2025-08-05T07:30", "Donetsk region counts its dead", [
        ("L01", "RUS", "UKR", "194", "actual", "outlet", None, "2025-08-04", "Kostiantynivka",
         "Rescue crews worked through the night after Monday's Russian bombardment of the Kostiantynivka "
         "market."),
        ("L02", "RUSMIL", "UKR", "194", "actual", "outlet", None, "2025-08-05", "Kostiantynivka",
         "Shortly after dawn on Tuesday, Russian guns opened fire on Kostiantynivka once more, hitting a "
         "residential block."),
    ]),
    ("a06", "Moskva Telegraph Agency", "2025-08-05T09:00", "Ministry rejects market claims", [
        ("L01", "RUSMIL", "UKR", "194", "negated", "self", "RUSMIL", "2025-08-04", "Kostiantynivka",
         "The Russian defence ministry denied that its units had fired on the market in Kostiantynivka, "
         "calling the reports a provocation staged by Kyiv."),
    ]),
    ("a07", "Atlas Wire", "2025-08-05T12:10", "Kostiantynivka shelled again", [
        ("L02", "RUSMIL", "UKR", "190", "actual", "third_party", "UKRGOV", "2025-08-05", "Kostiantynivka",
         "Kostiantynivka came under Russian fire again on Tuesday, a day after the market strike, the town's "
         "military administration said."),
        ("L03", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-05", "Zaporizhzhia",
         "Russian drones also struck an energy facility in Zaporizhzhia on Tuesday, cutting power to "
         "thousands of homes."),
    ]),
    ("a08", "Dnipro National News", "2025-08-05T15:40", "Three cities under fire", [
        ("L02", "RUSMIL", "UKR", "194", "actual", "outlet", None, "2025-08-05", "Kostiantynivka",
         "Russian artillery hit Kostiantynivka for a second consecutive day on Tuesday, wounding five "
         "residents."),
        ("L03", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-05", "Zaporizhzhia",
         "In Zaporizhzhia, attack drones launched by Russian forces set a substation on fire on Tuesday."),
        ("L04", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-05", "Kramatorsk",
         "An aerial bomb dropped by a Russian jet wrecked the upper floors of a Kramatorsk apartment block on "
         "Tuesday afternoon."),
    ]),
    ("a09", "Kharkiv Daily", "2025-08-05T21:00", "Glide bomb in Kramatorsk", [
        ("L04", "RUSMIL", "UKRCVL", "195", "actual", "outlet", None, "2025-08-05", "Kramatorsk",
         "Later on Tuesday a Russian glide bomb slammed into an apartment building in Kramatorsk."),
    ]),
    ("a10", "Rhine Gazette", "2025-08-06T06:00", "Blackout after drone raid", [
        ("L03", "RUS", "UKR", "195", "actual", "outlet", None, "2025-08-05", "Zaporizhzhia",
         "Tuesday's Russian drone raid on Zaporizhzhia left a large part of the city without electricity "
         "overnight."),
        ("L04", "RUS", "UKR", "190", "actual", "outlet", None, "2025-08-05", "Kramatorsk",
         "Kramatorsk, a logistics hub behind the front line, was also struck by Russia on Tuesday."),
    ]),
    ("a11", "Thames Chronicle", "2025-08-06T08:00", "Bombs fall on Kramatorsk", [
        ("L04", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-05", "Kramatorsk",
         "Russian warplanes bombed Kramatorsk on Tuesday, the fourth such attack on the city this summer."),
        ("L02", "RUSMIL", "UKR", "194", "actual", "outlet", None, "2025-08-05", "Kostiantynivka",
         "Kostiantynivka, twenty kilometres to the south, was shelled by Russian batteries for the second "
         "day running."),
    ]),
    ("a12", "Moskva Telegraph Agency", "2025-08-06T08:30", "Drones target Belgorod depot", [
        ("L05", "UKRMIL", "RUS", "195", "actual", "third_party", "RUSGOV", "2025-08-06", "Belgorod",
         "Ukrainian drones attacked a fuel depot on the outskirts of Belgorod early on Wednesday, the "
         "regional governor said."),
    ]),
    ("a13", "Global Monitor", "2025-08-06T14:00", "Fire at Belgorod oil depot", [
        ("L05", "UKRMIL", "RUS", "195", "actual", "third_party", "RUSGOV", "2025-08-06", "Belgorod",
         "A large fire broke out at an oil depot near Belgorod on Wednesday after what Russian officials "
         "described as a Ukrainian drone attack."),
    ]),
    ("a14", "Dnipro National News", "2025-08-06T16:00", "Drone forces claim depot hit", [
        ("L05", "UKRMIL", "RUSMIL", "195", "actual", "self", "UKRMIL", "2025-08-06", "Belgorod",
         "Ukraine's drone forces said they had hit a fuel depot in Belgorod that supplies Russian units near "
         "the border."),
    ]),
    ("a15", "Moskva Telegraph Agency", "2025-08-07T07:50", "Belgorod attacked again", [
        ("L06", "UKRMIL", "RUS", "195", "actual", "third_party", "RUSGOV", "2025-08-07", "Belgorod",
         "Belgorod was attacked by Ukrainian drones again on Thursday morning, the governor said, with debris "
         "damaging two houses."),
    ]),
    ("a16", "Eurasia Newswire", "2025-08-07T11:00", "Second day of drone strikes on Belgorod", [
        ("L06", "UKRMIL", "RUS", "195", "actual", "outlet", None, "2025-08-07", "Belgorod",
         "Ukrainian drones struck Belgorod for a second day on Thursday, hitting a power substation."),
        ("L07", "RUSMIL", "UKR", "190", "actual", "self", "RUSMIL", "2025-08-07", "Kursk region",
         "Russia's defence ministry said its air defences destroyed 23 Ukrainian drones over the Kursk region "
         "on Thursday."),
    ]),
    ("a17", "Danube Times", "2025-08-07T15:00", "copy", "a16"),
    ("a18", "Moskva Telegraph Agency", "2025-08-07T12:00", "Air defences repel raid", [
        ("L07", "RUSMIL", "UKRMIL", "190", "actual", "self", "RUSMIL", "2025-08-07", "Kursk region",
         "Air defence crews intercepted and destroyed 23 Ukrainian drones over the Kursk region on Thursday, "
         "the defence ministry reported."),
    ]),
    ("a19", "Atlas Wire", "2025-08-08T09:00", "Moscow reports drones downed", [
        ("L07", "RUSMIL", "UKR", "190", "actual", "self", "RUSMIL", "2025-08-07", "Kursk region",
         "Moscow said on Friday that its air defences had downed 23 Ukrainian drones over Kursk the previous "
         "day; the figure could not be independently verified."),
        ("L06", "UKRMIL", "RUS", "195", "actual", "outlet", None, "2025-08-07", "Belgorod",
         "Thursday's Ukrainian drone strike on Belgorod knocked out power in several districts."),
    ]),
    ("a20", "Moskva Telegraph Agency", "2025-08-10T10:00", "Goodwill pullback near Vovchansk", [
        ("L08", "RUSMIL", "UKR", "0874", "planned", "self", "RUSMIL", "2025-08-10/2025-08-13", "Vovchansk",
         "The defence ministry announced that units near Vovchansk would pull back to new positions within "
         "three days as a goodwill gesture."),
    ]),
    ("a21", "Global Monitor", "2025-08-10T18:00", "Russia promises Vovchansk withdrawal", [
        ("L08", "RUSMIL", "UKR", "0874", "planned", "self", "RUSMIL", "2025-08-10/2025-08-13", "Vovchansk",
         "Russia said on Sunday it would withdraw troops from around Vovchansk, in the north of the Kharkiv "
         "region, within three days."),
    ]),
    ("a22", "Atlas Wire", "2025-08-14T12:00", "NATO sees no pullback", [
        ("L08", "RUSMIL", "UKR", "0874", "negated", "third_party", "IGOWSTNAT", "2025-08-14", "Vovchansk",
         "A NATO official said on Thursday the alliance had seen no sign of Russian troops leaving the "
         "Vovchansk area."),
    ]),
    ("a23", "Kharkiv Daily", "2025-08-14T19:00", "Promised pullback fails to materialise", [
        ("L08", "RUSMIL", "UKR", "0874", "negated", "third_party", "UKRCVL", "2025-08-14", "Vovchansk",
         "Residents of villages near Vovchansk said Russian positions were still manned on Thursday, four "
         "days after Moscow promised a pullback."),
    ]),
    ("a24", "Moskva Telegraph Agency", "2025-08-18T09:30", "Redeployment to go ahead", [
        ("L09", "RUSMIL", "UKR", "0874", "planned", "self", "RUSMIL", "2025-08-18", "Vovchansk",
         "The ministry said on Monday that the redeployment of units away from Vovchansk would be carried out "
         "in the coming days."),
    ]),
    ("a25", "Global Monitor", "2025-08-18T16:00", "Another withdrawal pledge", [
        ("L09", "RUSMIL", "UKR", "0874", "planned", "outlet", None, "2025-08-18", "Vovchansk",
         "For the second time in eight days, Russia has promised to move its troops back from Vovchansk."),
    ]),
    ("a26", "Eurasia Newswire", "2025-08-19T08:00", "Moscow repeats pledge", [
        ("L09", "RUSMIL", "UKR", "0874", "planned", "self", "RUSMIL", "2025-08-18", "Vovchansk",
         "Russian military officials repeated on Monday that forces around Vovchansk would withdraw, without "
         "giving a date."),
    ]),
    ("a27", "Moskva Telegraph Agency", "2025-08-27T10:00", "Pullback to finish by Friday", [
        ("L10", "RUSMIL", "UKR", "0874", "planned", "self", "RUSMIL", "2025-08-27/2025-08-29", "Vovchansk",
         "A third announcement from the defence ministry on Wednesday said troops near Vovchansk would "
         "complete their pullback by Friday."),
    ]),
    ("a28", "Thames Chronicle", "2025-08-27T20:00", "Third time lucky?", [
        ("L10", "RUS", "UKR", "0874", "planned", "self", "RUSGOV", "2025-08-27/2025-08-29", "Vovchansk",
         "Moscow on Wednesday announced, yet again, a withdrawal of its forces from near Vovchansk, promising "
         "it would be finished by the end of the week."),
    ]),
    ("a29", "Atlas Wire", "2025-08-30T11:00", "Russian units leave Vovchansk positions", [
        ("L10", "RUSMIL", "UKR", "0874", "actual", "outlet", None, "2025-08-29", "Vovchansk",
         "Russian units pulled out of several positions east of Vovchansk on Friday, according to drone "
         "footage reviewed by Atlas Wire and two Ukrainian commanders."),
    ]),
    ("a30", "Warsaw Morning", "2025-08-30T14:00", "copy", "a29"),
    ("a31", "Kharkiv Daily", "2025-08-31T09:00", "Trenches empty near Vovchansk", [
        ("L10", "RUSMIL", "UKR", "0874", "actual", "third_party", "UKRMIL", "2025-08-29", "Kharkiv region",
         "Ukrainian soldiers in the north of the Kharkiv region confirmed that Russian troops had left their "
         "trenches on Friday."),
    ]),
    ("a32", "Atlas Wire", "2025-08-14T15:00", "Prisoner swap brokered by the Emirates", [
        ("L11", "RUSGOV", "UKR", "0841", "actual", "outlet", None, "2025-08-14", None,
         "Russia handed over 84 Ukrainian prisoners of war on Thursday in an exchange brokered by the United "
         "Arab Emirates."),
        ("L12", "UKRGOV", "RUS", "0841", "actual", "outlet", None, "2025-08-14", None,
         "Ukraine released the same number of Russian servicemen in return."),
    ]),
    ("a33", "Moskva Telegraph Agency", "2025-08-14T16:00", "Servicemen return home", [
        ("L12", "UKR", "RUSMIL", "0841", "actual", "outlet", None, "2025-08-14", None,
         "Eighty-four Russian soldiers held in Ukraine were freed on Thursday as part of the swap."),
        ("L11", "RUS", "UKRMIL", "0841", "actual", "outlet", None, "2025-08-14", None,
         "Russia, for its part, set free 84 captured Ukrainian servicemen."),
    ]),
    ("a34", "Dnipro National News", "2025-08-14T17:30", "Defenders come home", [
        ("L11", "RUS", "UKRMIL", "0841", "actual", "outlet", None, "2025-08-14", None,
         "Eighty-four defenders were released from Russian captivity on Thursday."),
    ]),
    ("a35", "Moskva Telegraph Agency", "2025-08-20T10:00", "Drone attack on Enerhodar", [
        ("L13", "UKRMIL", "RUSGOV", "195", "actual", "third_party", "RUSGOV", "2025-08-20", "Enerhodar",
         "Ukrainian drones struck the administration building in Enerhodar on Wednesday morning, the "
         "Russian-installed authorities said."),
    ]),
    ("a36", "Eurasia Newswire", "2025-08-20T14:00", "Claims and denials in Zaporizhzhia region", [
        ("L13", "UKRMIL", "RUS", "195", "actual", "third_party", "RUSGOV", "2025-08-20", "Enerhodar",
         "Officials appointed by Moscow accused Ukraine of a drone attack on Enerhodar, the town next to the "
         "nuclear plant."),
        ("L13", "UKRMIL", "RUS", "195", "negated", "self", "UKRMIL", "2025-08-20", "Enerhodar",
         "Ukraine's military denied carrying out any strike on Enerhodar."),
        ("L14", "UKRMIL", "RUSMIL", "190", "actual", "self", "UKRMIL", "2025-08-20", "Tokmak",
         "Separately, Ukraine's general staff said its forces destroyed a Russian ammunition depot near "
         "Tokmak on Wednesday."),
    ]),
    ("a37", "Global Monitor", "2025-08-21T09:00", "Satellite images show burnt depot", [
        ("L14", "UKRMIL", "RUSMIL", "190", "actual", "outlet", None, "2025-08-20", "Tokmak",
         "Satellite images taken on Thursday show a burnt-out Russian ammunition dump outside Tokmak that "
         "Ukrainian forces struck on Wednesday."),
        ("L13", "UKRMIL", "RUS", "195", "negated", "self", "UKRGOV", "2025-08-20", "Enerhodar",
         "Kyiv has rejected Moscow's claim that it targeted Enerhodar and said the blast was staged."),
    ]),
    ("a38", "Dnipro National News", "2025-08-20T18:00", "Munitions store destroyed", [
        ("L14", "UKRMIL", "RUSMIL", "190", "actual", "outlet", None, "2025-08-20", "Tokmak",
         "Ukrainian troops hit a large Russian munitions store near Tokmak on Wednesday."),
        ("L13", "UKRMIL", "RUS", "195", "negated", "self", "UKRMIL", "2025-08-20", "Enerhodar",
         "The General Staff said Ukrainian units had not fired at Enerhodar."),
    ]),
    ("a40", "Yerevan Herald", "2025-09-02T13:00", "Soldier wounded near Sotk", [
        ("L20", "AZEMIL", "ARMMIL", "190", "actual", "third_party", "ARMMIL", "2025-09-02", "Sotk",
         "Azerbaijani troops opened fire on Armenian positions near the village of Sotk on Tuesday, Armenia's "
         "defence ministry said, wounding one soldier."),
    ]),
    ("a41", "Caspian State Television", "2025-09-02T15:00", "Ministry: Armenian claims false", [
        ("L20", "AZEMIL", "ARM", "190", "negated", "self", "AZEMIL", "2025-09-02", "Sotk",
         "The Azerbaijani defence ministry dismissed Armenian reports of shooting near Sotk as "
         "disinformation."),
        ("L21", "ARMMIL", "AZEMIL", "190", "actual", "third_party", "AZEMIL", "2025-09-02", "Kalbajar",
         "Armenian units fired on Azerbaijani positions in the Kalbajar district on Tuesday, the ministry "
         "said."),
    ]),
    ("a42", "Atlas Wire", "2025-09-02T17:00", "Border shooting: rival accounts", [
        ("L20", "AZEMIL", "ARM", "190", "actual", "third_party", "ARMGOV", "2025-09-02", "Sotk",
         "Armenia said Azerbaijani forces fired on its border posts near Sotk on Tuesday."),
        ("L20", "AZE", "ARM", "190", "negated", "self", "AZEGOV", "2025-09-02", "Sotk",
         "Baku denied the account and said Armenian troops had fired first, across the line in Kalbajar."),
        ("L21", "ARMMIL", "AZE", "190", "actual", "third_party", "AZEGOV", "2025-09-02", "Kalbajar",
         "Baku denied the account and said Armenian troops had fired first, across the line in Kalbajar."),
    ]),
    ("a43", "Thames Chronicle", "2025-09-02T21:00", "copy", "a42"),
    ("a44", "Caspian State Television", "2025-09-05T10:00", "Lachin road to open for aid", [
        ("L22", "AZEGOV", "ARM", "0863", "planned", "self", "AZEGOV", "2025-09-06", "Lachin road",
         "The government said on Friday the Lachin road would open to Red Cross aid convoys on Saturday."),
    ]),
    ("a45", "Yerevan Herald", "2025-09-07T09:00", "Convoys turned back", [
        ("L22", "AZEGOV", "ARM", "0863", "negated", "outlet", None, "2025-09-06", "Lachin road",
         "The Lachin road stayed shut on Saturday, and the Red Cross trucks waiting at the checkpoint were "
         "turned back."),
    ]),
    ("a46", "Global Monitor", "2025-09-07T12:00", "Aid convoy blocked", [
        ("L22", "AZE", "ARM", "0863", "negated", "third_party", "NGOIRC", "2025-09-06", "Lachin road",
         "The Red Cross said on Sunday its convoy had not been allowed through the Lachin road."),
    ]),
    ("a47", "Yerevan Herald", "2025-09-08T11:00", "Border guards to leave Tavush villages", [
        ("L23", "ARMGOV", "AZE", "0874", "planned", "self", "ARMGOV", "2025-09-08/2025-09-10", "Tavush",
         "The government said Armenian border guards would leave two villages in Tavush province within "
         "three days under the demarcation deal."),
    ]),
    ("a48", "Caspian State Television", "2025-09-08T19:00", "Armenian posts still in place", [
        ("L23", "ARM", "AZE", "0874", "negated", "outlet", None, "2025-09-08", "Tavush",
         "Armenian posts near the Tavush villages were still in place on Monday evening, the channel's "
         "correspondent reported."),
    ]),
    ("a49", "Caspian State Television", "2025-09-15T10:00", "Aid road pledge renewed", [
        ("L24", "AZEGOV", "ARM", "0863", "planned", "self", "AZEGOV", "2025-09-16", "Lachin road",
         "Baku again pledged on Monday to let aid convoys use the Lachin road, this time from Tuesday."),
    ]),
    ("a50", "Atlas Wire", "2025-09-16T16:00", "First lorries cross", [
        ("L24", "AZEGOV", "ARM", "0863", "actual", "outlet", None, "2025-09-16", "Lachin road",
         "The first Red Cross lorries crossed the Lachin road on Tuesday, a week after an earlier promise to "
         "open it came to nothing."),
    ]),
    ("a51", "Eurasia Newswire", "2025-09-16T18:00", "Aid finally moves", [
        ("L24", "AZE", "ARM", "0863", "actual", "outlet", None, "2025-09-16", "Lachin road",
         "Aid trucks finally passed through the Lachin road on Tuesday with Azerbaijan's consent."),
    ]),
    ("a52", "Yerevan Herald", "2025-09-10T20:00", "Thousands rally against border deal", [
        ("L25", "ARMOPP", "ARMGOV", "141", "actual", "outlet", None, "2025-09-10", "Yerevan",
         "Several thousand opposition supporters rallied in Yerevan's Republic Square on Wednesday against the "
         "border deal."),
        ("L27", "ARMOPP", "ARMGOV", "141", "actual", "outlet", None, "2025-09-10", "Gyumri",
         "A smaller crowd of opposition supporters marched through the centre of Gyumri on the same evening."),
    ]),
    ("a53", "Atlas Wire", "2025-09-10T21:00", "Yerevan protest", [
        ("L25", "ARMOPP", "ARMGOV", "141", "actual", "outlet", None, "2025-09-10", "Yerevan",
         "Thousands of protesters filled a central square in Yerevan on Wednesday, demanding the prime "
         "minister's resignation."),
    ]),
    ("a54", "Warsaw Morning", "2025-09-11T06:00", "copy", "a53"),
    ("a55", "Yerevan Herald", "2025-09-11T21:00", "Protesters return", [
        ("L26", "ARMOPP", "ARMGOV", "141", "actual", "outlet", None, "2025-09-11", "Yerevan",
         "Protesters returned to Republic Square in Yerevan on Thursday for a second night of rallies."),
    ]),
    ("a56", "Eurasia Newswire", "2025-09-12T08:00", "Smaller crowds", [
        ("L26", "ARMOPP", "ARMGOV", "141", "actual", "third_party", "ARMCOP", "2025-09-11", "Yerevan",
         "Thursday's opposition rally in Yerevan drew a smaller crowd than the day before, police said."),
        ("L27", "ARMOPP", "ARMGOV", "141", "actual", "outlet", None, "2025-09-10", "Gyumri",
         "In Gyumri, opposition activists had marched on Wednesday evening."),
    ]),
    ("a60", "Eurasia Newswire", "2025-10-14T07:00", "China launches drills around Taiwan", [
        ("L30", "CHNMIL", "TWN", "150", "actual", "outlet", None, "2025-10-14/2025-10-15", "Taiwan",
         "China's military launched two days of large-scale drills around Taiwan on Tuesday, sending warships "
         "and jets close to the island."),
    ]),
    ("a61", "Beijing Evening Broadcast", "2025-10-14T09:00", "Combat readiness patrols", [
        ("L30", "CHNMIL", "TWN", "150", "actual", "self", "CHNMIL", "2025-10-14", "Taiwan",
         "The Eastern Theatre Command said its forces began joint combat readiness patrols around Taiwan on "
         "Tuesday morning."),
    ]),
    ("a62", "Formosa National Wire", "2025-10-15T12:00", "Dozens of aircraft tracked", [
        ("L30", "CHNMIL", "TWN", "150", "actual", "third_party", "TWNMIL", "2025-10-15", "Taiwan",
         "The defence ministry said it tracked 34 Chinese military aircraft and 12 ships near the island on "
         "Wednesday, the second day of the exercise."),
    ]),
    ("a63", "Thames Chronicle", "2025-10-16T08:00", "Show of force ends", [
        ("L30", "CHN", "TWN", "150", "actual", "outlet", None, "2025-10-14/2025-10-15", "Taiwan",
         "Beijing's two-day show of force around Taiwan ended on Wednesday."),
    ]),
    ("a64", "Global Monitor", "2025-10-22T10:00", "Fresh drills east of Taiwan", [
        ("L31", "CHNMIL", "TWN", "150", "actual", "outlet", None, "2025-10-22", "Taiwan",
         "A week after its last exercise, China staged fresh naval drills east of Taiwan on Wednesday."),
    ]),
    ("a65", "Formosa National Wire", "2025-10-22T14:00", "Live-fire drills and a detained crew", [
        ("L31", "CHNMIL", "TWN", "150", "actual", "third_party", "TWNMIL", "2025-10-22", "Taiwan",
         "Taiwan's defence ministry reported Chinese warships conducting live-fire drills off its east coast "
         "on Wednesday."),
        ("L32", "CHNMIL", "TWNCVL", "173", "actual", "third_party", "TWNMIL", "2025-10-22", "Kinmen",
         "The coast guard administration said Chinese coast guard officers boarded a Taiwanese fishing boat "
         "near Kinmen on Wednesday and detained its two crew."),
    ]),
    ("a66", "Global Monitor", "2025-10-22T19:00", "Second boat seized", [
        ("L33", "CHNMIL", "TWNCVL", "173", "actual", "third_party", "TWNGOV", "2025-10-22", "Penghu",
         "Hours later, another Taiwanese trawler was seized by Chinese coast guard ships near the Penghu "
         "islands, Taipei said."),
        ("L32", "CHNMIL", "TWN", "173", "actual", "outlet", None, "2025-10-22", "Kinmen",
         "The crew of a fishing boat from Kinmen were taken into Chinese custody on Wednesday."),
    ]),
    ("a67", "Beijing Evening Broadcast", "2025-10-23T08:00", "Illegal fishing boats held", [
        ("L32", "CHNMIL", "TWN", "173", "actual", "self", "CHNMIL", "2025-10-22", "Kinmen",
         "The China Coast Guard said it had detained two people aboard a Taiwanese boat that was fishing "
         "illegally off Kinmen on Wednesday."),
        ("L33", "CHNMIL", "TWN", "173", "actual", "self", "CHNMIL", "2025-10-22", "Penghu",
         "It said a second vessel was held near Penghu for a similar violation."),
    ]),
    ("a68", "Formosa National Wire", "2025-10-23T09:00", "Council demands release", [
        ("L33", "CHNMIL", "TWNCVL", "173", "actual", "third_party", "TWNGOV", "2025-10-22", "Penghu",
         "The Mainland Affairs Council demanded the release of the trawler crew detained by China near Penghu "
         "on Wednesday."),
    ]),
    ("a69", "Beijing Evening Broadcast", "2025-10-27T09:00", "Live-fire notice for the strait", [
        ("L34", "CHNMIL", "TWN", "150", "planned", "self", "CHNMIL", "2025-10-28", None,
         "The Eastern Theatre Command announced live-fire exercises in the Taiwan Strait for Tuesday."),
    ]),
    ("a70", "Eurasia Newswire", "2025-10-27T12:00", "More drills announced", [
        ("L34", "CHNMIL", "TWN", "150", "planned", "self", "CHNMIL", "2025-10-28", None,
         "China said on Monday its forces would conduct live-fire drills in the Taiwan Strait on Tuesday, six "
         "days after the last round."),
    ]),
    ("a71", "Formosa National Wire", "2025-10-28T18:00", "No live fire detected", [
        ("L34", "CHNMIL", "TWN", "150", "negated", "third_party", "TWNMIL", "2025-10-28", None,
         "The defence ministry said it had detected no live firing by Chinese forces in the strait on Tuesday, "
         "despite Beijing's notice."),
    ]),
    ("a80", "Nile Valley Observer", "2025-11-03T12:00", "El Fasher under fire", [
        ("L40", "SDNREB", "SDNMIL", "194", "actual", "outlet", None, "2025-11-03", "El Fasher",
         "RSF fighters pounded the army's positions in El Fasher with artillery on Monday."),
        ("L41", "SDNMIL", "SDNREB", "195", "actual", "outlet", None, "2025-11-03", "El Fasher",
         "Army jets bombed RSF positions on the eastern edge of the city the same day."),
    ]),
    ("a81", "Global Monitor", "2025-11-03T18:00", "Civilians killed in El Fasher", [
        ("L40", "SDNREB", "SDNCVL", "190", "actual", "outlet", None, "2025-11-03", "El Fasher",
         "The Rapid Support Forces shelled El Fasher again on Monday, killing at least a dozen civilians."),
        ("L41", "SDNMIL", "SDNREB", "195", "actual", "self", "SDNMIL", "2025-11-03", "El Fasher",
         "Sudan's army said its air force struck RSF vehicles around El Fasher in response."),
    ]),
    ("a82", "Atlas Wire", "2025-11-04T08:00", "Displacement camp hit", [
        ("L40", "SDNREB", "SDNCVL", "194", "actual", "outlet", None, "2025-11-03", "El Fasher",
         "Monday's RSF shelling of El Fasher hit a camp for displaced families, aid workers said."),
        ("L42", "SDNREB", "SDN", "195", "actual", "outlet", None, "2025-11-03", "Omdurman",
         "In Omdurman, RSF drones hit a power station on Monday."),
    ]),
    ("a83", "Danube Times", "2025-11-04T12:00", "copy", "a82"),
    ("a84", "Nile Valley Observer", "2025-11-04T10:00", "Omdurman in the dark", [
        ("L42", "SDNREB", "SDN", "195", "actual", "outlet", None, "2025-11-03", "Omdurman",
         "Power was still out across much of Omdurman on Tuesday after RSF drones struck the main station a "
         "day earlier."),
        ("L43", "SDNREB", "SDN", "194", "actual", "outlet", None, "2025-11-04", "El Fasher",
         "RSF artillery fire resumed in El Fasher on Tuesday morning."),
    ]),
    ("a85", "Global Monitor", "2025-11-05T09:00", "Second day of bombardment", [
        ("L43", "SDNREB", "SDN", "194", "actual", "outlet", None, "2025-11-04", "North Darfur",
         "Shelling by the RSF continued in North Darfur's capital on Tuesday, the second straight day of "
         "heavy bombardment."),
    ]),
    ("a86", "Nile Valley Observer", "2025-11-06T09:00", "RSF declares truce", [
        ("L44", "SDNREB", "SDNMIL", "0871", "planned", "self", "SDNREB", "2025-11-07/2025-11-09", "El Fasher",
         "The RSF announced a three-day humanitarian truce starting on Friday to let aid reach El Fasher."),
    ]),
    ("a87", "Atlas Wire", "2025-11-06T13:00", "Paramilitaries promise ceasefire", [
        ("L44", "SDNREB", "SDN", "0871", "planned", "self", "SDNREB", "2025-11-07/2025-11-09", "Sudan",
         "The paramilitary RSF said it would observe a humanitarian ceasefire from Friday to Sunday."),
    ]),
    ("a88", "Global Monitor", "2025-11-08T11:00", "Fighting despite truce", [
        ("L44", "SDNREB", "SDN", "0871", "negated", "outlet", None, "2025-11-08", "El Fasher",
         "Fighting went on in El Fasher on Saturday despite the truce the RSF had declared."),
    ]),
    ("a89", "Eurasia Newswire", "2025-11-10T08:00", "Truce never took hold", [
        ("L44", "SDNREB", "SDN", "0871", "negated", "third_party", "IGOUNO", "2025-11-07/2025-11-09", "Sudan",
         "The RSF's promised three-day truce never took hold, the United Nations said on Monday."),
    ]),
    ("a90", "Nile Valley Observer", "2025-11-20T10:00", "A new truce", [
        ("L45", "SDNREB", "SDNMIL", "0871", "planned", "self", "SDNREB", "2025-11-21/2025-11-23", "El Fasher",
         "The RSF declared a new humanitarian truce around El Fasher on Thursday, two weeks after the last one "
         "collapsed."),
    ]),
    ("a91", "Atlas Wire", "2025-11-20T15:00", "RSF pledges pause", [
        ("L45", "SDNREB", "SDN", "0871", "planned", "self", "SDNREB", "2025-11-21/2025-11-23", "El Fasher",
         "RSF leaders again promised to halt attacks on El Fasher for three days from Friday."),
    ]),
    ("a92", "Rhine Gazette", "2025-11-12T17:00", "New sanctions on Russia", [
        ("L50", "IGOEUREEC", "RUS", "163", "actual", "outlet", None, "2025-11-12", None,
         "European Union governments adopted a new package of sanctions against Russia on Wednesday, targeting "
         "its shadow fleet of oil tankers."),
    ]),
    ("a93", "Atlas Wire", "2025-11-12T16:00", "EU and Britain add sanctions", [
        ("L50", "IGOEUREEC", "RUS", "163", "actual", "outlet", None, "2025-11-12", None,
         "The EU approved its latest round of sanctions on Russia on Wednesday, adding 90 tankers to its "
         "blacklist."),
        ("L51", "GBRGOV", "RUS", "163", "actual", "outlet", None, "2025-11-12", None,
         "Britain imposed its own sanctions on 30 Russian oil traders on the same day."),
    ]),
    ("a94", "Warsaw Morning", "2025-11-12T19:00", "copy", "a93"),
    ("a95", "Moskva Telegraph Agency", "2025-11-13T08:00", "Sanctions will backfire, ministry says", [
        ("L50", "IGOEUREEC", "RUS", "163", "actual", "outlet", None, "2025-11-12", None,
         "The European Union's new sanctions, adopted on Wednesday, will only hurt European consumers, the "
         "foreign ministry said."),
    ]),
    ("a96", "Danube Times", "2025-11-13T10:00", "Vienna signs off", [
        ("L50", "IGOEUREEC", "RUSBUS", "163", "actual", "outlet", None, "2025-11-12", None,
         "Austria signed off on the bloc's sanctions package on Wednesday after winning an exemption for one "
         "Russian-owned bank."),
    ]),
    ("a97", "Rhine Gazette", "2025-11-25T10:00", "Another package planned", [
        ("L52", "IGOEUREEC", "RUS", "163", "planned", "self", "IGOEUREEC", "2025-12-10/2025-12-20", None,
         "The European Commission said on Tuesday it would propose another sanctions package in "
         "mid-December."),
    ]),
]

ART += [
    ("b01", "Atlas Wire", "2025-08-24T06:30", "Night attack on Kyiv", [
        ("L15", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-23/2025-08-24", "Kyiv",
         "Russia fired missiles and drones at Kyiv overnight into Sunday, damaging a hospital and two "
         "apartment towers."),
    ]),
    ("b02", "Dnipro National News", "2025-08-24T08:00", "Air raid alert lasted six hours", [
        ("L15", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-23", "Kyiv",
         "The first Russian drones reached Kyiv late on Saturday, and the air raid alert lasted until dawn."),
    ]),
    ("b03", "Rhine Gazette", "2025-08-25T06:00", "Kyiv hospital hit", [
        ("L15", "RUS", "UKR", "195", "actual", "outlet", None, "2025-08-24", "Kyiv",
         "A children's ward in Kyiv was among the buildings hit by Russian missiles on Sunday."),
    ]),
    ("b04", "Moskva Telegraph Agency", "2025-08-24T10:00", "Strike on defence plants", [
        ("L15", "RUSMIL", "UKRMIL", "195", "actual", "self", "RUSMIL", "2025-08-24", "Kyiv",
         "The defence ministry said its forces carried out a massive strike on military-industrial sites in "
         "Kyiv on Sunday night."),
    ]),
    ("b05", "Kharkiv Daily", "2025-08-25T22:00", "Kyiv attacked again", [
        ("L16", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-25", "Kyiv",
         "Barely a day after the weekend barrage, Russian drones attacked Kyiv again on Monday evening."),
        ("L15", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-23/2025-08-24", "Kyiv",
         "Repairs had only just begun on the hospital damaged in the weekend barrage."),
    ]),
    ("b06", "Global Monitor", "2025-08-26T07:00", "Two attacks in two days", [
        ("L16", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-25", "Kyiv",
         "Russian drones struck a warehouse district in Kyiv on Monday night, injuring four workers."),
    ]),
    ("b07", "Thames Chronicle", "2025-08-26T08:00", "Kyiv's long week", [
        ("L16", "RUS", "UKR", "195", "actual", "outlet", None, "2025-08-25", "Kyiv",
         "Kyiv was hit again by Russia on Monday, the second attack in as many days."),
    ]),
    ("b10", "Moskva Telegraph Agency", "2025-08-11T11:00", "Pullback under way", [
        ("L08", "RUSMIL", "UKR", "0874", "actual", "self", "RUSMIL", "2025-08-11", "Vovchansk",
         "The ministry said on Monday that the withdrawal of its units from around Vovchansk was under way."),
    ]),
    ("b11", "Rhine Gazette", "2025-08-19T06:00", "Kyiv sceptical", [
        ("L09", "RUSMIL", "UKR", "0874", "planned", "outlet", None, "2025-08-18", "Vovchansk",
         "Russia's renewed pledge to pull back from Vovchansk was greeted with scepticism in Kyiv."),
    ]),
    ("b12", "Kharkiv Daily", "2025-08-15T08:00", "Among the freed", [
        ("L11", "RUS", "UKR", "0841", "actual", "outlet", None, "2025-08-14", None,
         "Among the prisoners freed by Russia on Thursday were twelve marines captured two years ago."),
    ]),
    ("b13", "Kharkiv Daily", "2025-08-06T09:00", "Kramatorsk digs out", [
        ("L04", None, "UKR", "195", "actual", "outlet", None, "2025-08-05", "Kramatorsk",
         "A glide bomb hit an apartment block in Kramatorsk on Tuesday afternoon, burying residents under "
         "rubble."),
    ]),
    ("b14", "Global Monitor", "2025-08-06T10:00", "Belgorod fire", [
        ("L05", None, "RUS", "195", "actual", "outlet", None, "2025-08-06", "Belgorod",
         "Drones hit an oil depot near Belgorod early on Wednesday, starting a fire that burned for hours."),
    ]),
    ("b15", "Nile Valley Observer", "2025-11-04T16:00", "Camp shelled", [
        ("L40", None, "SDNCVL", "194", "actual", "outlet", None, "2025-11-03", "El Fasher",
         "Shells landed on a camp for displaced families in El Fasher on Monday."),
    ]),
    ("b16", "Yerevan Herald", "2025-09-20T10:00", "The road, a week on", [
        ("L24", "AZE", "ARM", "0863", "actual", "outlet", None, "2025-09-01/2025-09-20", "Lachin road",
         "Earlier this month Azerbaijan at last allowed the first aid convoys through the Lachin road."),
    ]),
    ("b17", "Rhine Gazette", "2025-10-20T07:00", "After the drills", [
        ("L30", "CHN", "TWN", "150", "actual", "outlet", None, "2025-10-13/2025-10-19", "Taiwan",
         "Last week's Chinese military exercises around Taiwan were the largest this year."),
    ]),
    ("b18", "Thames Chronicle", "2025-10-23T07:00", "Drills resume", [
        ("L31", "CHNMIL", "TWN", "150", "actual", "outlet", None, "2025-10-22", "Taiwan",
         "Chinese warships returned to the waters east of Taiwan for new drills on Wednesday."),
    ]),
    ("b19", "Global Monitor", "2025-09-11T07:00", "Yerevan rally", [
        ("L25", "ARMOPP", "ARMGOV", "141", "actual", "outlet", None, "2025-09-10", "Yerevan",
         "Opposition supporters massed in Yerevan on Wednesday to protest the border agreement."),
    ]),
    ("b20", "Global Monitor", "2025-11-13T07:00", "Tankers blacklisted", [
        ("L50", "IGOEUREEC", "RUS", "163", "actual", "outlet", None, "2025-11-12", None,
         "The European Union's sanctions against Russia, agreed on Wednesday, blacklist ninety more tankers."),
    ]),
    ("c01", "Deccan Courier", "2025-12-01T14:00", "Shelling along the Line of Control", [
        ("L60", "PAKMIL", "INDMIL", "194", "actual", "third_party", "INDMIL", "2025-12-01", "Kupwara",
         "Pakistani troops shelled Indian forward posts near Kupwara on Monday, the army said, killing one "
         "soldier."),
        ("L62", "PAKMIL", "IND", "194", "actual", "third_party", "INDMIL", "2025-12-01", "Poonch",
         "Mortar rounds fired from across the Line of Control also fell near Poonch on Monday, the army "
         "added, blaming Pakistani units."),
    ]),
    ("c02", "Lahore Ledger", "2025-12-01T18:00", "Indian fire hits Neelum villages", [
        ("L61", "INDMIL", "PAK", "194", "actual", "third_party", "PAKMIL", "2025-12-01", "Neelum valley",
         "Indian artillery fire struck villages in the Neelum valley on Monday, the military's media wing "
         "said."),
        ("L60", "PAKMIL", "IND", "194", "negated", "self", "PAKMIL", "2025-12-01", "Kupwara",
         "It denied that Pakistani forces had opened fire first near Kupwara."),
    ]),
    ("c03", "Atlas Wire", "2025-12-01T20:00", "India and Pakistan trade fire", [
        ("L60", "PAKMIL", "IND", "194", "actual", "outlet", None, "2025-12-01", "Kupwara",
         "Pakistani and Indian troops exchanged artillery fire on Monday after Pakistani guns hit Indian "
         "posts near Kupwara."),
        ("L61", "INDMIL", "PAKMIL", "194", "actual", "outlet", None, "2025-12-01", "Neelum valley",
         "Pakistani and Indian troops exchanged artillery fire on Monday after Pakistani guns hit Indian "
         "posts near Kupwara."),
    ]),
    ("c04", "Thames Chronicle", "2025-12-02T07:00", "copy", "c03"),
    ("c05", "Bharat Public Radio", "2025-12-02T09:00", "Two sectors shelled", [
        ("L62", "PAKMIL", "INDCVL", "194", "actual", "outlet", None, "2025-12-01", "Poonch",
         "Pakistani shelling damaged three houses in a village near Poonch on Monday."),
        ("L60", "PAK", "IND", "194", "actual", "outlet", None, "2025-12-01", "Kupwara",
         "In Kupwara, an Indian soldier was killed by Pakistani shellfire the same day."),
    ]),
    ("c06", "Deccan Courier", "2025-12-02T19:00", "Kupwara shelled again", [
        ("L63", "PAKMIL", "INDMIL", "194", "actual", "outlet", None, "2025-12-02", "Kupwara",
         "Pakistani guns again targeted Indian posts near Kupwara on Tuesday, a day after the deadly "
         "exchange."),
    ]),
    ("c07", "Eurasia Newswire", "2025-12-03T08:00", "Second day of shelling", [
        ("L63", "PAKMIL", "IND", "194", "actual", "third_party", "INDMIL", "2025-12-02", "Kupwara",
         "Indian officers said Pakistani artillery fired on the Kupwara sector for a second day on Tuesday."),
        ("L62", "PAKMIL", "IND", "194", "actual", "third_party", "INDMIL", "2025-12-01", "Jammu and Kashmir",
         "On Monday, they said, Pakistani mortars had also hit the Poonch area further south."),
    ]),
    ("c08", "Global Monitor", "2025-12-03T10:00", "Ceasefire line tense", [
        ("L63", "PAK", "IND", "194", "actual", "outlet", None, "2025-12-02", "Kupwara",
         "Pakistan's army shelled the Kupwara area on Tuesday for the second day in a row."),
        ("L61", "INDMIL", "PAK", "194", "actual", "outlet", None, "2025-12-01", "Neelum valley",
         "Indian return fire on Monday damaged a school in the Neelum valley."),
    ]),
    ("c09", "Lahore Ledger", "2025-12-04T09:00", "Corridor to reopen", [
        ("L65", "PAKGOV", "IND", "081", "planned", "self", "PAKGOV", "2025-12-06", "Kartarpur",
         "The foreign office said the Kartarpur corridor would reopen to Indian Sikh pilgrims on Saturday."),
    ]),
    ("c10", "Deccan Courier", "2025-12-04T15:00", "Pilgrims welcome reopening", [
        ("L65", "PAKGOV", "IND", "081", "planned", "outlet", None, "2025-12-06", "Kartarpur",
         "Pakistan's decision to reopen the Kartarpur corridor on Saturday was welcomed by pilgrim groups in "
         "Punjab."),
    ]),
    ("c11", "Bharat Public Radio", "2025-12-06T17:00", "First pilgrims cross", [
        ("L65", "PAKGOV", "IND", "081", "actual", "outlet", None, "2025-12-06", "Kartarpur",
         "Some four hundred Indian pilgrims crossed into Pakistan through the reopened Kartarpur corridor on "
         "Saturday."),
    ]),
    ("c12", "Atlas Wire", "2025-12-06T18:00", "Corridor reopens", [
        ("L65", "PAK", "IND", "081", "actual", "outlet", None, "2025-12-06", "Kartarpur",
         "Pakistan reopened the Kartarpur corridor on Saturday and the first Indian pilgrims walked across."),
    ]),
]

# coding noise: mentions coded the way the extractor errs — an undated sentence given its publication
# date, a missing place, a source with no sector, a restatement dated by publication, a rewritten
# (not verbatim) wire copy. The gold is still the real event; the linker is not expected to get them all.
NOISE = [
    ("n01", "Rhine Gazette", "2025-08-05T10:00", "UN condemns market strike", [
        ("L01", "RUS", "UKR", "190", "actual", "outlet", None, "2025-08-05", "Kostiantynivka",
         "The United Nations condemned the Russian shelling of the Kostiantynivka market and called for an "
         "investigation.", "publication"),
    ]),
    ("n02", "Eurasia Newswire", "2025-08-06T07:00", "Two killed by glide bomb", [
        ("L04", "RUSMIL", "UKR", "195", "actual", "third_party", "UKRGOV", "2025-08-05", None,
         "A Russian glide bomb killed two people in an apartment block on Tuesday, officials said."),
    ]),
    ("n03", "Global Monitor", "2025-11-04T09:00", "Market shelled", [
        ("L40", "SDN", "SDNCVL", "194", "actual", "outlet", None, "2025-11-03", "El Fasher",
         "Sudanese fighters shelled El Fasher on Monday, hitting a crowded market."),
    ]),
    ("n04", "Global Monitor", "2025-08-15T09:00", "Waiting at Vovchansk", [
        ("L08", "RUSMIL", "UKR", "0874", "planned", "outlet", None, "2025-08-15", "Vovchansk",
         "Russia has promised to pull its troops back from around Vovchansk.", "publication"),
    ]),
    ("n05", "Moskva Telegraph Agency", "2025-08-06T12:00", "Accusations rejected again", [
        ("L01", "RUSMIL", "UKR", "194", "negated", "self", "RUSMIL", "2025-08-06", "Kostiantynivka",
         "The defence ministry again rejected accusations that Russian gunners hit the Kostiantynivka market.",
         "publication"),
    ]),
    ("n06", "Warsaw Morning", "2025-08-05T18:00", "Kostiantynivka under fire for a second day", [
        ("L02", "RUSMIL", "UKR", "190", "actual", "third_party", "UKRGOV", "2025-08-05", "Kostiantynivka",
         "Russian fire again hit Kostiantynivka on Tuesday, one day after the attack on its market, according "
         "to the local military administration."),
        ("L03", "RUSMIL", "UKR", "195", "actual", "outlet", None, "2025-08-05", "Zaporizhzhia",
         "Drones sent by Russia also damaged a power facility in Zaporizhzhia, leaving thousands of households "
         "without electricity."),
    ], "a07"),
    ("n08", "Kharkiv Daily", "2025-10-16T09:00", "Calm response praised", [
        ("L30", "CHNMIL", "TWN", "150", "actual", "outlet", None, "2025-10-16", "Taiwan",
         "Taiwan's president thanked the armed forces for their calm response to the Chinese drills.",
         "publication"),
    ]),
]
ART += NOISE
NOISY = {a[0] for a in NOISE}


def _country(code: str | None) -> str | None:
    if not code or code.startswith("---") or code[:3] in {"IGO", "NGO", "IMG", "MNC"}:
        return None
    return code[:3]


def _dates(s: str) -> tuple[str, str]:
    a, _, b = s.partition("/")
    return a, b or a


def build(out: Path = HERE) -> dict[str, int]:
    outlet_country = {o[0]: o[1] for o in OUTLETS}
    texts: dict[str, str] = {}
    articles, mentions = [], []
    originals = {a[0]: a for a in ART if a[3] != "copy"}
    for a in ART:
        aid, outlet, published = a[0], a[1], a[2] + ":00+00:00"
        if a[3] == "copy":
            orig = originals[a[4]]
            title, specs, copy_of = orig[3], orig[4], orig[0]
        else:  # a rewritten copy names its original as a sixth item
            title, specs, copy_of = a[3], a[4], (a[5] if len(a) > 5 else None)
        sentences = list(dict.fromkeys(sp[9] for sp in specs))
        text = title + ".\n\n" + " ".join(sentences)
        if a[3] == "copy":
            text += f" (Distributed by {originals[copy_of][1]}.)"
        texts[aid] = text
        articles.append({"article_id": aid, "outlet": outlet, "published": published, "title": title,
                         "text": text, "copy_of": copy_of})
        for k, (ev, src, tgt, code, mod, rel, by, dates, place, sentence, *method) in enumerate(specs, 1):
            start, end = _dates(dates)
            pl = PLACES[place] if place else None
            off = text.index(sentence)
            mentions.append({
                "mention_id": f"{aid}-m{k}", "article_id": aid, "outlet": outlet, "published": published,
                "evidence_text": sentence, "evidence_start": off, "evidence_end": off + len(sentence),
                "source_code": src, "source_country": _country(src),
                "target_code": tgt, "target_country": _country(tgt),
                "cameo_code": code, "cameo_root": code[:2], "modality": mod, "attr_relation": rel,
                "attr_by_code": by, "attr_by_country": _country(by),
                "date_start": start, "date_end": end, "date_granularity": "day" if start == end else "range",
                "date_method": method[0] if method else "text",
                "place_name": place, "place_country": pl[0] if pl else None, "place_admin1": pl[1] if pl else None,
                "place_precision": pl[2] if pl else None, "event": ev, "copy_of": copy_of,
            })
    _tag(mentions)
    # gold independent sources per event: outlets, with a syndicated copy counted with its original
    groups = {a["article_id"]: a["article_id"] if not a["copy_of"] else a["copy_of"] for a in articles}
    outlet_of = {a["article_id"]: a["outlet"] for a in articles}
    events = []
    for ev, (desc, status, repeats, note) in EVENTS.items():
        ms = [m for m in mentions if m["event"] == ev]
        srcs = {outlet_of[groups[m["article_id"]]] for m in ms}
        events.append({"event": ev, "description": desc, "status": status, "repeats": repeats,
                       "n_mentions": len(ms), "n_articles": len({m["article_id"] for m in ms}),
                       "n_sources": len(srcs), "note": note or None})
    assert all(m["event"] in EVENTS for m in mentions)
    assert all(o in outlet_country for o in {a["outlet"] for a in articles})
    (out / "mentions.jsonl").write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in mentions),
                                         encoding="utf-8")
    (out / "articles.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                                         encoding="utf-8")
    (out / "events.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events),
                                       encoding="utf-8")
    (out / "outlets.tsv").write_text(
        "outlet\tcountry\tstate_affiliated\twire\tnote\n" + "".join(
            f"{o}\t{c}\t{str(s).lower()}\t{str(w).lower()}\t{n}\n" for o, c, s, w, n in OUTLETS), encoding="utf-8")
    hard = sum(1 for m in mentions if m["hard"])
    return {"mentions": len(mentions), "articles": len(articles), "outlets": len({a["outlet"] for a in articles}),
            "events": len(events), "hard_negatives": hard}


def _span(ms: list[dict]) -> tuple[date, date]:
    return (min(date.fromisoformat(m["date_start"]) for m in ms), max(date.fromisoformat(m["date_end"]) for m in ms))


def _tag(mentions: list[dict]) -> None:
    """Hard-negative tags, from the gold: which trap a mention is part of."""
    by_event: dict[str, list[dict]] = {}
    for m in mentions:
        by_event.setdefault(m["event"], []).append(m)
    info = {}
    for ev, ms in by_event.items():
        clean = [m for m in ms if m["article_id"] not in NOISY] or ms
        acts = [m for m in clean if m["modality"] == "actual"] or clean
        first = next(m for m in clean if m["source_code"])
        places = {m["place_name"] for m in acts if m["place_precision"] == "city"} or \
            {m["place_admin1"] for m in acts if m["place_admin1"]}
        info[ev] = ((first["source_country"] or first["source_code"], first["target_country"] or first["target_code"],
                     first["cameo_root"]), _span(acts), places, {m["source_code"][3:] for m in ms if m["source_code"]})
    for m in mentions:
        tags = []
        key, (s, e), places, sectors = info[m["event"]]
        for ev, (k2, (s2, e2), p2, sec2) in info.items():
            if ev == m["event"] or k2 != key:
                continue
            if s2 > e and (s2 - e) <= timedelta(days=1) or s > e2 and (s - e2) <= timedelta(days=1):
                tags.append("adjacent_day")
            elif s2 <= e and s <= e2:
                tags.append("other_place" if places and p2 and places != p2 else "other_sector"
                            if sectors.isdisjoint(sec2) else "same_day")
            elif abs((s2 - s).days) <= 7:
                tags.append("same_week")
        if EVENTS[m["event"]][2]:
            tags.append("repeat")
        if m["modality"] == "negated" and m["attr_relation"] == "self":
            tags.append("denial")
        if m["copy_of"]:
            tags.append("wire_copy")
        if m["article_id"] in NOISY:
            tags.append("coding_noise")
        m["hard"] = sorted(set(tags))


if __name__ == "__main__":
    print(json.dumps(build()))
