"""Bylines: the people an article credits (``authors``), and the wire services (``agencies``)."""

import functools
import itertools
import re
from collections import Counter
from typing import NamedTuple

import lxml.etree

from archive.indexing.search import UMLAUT_SPELLINGS
from crawler.extraction.page import (
    ANY_WEEKDAY,
    WEEKDAY,
    CARD_CLASS_WORDS,
    page_elements,
    COMMENT_BLOCK_CLASS,
    HOLDS_A_HEADING,
    holds_story_opening,
    CAPITAL,
    INVISIBLE,
    OUTSIDE_THE_STORY,
    RELATIVE_TIME,
    SHORT_YEAR_DATE,
    SLASHED_DATE,
    VISIBLE_DATE,
    address_of,
    find_headline_element,
    glued,
    other_story_cards,
    UNSEEN_TEXT,
    text_near_headline,
    hides,
    is_hidden,
    jsonld_nodes,
    jsonld_types,
    read_once,
    NOT_WORD,
    text_key,
    node_addresses,
    initials_of_site_names,
    site_names_of,
    string_value,
    words_of,
    body_text,
    meta_content,
    plain_text,
    plain_text_pieces,
    plain_text_pieces_without,
    story_nodes,
    text_of,
    trail_sections,
    labelled_sections,
)


# Wire services credited in German-language news, as they sign (case-insensitive): "dpa am
# 25.01.2022" (tour-magazin.de), "von dpa, unserer Redaktion" (bnn.de), "Reuters" as the author
# (sciencealert.com, venturebeat.com).
AGENCIES = {
    "dpa": "dpa",
    "afp": "AFP",
    "epd": "epd",
    "kna": "KNA",
    "reuters": "Reuters",
    # Reuters' code in German agencies' credit lines: "mit dpa/rtr", "(rtr/dpa)" (the Funke,
    # Madsack and Ippen papers' closing credits).
    "rtr": "Reuters",
    # Reuters' owner named as the byline of its copy (cbc.ca's wire stories).
    "thomson reuters": "Reuters",
    "ap": "AP",
    "dts": "dts",
    "sid": "SID",
    "apa": "APA",
    "sda": "SDA",
    # SDA's name since its merger with the picture agency Keystone (2018), as Swiss sites sign
    # its copy: swissinfo.ch, nau.ch, bluewin.ch.
    "keystone-sda": "SDA",
    # AWP Finanznachrichten, the Swiss financial wire, signed beside SDA ("(sda/awp)") or in its
    # dateline: "Zürich (awp) -" (finanzen.ch, finanznachrichten.de, aktiencheck.de), "Zürich
    # (dpa-AFX/AWP) -" (handelsblatt.com).
    "awp": "AWP",
    "ddp": "ddp",
    # ddp's successor 2010-2013: archived stories credit it ("Berlin (dapd)." on wirtschaft-regional.net).
    "dapd": "dapd",
    "kyodo": "Kyodo",
    "bloomberg": "Bloomberg",
    # Dow Jones's wire, whose German service the finance portals and wallstreetjournal.de ran:
    # "FRANKFURT (Dow Jones)--" opening its copy, "(END) Dow Jones Newswires" closing it.
    "dow jones": "Dow Jones Newswires",
    "dow jones newswires": "Dow Jones Newswires",
    # Vereinigte Wirtschaftsdienste, the German financial wire whose copy the finance portals and
    # business papers ran before dpa-AFX took its place: "Frankfurt (vwd) - …" opening the story.
    "vwd": "vwd",
    "afx": "dpa-AFX",
    "dpa-afx": "dpa-AFX",
    "idea": "idea",
    "kathpress": "Kathpress",
    # The national wire services the German-language press of Europe's border regions and
    # minorities credits beside dpa and APA: Denmark's Ritzau (Der Nordschleswiger), the Czech ČTK
    # (Prager Zeitung), Hungary's MTI (Budapester Zeitung), Italy's ANSA (South Tyrol's papers).
    "ritzau": "Ritzau",
    "čtk": "ČTK",
    "ctk": "ČTK",
    "mti": "MTI",
    "ansa": "ANSA",
    # Belgium's national wire service, whose copy the German-language press of East Belgium,
    # read in NRW's border region, runs ("(mit Belga)", "(belga/ge)").
    "belga": "Belga",
    # Latvia's national wire service, credited by the German-language press of the Baltic states
    # ("Mit Material von LETA").
    "leta": "LETA",
    # Namibia's press agency, whose copy the German-language Allgemeine Zeitung of Windhoek runs
    # ("Walvis Bay (Nampa/jr) •").
    "nampa": "Nampa",
    # Brazil's public news agency, credited by the German-language press there ("Mit Material von
    # Agência Brasil").
    "agência brasil": "Agência Brasil",
    "agencia brasil": "Agência Brasil",
    # SP-X, the motoring news service whose copy the regional papers' and trade magazines' car
    # pages run, credited "(SP-X)" at the story's end (autoflotte.de; the Funke and Madsack
    # papers' motoring sections).
    "sp-x": "SP-X",
    # Agra-Europe, the agricultural news agency whose copy the farming weeklies run, credited
    # "(AgE)" or "mit Material von AgE" (the regional agricultural weeklies' sites).
    "age": "AgE",
    # Written out, as English-language wire copy and the agencies' own German names sign:
    # "The Associated Press" (ctvnews.ca, timesunion.com; abcnews.go.com's and npr.org's agency
    # copy as their author), "Agence France-Presse".
    "associated press": "AP",
    "the associated press": "AP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "deutsche presse-agentur": "dpa",
    "evangelischer pressedienst": "epd",
    "katholische nachrichten-agentur": "KNA",
    # dts's copy credited so on the portals that run it (publikum.net's and hasepost.de's "dts
    # Nachrichtenagentur", nachrichten-heute.net's "Deutsche Textservice Nachrichtenagentur").
    "dts nachrichtenagentur": "dts",
    "deutsche textservice nachrichtenagentur": "dts",
}

# Bylines that name a desk rather than a person; kept only when nothing else is credited
# ("Campact-Team" on blog.campact.de, "Redaktion Polizeiticker Schweiz", "Editorial" on
# theguardian.com; "Web Desk", "News Desk", "Business Desk" as English-language sites credit
# their desks). Organisations ("Bund der Energieverbraucher e.V.", "Web Commerce GmbH") count
# as desks too.
# A site's account named after its abbreviation and "Online" ("DZ Online", "RP ONLINE", "WN Online")
# files the stories of local papers' WordPress and tagDiv sites: no person either.
# A compound ending in "team" or "redaktion" is a desk too: "Rechercheteam Die Wirtschaft",
# "Onlineredaktion", "Redaktionsteam" (the magazines' research and online desks).
DESK_WORDS = re.compile(
    r"\b(\w*redaktion|editorial|newsdesk|desk|pressestelle|\w*team|admin|online|"
    r"e\.\s?v|gmbh|ag|se|kg|stiftung|verband|verein)\b",
    re.IGNORECASE,
)

# Organisations credited as authors, by a word of their name: legal forms, public bodies,
# utilities, chambers, publishers ("Stadtwerke Düsseldorf", "IHK Köln", "Stadt Ulm",
# "Wirtschaftsförderung Region Stuttgart", "Landesverband Bayern", "Ørsted Deutschland GmbH",
# "Universität Kassel"), also as the head of a compound ("Presseamt", "Bundestagsfraktion"),
# which German forms by putting the organisation's word last. They go to the desks. The meta
# authors of auswaertiges-amt.de ("Auswärtiges Amt"), gruene-bundestag.de ("… Bundestagsfraktion")
# and feuerwehrtaucher-oldenburg.de ("Feuerwehr Oldenburg, …") name them so; broadcasters too
# ("Hessischer Rundfunk" in hr-online.de's meta tags, "Südwestrundfunk", "Rhein-Neckar Fernsehen",
# "Radio Bremen"), and their regional studios ("BR-Studio Franken" after a reporter on
# br-online.de).
ORGANISATION = re.compile(
    r"(?:^|[\s(/-])(?:stadt|landeshauptstadt|hansestadt|gemeinde|landkreis|kreis|amt|rathaus|kammer|ihk|hwk|agentur|verlag|"
    r"universität|uni|hochschule|institut|klinikum|ministerium|behörde|polizei|feuerwehr|"
    r"sparkasse|volksbank|bund|bündnis|partei|mbh|ug|ltd|inc|llc|gbr|ohg|kgaa|co\.?|"
    r"holding|gruppe|group|media|medien|presse|newsroom|kommunikation|communications|relations|marketing|"
    # Austria's city administrations: "Magistrat Linz", "Magistrat der Stadt Wien".
    r"magistrat|"
    r"abteilung|referat|ressort|dezernat|fachbereich|zentrum|büro|netzwerk|initiative|genossenschaft|"
    r"rundfunk|fernsehen|radio|studio)"
    r"(?=$|[\s,.)/-])"
    r"|[a-zäöüß]{3}(?:werke|verband|verein|förderung|fraktion|kammer|ministerium|amt|agentur|"
    r"verlag|gesellschaft|stiftung|institut|universität|hochschule|behörde|zentrum|verwaltung|"
    r"redaktion|gruppe|genossenschaft|abteilung|stelle|büro|dienst|funk|sekretariat|"
    # Banks, funds and insurers, academies, clinics and municipal works ("Thüringer Aufbaubank",
    # "Techniker Krankenkasse", "Provinzial Versicherung", "Stadtbetriebe").
    r"bank|kasse|versicherung|akademie|kliniken|betriebe)\b|\bstadtwerke\b",
    re.IGNORECASE,
)

# Link and section labels that byline boxes and closing lines hold next to a name: no people
# ("Alle Artikel" on goodnight.at, "Alle Artikel des Autors" on channelpartner.de, "Zur Person"
# on peta.de).
LABEL_PHRASES = {
    "anzeigen",
    "weitere informationen",
    "mehr informationen",
    "mehr zum thema",
    "mehr zum autor",
    "mehr von",
    "mehr dazu",
    "weiterlesen",
    "weiter lesen",
    "kontakt",
    "impressum",
    "datenschutz",
    "pressestelle",
    "pressekontakt",
    "ansprechpartner",
    "ansprechpartnerin",
    "newsletter",
    "anzeige",
    "werbung",
    # Sponsored content's label in the byline's place ("Paid Content", "Sponsored Post"; the
    # Swiss and German trade portals, the WordPress themes' sponsored posts).
    "paid content",
    "paid post",
    "sponsored",
    "sponsored content",
    "sponsored post",
    "advertorial",
    "promotion",
    "teilen",
    "drucken",
    "startseite",
    "alle artikel",
    "alle beiträge",
    "zum profil",
    # The link to the author's page as the byline's only text ("Zum Autorenprofil" on
    # inside-channels.ch, the name in the link's address and the JSON-LD).
    "zum autorenprofil",
    "autorenprofil",
    "zur autorenseite",
    "author profile",
    "zur person",
    "über uns",
    "über den autor",
    "über die autorin",
    "related",
    "more information",
    "read more",
    "contact",
    # An English author box's links: "View All" (rollingstone.com), "View More Articles"
    # (autoindustriya.com), "Show all articles" (verfassungsblog.de).
    "view all",
    "view all posts",
    "view more articles",
    "show all articles",
    "all articles",
    "more articles",
    "view profile",
    "full bio",
    # A source named by its kind, no one's name: "Quelle: Unternehmen" under company news (trade
    # press), "Quelle: Hersteller", "Quelle: Veranstalter", "Quelle: Pressemitteilung".
    "unternehmen",
    "hersteller",
    "veranstalter",
    "pressemitteilung",
    "pressemeldung",
    "presseinformation",
    # The links to the previous and the next post, in a box of the theme's that its class may
    # name the author's (weltexpress.info's tagDiv theme, WordPress themes' post navigation).
    "vorheriger artikel",
    "nächster artikel",
    "vorheriger beitrag",
    "nächster beitrag",
    "previous article",
    "next article",
    "previous post",
    "next post",
    # A contact's details in a press release's credit line ("Pressekontakt: Dortmund-Agentur,
    # Tel. (0231) 50-0", contact boxes on presseportal, city press offices, companies' pages).
    "tel",
    "telefon",
    "fax",
    "telefax",
    "mobil",
    "e mail",
    "email",
    "mail",
    "phone",
}

# Common nouns by their German suffix ("Informationen", "Mitteilung", "Gesundheit",
# "Nachhaltigkeit", "Gesellschaft", "Kommunikation", "Realität"): no part of a person's name.
# Eight letters at least, so that surnames such as Jung or Hartung stay names. ("TVT-Redaktion"
# on tvtoday.de, "Abteilung Wasserrettung", onmeda.de's "Letzte Aktualisierung" in an author box.)
COMMON_NOUN = re.compile(
    r"^[\w-]{3,}(?:ungen|ung|heiten|heit|keiten|keit|schaften|schaft|tionen|tion|sionen|sion|tät|ismus)$",
    re.IGNORECASE,
)

# The author's role as the label of a credit's part: "Fotos und Text: Anna Schmidt" read as
# "Fotos" and "Text: Anna Schmidt" (see :data:`PICTURE_CREDIT`); a reporter's ("Recherche: …"
# beside "Text: …", the magazines' credits), a podcast's or a talk's host ("Moderation: …")
# over the transcript.
ROLES_LABEL = re.compile(r"^(?:text|interview|recherche|moderation|protokoll)\s*:\s*", re.IGNORECASE)
# A credit's part that names someone who did not write the story: a contributor ("Mitarbeit:
# …", "unter Mitarbeit von …": the regional papers' and magazines' credits list them apart from
# the writers), the translator ("Aus dem Englischen von …", "Übersetzung: …", "Translated by
# …"), the copy editor, the video's crew.
NOT_THE_WRITER = re.compile(
    # After the author's credit, "Redakteur:" names the editor who looked after a guest's text
    # (the Vogel trade magazines' "Ein Gastbeitrag von … | Redakteur: …"); leading the byline it
    # is the writer's label (BYLINE_PREFIX).
    r"^(?:redakteur(?:in)?\s*:|(?:unter )?mitarbeit\b|aus dem [\w-]+ (?:übersetzt )?von|übersetz(?:t|ung)\b|lektorat\b|"
    r"schnitt\b|kamera\b|translated by|translation\b|"
    # A reviewer of an advice page ("Fachlich geprüft von …", "Medizinisch geprüft von …",
    # "Reviewed by …": finance, insurance and health portals print the expert who checked it).
    r"(?:[\w-]+ )?geprüft von|reviewed by|fact-checked by)",
    re.IGNORECASE,
)

# "Autor" with its feminine, plural and gender-inclusive endings: "Autorin", "Autoren",
# "Autor(en)" (Computerwoche), "Autor*innen" (blog.campact.de), "Autor*in" (freitag.de),
# "Autoren:" (erneuerbareenergien.de), "Autor:innen", "Autor/in"; "Verfasser" (press portals: openPR).
# The slashed and colon endings are the same inclusive label in the other spellings German uses.
AUTHOR_WORD = (
    r"(?:(?:Autor(?:in|en|innen|In|Innen|\(in\)|\(en\)|\*in|\*innen|:in|:innen|_in|_innen|/in|/innen)?"
    r"|Verfasser(?:in|innen)?)"
    # The story named after the label: "Autor dieses Beitrags:" (kommunal.at's Drupal theme),
    # "Autorin des Artikels:", "Verfasser des Textes:" (associations' and chambers' news).
    r"(?:\s+(?:dieses|des|der|dieser)\s+(?:Beitrags|Artikels|Textes|Berichts|Kommentars|Interviews|Meldung|Nachricht))?)"
)

# The words' and the pictures' credit in one label, in either order: "Text und Fotos", "Text &
# Bild", "Text/Foto", "Foto/Text", "Interview und Text".
WORDS_AND_PICTURES = (
    r"(?:Text\s*(?:&|und|/)\s*(?:Fotos?|Bild(?:er)?|Interview)|(?:Fotos?|Bild|Interview)\s*(?:&|und|/)\s*Text)"
)

# The verb of a blog or CMS template before the name: "Erstellt von …" (Joomla, TYPO3 news;
# eawag.ch, gay.ch), "Veröffentlicht von …", "Gepostet von …", "Beitrag von …" (German
# WordPress themes; stylegart.de), "Posted by …", "Written by …" (English ones; vortexcannon.org,
# theantijunecleaver.com), and the story's form before it in English ("Analysis by …" on
# cnn.com, "Opinion by …", "Commentary by …", "Story by …"); a press release's "Pressekontakt:"
# in an element marked as its author's: a label, however the byline element is marked.
BYLINE_PREFIX = re.compile(
    r"^\s*(von|by|quelle|pressekontakt|medienkontakt|"
    + WORDS_AND_PICTURES
    + r"|text|interview|"
    # The paired labels of the Vogel magazines' meta line, "Autor / Redakteur: … / …" (both
    # credited, as the line names the writer and the editor who wrote it up).
    + AUTHOR_WORD
    + r"\s*/\s*redakteur(?:in)?(?=\s*:)|"
    + AUTHOR_WORD
    + r"|author|(?:ein )?artikel von|"
    r"(?:ein )?(?:gast)?beitrag von|(?:verfasst|erstellt|gepostet|veröffentlicht|geschrieben|eingestellt|zusammengestellt) von|"
    # "Geteilt von …" (deal portals' and forums' posts: mydealz.de), "Dieser Gastbeitrag stammt
    # von …" (a guest post's credit in the author's <address>: netzpiloten.de).
    r"geteilt von|(?:(?:dieser|der) )?(?:gast)?(?:beitrag|artikel|text) stammt von|"
    # The author link's text of WordPress themes, "View all posts by %s" in German and English
    # ("Alle Beiträge von Hinnerk anzeigen" on frosta.de's blog, ruhrnachrichten.de's old one),
    # "anzeigen" cut off after the name (:data:`LABEL_PHRASES`).
    r"alle (?:beiträge|artikel|posts) von|view all posts by|"
    r"(?:posted|written|analysis|opinion|commentary|story|reporting) by|"
    # The writer's part in the byline element, as labels say it: "Redakteurin:", "Protokoll:"
    # and "Aufgezeichnet von" (first-person pieces), "Recherche:", the story's form ("Kommentar
    # von", "Eine Analyse von").
    r"redakteur(?:in)?|recherche|protokoll|(?:aufgezeichnet|notiert) von|"
    # A television report's credits: "Beitrag: Sandra Pohle · Kamera: …", "Reporter: …"
    # (regional and city TV stations' video pages).
    r"beitr(?:ag|äge)(?=\s*:)|reporter(?:in)?(?=\s*:)|report(?=\s*:)|"
    # A guest's label ("Gastautorin: …", "Guest Author: …"), MSN's "Geschichte von …" over the
    # partner publishers' stories it republishes, and the French "Par …" of bilingual regions'
    # papers (Alsace, Luxembourg, Romandy).
    r"gast" + AUTHOR_WORD + r"|guest (?:author|contributor|post by)|(?:eine )?geschichte von|(?-i:Par)|"
    r"(?:ein |eine )?(?:kommentar|gastkommentar|standpunkt|analyse|bericht|reportage|kolumne|glosse|essay|rezension) von)\s*:?\s+",
    re.IGNORECASE,
)

# Between names: ";", ",", "und", "&" (lebensmittelpraxis.de's JSON-LD lists six people so, the
# AP's "By …, … and …" on hosted.ap.org). "im Gespräch mit" joins an interview's guest and host
# (:data:`INTERVIEW_BYLINE`; deutschlandfunk.de). "und" after a
# hyphen joins the parts of one compound ("Presse- und Kommunikationsamt", "Wirtschafts- und
# Stadtentwicklung"): one office, not two credits.
# "Von Katrin Oberländer mit Felix Rammig" (Funke's and Madsack's shared reports), "Anna Schmidt
# mit dpa": a co-author or the agency, as after "und" (the capitals read as written); and "mit
# Material von dpa" in the byline (WOZ's, CH Media's): the agency.
MIT_SEPARATOR = (
    r"\bmit\s+(?:Material|Informationen)\s+(?:von|der|aus)\b"
    # Not the material's credit set in capitals ("MIT MATERIAL VON DPA"), read first above.
    r"|\bmit\b(?!\s+(?:material|informationen)\s)"
    r"(?=\s+(?-i:" + CAPITAL + r"[\w'’.-]*\s+" + CAPITAL + r"|(?:AFP|AP|Reuters|dpa|epd|KNA|SID|APA)\b))"
)
NAME_SEPARATORS = re.compile(
    r"\s*(?:;|,|(?<!-)(?<!-\s)\bund\b|\band\b|&|\s/\s|\||\bim gespräch mit\b|\bim interview mit\b"
    # "By Lena Brandt with AFP" (Euronews, France 24): the agency after the reporter.
    r"|\bwith\b(?=\s+(?:AFP|AP|Reuters|dpa)\b)|" + MIT_SEPARATOR + r"|\bin conversation with\b"
    # "Von Anna Schmidt u. Jens Müller": "und" abbreviated as in print (not "u.a.", "and others").
    r"|\bu\.(?=\s+(?-i:" + CAPITAL + r"))"
    # The full stop after a name before the next credit: "Von Anna Schmidt. Mitarbeit: Jan
    # Meyer", "… . Aus dem Englischen von …"; "unter Mitarbeit von" after a name. The writers'
    # roles in a row so ("Recherche: Jan Meyer. Text: Anna Schmidt" in the public broadcasters'
    # author lines, "Interview: … . Protokoll: …" in the magazines' credits).
    r"|(?<=[a-zäöüß])\.(?=\s+(?:mitarbeit|recherche|aus dem|übersetz|translated|(?:text|interview|moderation|protokoll)\s*:))"
    r"|(?<=[a-zäöüß])(?=\s+unter mitarbeit\b)"
    # The contributor's credit on the next line: "Text: Achim Wiesner<br>Mitarbeit: Julia …",
    # the lines read as one.
    r"|(?<=[a-zäöüß])(?=\s+mitarbeit\s*:)"
    # A name and the desk after a slash: "Andrea Schuler/Redaktion March24 & Höfe24" (Swiss
    # regional papers sign their reporters so, the desk and the titles after them).
    r"|(?<=[a-zäöüß])/(?=redaktion\b))\s*",
    re.IGNORECASE,
)
JOINING_MIT = re.compile(MIT_SEPARATOR, re.IGNORECASE)

# "(nic)", "(dpa)", "(dpa/lnw)", "(AFP/red)": a story's closing credit in German papers.
# "(mit dpa)": the reporter's story with the agency's material (Leipziger Volkszeitung's "Von mro
# (mit dpa)", Computerwoche's "(mit Material von dpa)", heise's "…, mit Material der dpa").
# A code may hold a hyphen: dpa-AFX's own "(dpa-AFX)" under its copy on finance portals; the
# site's name may come first, an apostrophe in it ("(L'essentiel/AFP)" under agency copy).
CLOSING_CREDIT = re.compile(
    # "(Quelle: dpa)" so too: a trade portal's source line in brackets under the story.
    r"\((?:mit\s+|Quelle:\s*)?((?:[A-Za-z][A-Za-z'’-]{1,11}\s*/\s*)?[A-Za-z][A-Za-z-]{1,8}(?:\s*[/,]\s*[A-Za-z][A-Za-z-]{1,8})*)\)\s*$"
)
# A wire service whose name holds letters beyond ASCII, alone in the closing brackets: "(ČTK)".
# Only a known agency counts: "(gekürzt)" closes a shortened press release.
CLOSING_AGENCY = re.compile(r"\(([^\W\d_]{2,8})\)\s*$")
# The source named after the story's last sentence on its line: "… vorgelegt werden. Quelle: dpa"
# (a trade portal's ticker items). Only a wire service counts.
CLOSING_SOURCE = re.compile(r"[.!?“\"]\s+Quelle:\s*([A-Za-z][\w-]{1,11})(?:\s*/\s*[a-z]{2,5})?\s*$")

# The story's last line crediting the wire services whose reports it draws on: "Mit Material
# von dpa und AFP" (tagesschau.de, ZDFheute, stern.de), "Mit Informationen der dpa", "With
# material from dpa and Reuters" (English editions), or "with AFP" alone under an English byline
# (The Local, France 24). Only the wire services among its words are credited.
MATERIAL_CREDIT = re.compile(
    # In brackets too, after the story's last sentence: "(Mit Material der dpa)" (the Ippen
    # portals), "(mit Material von dpa)" (Computerwoche).
    # After the station's own name in a source line too: "Quelle: Radio 7, mit Material der dpa";
    # after a separator, closing a note or the pictures' credit: "Dieser Artikel erschien zuerst
    # im Hamburger Abendblatt. – mit Material von dpa", "Fotos: … · mit Material von dpa/lsw",
    # "Matthias Rehberg / mit Material von dpa" (a trade magazine's source line).
    # After the writer's credit or the site's name: "Text: Sabine Gerber, ee-news.ch, mit Material
    # der SDA", "News4teachers / mit Material der dpa"; after a press release's source:
    # "Quelle: Pressemitteilung der Stadtwerke Nienburg/Weser GmbH; mit Material der dpa".
    # The rest of a byline in an element of its own after the name's: ", mit Material von dpa"
    # ("Von <span>Lars Overbeck</span>, mit Material von dpa" in a Joomla portal's byline).
    # A desk's or writer's credit before it on its line: "Redaktion DGS mit Material von dpa".
    r"(?:^|\n|\(|^[^\n()]{1,80}?(?:,|;|\s[–·|/])|^[,;–·|/]|\s[–·|/]\s|^(?:Redaktion|Text)\b[^\n(),;:]{0,60}?\s(?=mit\s))\s*(?:Mit (?:Material(?:ien)?|Informationen|Agenturmaterial) (?:von|der|aus)|With (?:material|reporting) from"
    r"|With(?=\s+(?:AFP|AP|Reuters|dpa)\b)"
    # "mit SDA" alone under the story (the Tamedia papers' agencies line), "mit dpa".
    # "(mit Keystone-SDA)" in brackets under the story (the Ticino and Grisons weeklies).
    r"|Mit(?=\s+(?:AFP|AP|Reuters|dpa|SDA|Keystone-SDA|APA|KNA|epd)(?:/[a-z]{2,5})?\)?[ \t]*(?:\n|$)))"
    # "der Nachrichtenagenturen dpa und AFP", "der Nachrichtenagentur SDA": the agencies named after
    # the word (Berner Zeitung's line; the live blogs' "Material der Nachrichtenagenturen dpa,
    # Reuters, epd, KNA und Bloomberg").
    r"(?:\s+Nachrichtenagentur(?:en)?)?"
    r"\s+(?P<codes>[^\n]{2,60})$",
    re.IGNORECASE,
)


# The agencies' material credited after a signature on its line.
MATERIAL_AFTER = re.compile(
    r",?\s+mit\s+(?:Material(?:ien)?|Informationen|Agenturmaterial)\s+(?:von|der|aus)\s+[^\n]{2,60}$", re.IGNORECASE
)


def _material_line(tree):
    """The :data:`MATERIAL_CREDIT` match of a text piece of the page that is that line alone:
    sites that set it in the story's footer (BR24's "Mit Material von dpa" under the text,
    beside the tags) keep it out of the extracted text. The same credit as that rule's
    (tagesschau.de, ZDFheute, stern.de), read where the page sets it."""
    if not MATERIAL_WORDS.search(body_text(tree)):
        return None
    return next(
        (match for piece in reversed(plain_text_pieces(tree)) if (match := MATERIAL_CREDIT.fullmatch(piece))), None
    )


# A line of codes alone crediting the story, a wire service among them: the station and its
# editor's code with the agency ("MDR (cdi)/dpa" under mdr.de's stories), the editor's code and
# the agencies ("bam/dpa" under SPIEGEL's wire copy, "lers/dpa" under Merkur's), a source line
# naming the site first ("Quelle: ntv.de, sro/dpa" under n-tv's, "Quelle: n-tv.de, dpa" on its
# older pages; "kath.ch/kna/sme" under kath.ch's agency copy). Without a slash, only after the
# site's name: a word alone is no credit.
# A station's sources may be listed with commas, each with its editors' codes: "MDR JUMP
# (akr/pwe), MDR THÜRINGEN (ska), dpa" (the MDR's stations). An agency's name with its owner's is
# one code: "Keystone-SDA/ts" (swissinfo's copy on expatica.com and the Swiss portals).
STATION_NAME = r"(?:Radio|Antenne|Hitradio|Tele|TV|Regionalfernsehen)(?:\s+[A-ZÄÖÜ][\w-]+){1,2}"
CODE_ITEM = r"(?:[A-Z]{2,8}(?:\s+[A-ZÄÖÜ]{2,12})?\s*\([a-z]{2,5}(?:/[a-z]{2,5})*\)|[A-Za-zÄÖÜäöü][A-Za-zÄÖÜäöü-]{1,11})"
CODES_LINE = re.compile(
    # "Redaktion: muenchen.de / dpa": the site's desk and the agency (a city portal's credit).
    # A station's name of two or three words before the slash: "Radio Basilisk/sda", "Quelle:
    # Antenne Vorarlberg / APA" (the regional radio stations' agency copy).
    r"(?P<label>(?:Quelle|Redaktion)\s*:\s*)?(?P<site>(?:[\w-]+\.[a-z]{2,3}|" + STATION_NAME + r")\s*[,/]\s*)?"
    r"(?P<codes>" + CODE_ITEM + r"(?P<more>(?:\s*[/,]\s*" + CODE_ITEM + r")+)?)\.?"
)


# What parts a line of codes into its codes: "(apa/sda)", "jm / dpa", "(ska), dpa".
CODE_PARTS = re.compile(r"[\s/(),]+")


def _codes_lines(tree, text: str) -> list[str]:
    """The codes of the :data:`CODES_LINE` lines of the story's ``text``, else of the page's
    text pieces that are such a line alone (the text's clean-up drops a line of codes after the
    story with the picture credits); :func:`_add_agencies` credits the wire services among them."""
    found = [(line, codes) for line in text.splitlines() if (codes := _credited_codes(line.strip()))]
    if not found:
        lines = [
            (piece, codes)
            for piece in plain_text_pieces(tree)
            if len(piece) <= 60
            # The test _credited_codes starts with, made here first: most pieces fail it.
            and ("/" in piece or piece.startswith(("Quelle", "Redaktion")))
            and (codes := _credited_codes(piece))
            and any(code.lower() in AGENCIES for code in CODE_PARTS.split(codes))
        ]
        # Not another story's card's line ("sda/htr · 19.12.2025" under a teaser).
        carded = _teaser_card_pieces(tree, None) if lines else set()
        found = [(piece, codes) for piece, codes in lines if piece not in carded]
    if found:
        # Not a chart's or picture's source under it, in the same paragraph or figure ("<p><img
        # …><br><small>Quelle: Bernecker / Bloomberg</small></p>", an investor letter's chart).
        pictured = [" ".join(text_of(element).split()) for element in PICTURED_BLOCKS(tree)]
        found = [
            (line, codes) for line, codes in found if not any(" ".join(line.split()) in block for block in pictured)
        ]
    return [codes for _line, codes in found]


PICTURED_BLOCKS = lxml.etree.XPath("//body//*[self::p or self::figure][.//img]")


def _credited_codes(line: str) -> str | None:
    """The codes of a :data:`CODES_LINE` line: several joined by slashes, or one after the
    site's name; in brackets too ("(apa/sda)", Liechtensteiner Volksblatt's source line)."""
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1]
    if "/" not in line and not line.startswith(("Quelle", "Redaktion")):
        return None
    match = CODES_LINE.fullmatch(line)
    if match is None or not (match["more"] or match["site"]):
        # "Quelle: dpa" alone is as often a picture's source (in its caption) as the story's:
        # the story's is read as a source line (:func:`source_credits`) where nobody is named.
        return None
    return match["codes"]


# dpa's number of a story, printed under its copy where partners run it unchanged: "dpa:260312-
# 99-123456/2" (ZEIT ONLINE's news feed, the Madsack and Funke regional portals, local radio
# sites), "© dpa-infocom, dpa:…" under the stories of its features service. A credit to dpa
# wherever the page shows it.
DPA_STORY_NUMBER = re.compile(r"\bdpa:\d{6}-\d{2,3}-\d{5,7}/\d{1,3}\b")
# A wire's end mark under its copy, the credit where no byline names it: "(END) Dow Jones
# Newswires" (the Dow Jones wire's copy wherever it runs, its time stamp and copyright after it).
WIRE_END_MARK = re.compile(r"\(END\)\s+(?P<agency>Dow Jones Newswires)\b")

MATERIAL_WORDS = re.compile(
    r"\b(?:mit (?:material(?:ien)?|informationen|agenturmaterial|afp|ap|reuters|dpa|sda|apa|kna|epd)"
    r"|with (?:material|reporting|afp|ap|reuters|dpa))\b",
    re.I,
)

# "Hamburg (dpa/lno) – Trotz …", "Frankfurt (dpa-AFX) - …": the agency's dateline opening the story
# (welt.de's, finanztreff.de's and tour-magazin.de's agency copy; "WASHINGTON (Reuters) -"), and
# with a full stop, as epd writes its datelines ("Rom (epd). Spitzenvertreter …" on ekd.de,
# "Straßburg/Speyer (epd). Für …" on meine-kirchenzeitung.de, osservatoriopr.net's copies).
# dts signs its own so, the word written out: "München (dts Nachrichtenagentur) – …" on the portals
# running its copy (hasepost.de, publikum.net). KNA's sets no mark after the bracket: "Bonn (KNA)
# Die Bischöfe …" (katholisch.de, domradio.de, the diocesan papers). A bullet may part it from the
# text: "Walvis Bay (Nampa/jr) • Die …" (Windhoek's Allgemeine Zeitung). The site may name itself
# by its address beside the agency: "Kempten (kath.net/KNA) Die …", "(kath.net/idea)".
OPENING_CODE = r"(?:[a-z][\w-]{0,20}\.(?:de|at|ch|net|com|org|info|eu|lu|li)|[A-Za-z][A-Za-z-]{1,8})"
OPENING_CREDIT = re.compile(
    r"(?:"
    + CAPITAL
    + r"[^()\n]{0,40}?\s)?\((?P<codes>"
    + OPENING_CODE
    + r"(?:\s*[/,]\s*"
    + OPENING_CODE
    + r")*)(?:\s+Nachrichtenagentur)?"
    # The agency's service after its name: "NEW YORK (dpa-AFX Analyser) - " (dpa-AFX's analysts'
    # ratings, run by the brokers' and banks' portals), "(dpa-AFX Broker)".
    r"(?:\s+(?:Analyser|Broker|Kompakt))?\)(?:\s*[-–—:.•·]\s|\s+(?=[A-ZÄÖÜ]))"
)

# How many of the story's first lines may open with the agency's dateline: the byline and a
# subheadline may stand before it (dresden-live.com's "von K. Reuschel" over "Ottendorf-Okrilla
# (dpa/sn) – …").
OPENING_REACH = 4
# Longer than this, a line before the dateline is a paragraph of the story, not a lead, a
# subheadline or a byline (foodaktuell.ch's lead of 231 characters stands over "Wolhusen LU
# (awp/sda) – …").
OPENING_LINE_LENGTH = 320

# An element's own class naming a teaser, related story or comment (OUTSIDE_THE_STORY for ancestors):
# reuters.com's "RelatedContent_byline", sportsnet.ca's "related-links-author", zdnet.de's
# "comment-author".
TEASER_CLASSES = COMMENT_BLOCK_CLASS + ' or contains(@class, "related") or contains(@class, "teaser")'

# A byline inside a link that holds a headline too is a teaser card's: lists of other stories
# set each card as one link around picture, headline and "Von … am …" (WordPress magazine
# themes' post grids, the trade magazines' "Fachartikel" lists, the card decks of t-online,
# stern.de and the Ippen portals), whatever the card's class says.
# A link to the author's own page ("/autoren/anna-schmidt/", a profile card with the name as
# its heading and the job as its "author-card__title") is the byline's, not a teaser's.
IN_A_TEASER_LINK = (
    "ancestor::a[not(contains(@href, '/autor') or contains(@href, '/author') or contains(@href, '/profil')"
    " or contains(@href, '/team/') or contains(@href, '/redaktion/'))]"
    "[.//h2 or .//h3 or .//h4 or .//*[contains(@class, 'title') and not(contains(@class, 'autor')"
    " or contains(@class, 'author'))]]"
)

# A paragraph that opens with a link to another story, its credit after it ("<p><a …>Term Sheet
# verhandeln: Die fünf häufigsten Fehler</a><br><span class="author">Ein Gastbeitrag von
# …</span></p>" in a sidebar's box of other stories), as a list item beside such a link (below).
# A link to another story: a headline's length, not to an author's page.
A_STORY_LINK = (
    "[string-length(normalize-space()) > 30]"
    "[not(contains(@href, '/autor') or contains(@href, '/author') or contains(@href, '/profil'))]"
)
OPENS_WITH_A_STORY_LINK = "[(a | text()[normalize-space()])[1][self::a][@href]" + A_STORY_LINK + "]"
IN_A_LINKED_PARAGRAPH = "ancestor::p[1]" + OPENS_WITH_A_STORY_LINK

# A byline in a list item beside the link to another story ("<li><a href=…>Autozulieferer in NRW:
# Die stille Krise</a> <span class="byline">Von …</span></li>"): lists of other stories under or
# beside the story, each item with its author, whatever the list's class says; Drupal's views
# rows, the items of its every list, so.
BESIDE_A_STORY_LINK = "[.//a" + A_STORY_LINK + "]"
IN_A_LISTED_STORY = (
    "ancestor::*[self::li or self::div[contains(@class, 'views-row')]][1]" + BESIDE_A_STORY_LINK + " or "
    # The same in a list of <div>s: the nearest item or card around the byline, a small one
    # without the page's <h1>, links to another story ("more-articles__item": a link around the
    # teaser, its meta line with "Von Dr. Helga Brandner" beside it).
    "ancestor::*[contains(@class, 'item') or contains(@class, 'card')][1][.//a" + A_STORY_LINK + "]"
    "[not(.//h1)][count(.//p) < 3]"
)

# The class words of a byline's element, in camel case too ("newsAuthor", "articleByline": the
# older CMSes' and the TYPO3 templates' class names), found anywhere in the class attribute.
BYLINE_CLASS = re.compile(
    "byline|author|autor|by-line|Byline|Author|Autor"
    # A column's writer: "columnist-name" (magazines' opinion columns, "Standpunkt", "Kolumne").
    "|columnist"
)


def _marked_as_bylines(tree) -> list:
    """The page's elements marked as a byline, in page order: by ``itemprop="author"`` (swr.de),
    ``rel="author"`` (theguardian.com) or a class holding a :data:`BYLINE_CLASS` word
    (brandeins.de's "article-author"). A walk over the elements in Python, each one's attributes
    read once, is quicker than the same search in XPath, a union of three searches over every
    attribute of the page sorted into page order (docs/notes/2026-12-extraction-cpu.md)."""
    return [
        element
        for element in page_elements(tree)
        if (attributes := element.attrib)
        and (
            attributes.get("itemprop") == "author"
            or attributes.get("rel") == "author"
            or BYLINE_CLASS.search(attributes.get("class", ""))
        )
    ]


# A byline inside an <article> of its own whose heading links to another story, the page's <h1>
# outside it: the post grids of page builders and themes ("elementor-post" cards under
# "Weitere Artikel", WordPress themes' related-post loops) set each card so, whatever its class.
IN_A_STORY_CARD = (
    "ancestor::*[self::article or @itemtype[contains(., 'schema.org/') and (contains(., 'Article')"
    " or contains(., 'Posting'))]]"
    "[not(.//h1)][count(.//p) < 3][.//h2//a[@href] or .//h3//a[@href] or .//h4//a[@href]]"
)
# A card in a sidebar, the nearest block around the byline with a heading that links to another
# story: the tagDiv Newspaper theme's "td_module" cards in its "td-ss-main-sidebar", other themes'
# widgets of recent posts. The sidebar is a class word ending in "sidebar" on a block without the
# story's <h1>: not a story's meta column ("is-sidebar-meta") nor a layout's wrapper
# ("content-sidebar-wrap"). The story's author card set in the sidebar (techbook.de, goodnight.at)
# links to no story under a heading, and counts.
SIDEBAR_CLASS = 'contains(concat(" ", normalize-space(@class), " "), "sidebar ")'
# A sidebar among the byline's ancestors first: most bylines stand in none (a layout's wrapper
# "has-sidebar" holds the <h1>), and the card's search costs more.
IN_A_SIDEBAR = (
    f"(ancestor::*[contains(@class, 'sidebar')][{SIDEBAR_CLASS}][not(.//h1)]"
    f" and ancestor::*[(.//h2 | .//h3 | .//h4)//a[@href]][1][ancestor-or-self::*[{SIDEBAR_CLASS}][not(.//h1)]])"
)
# A WordPress widget promoting another story: "<aside class="widget widget_text"><h3>Kommentar der
# Woche</h3> … <a href="…">Die Primärversorgung braucht mehr als ein Gesetz</a> … Von Mag. Karin
# Pernhofer, Chefredakteurin …</aside>" (the core's widget markup in every theme's sidebar and
# footer, "widget widget_<type>"): a link of a headline's length in a widget without the story's
# <h1>. An author widget links the writer's page by a short label ("Alle Beiträge") and counts;
# Blogger's "widget Blog" holding the post itself has no type after an underscore.
IN_A_WIDGET = (
    "ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' widget ')][contains(@class, 'widget_')]"
    "[not(.//h1)][.//a[@href][string-length(normalize-space()) > 30]]"
)
# A byline element of a teaser, a comment or a quoted post: another story's or a reader's.
ELSEWHERE = lxml.etree.XPath(
    f"boolean(self::*[{TEASER_CLASSES}] or {OUTSIDE_THE_STORY} or {IN_A_TEASER_LINK} or {IN_A_LISTED_STORY}"
    f" or {IN_A_STORY_CARD} or {IN_A_LINKED_PARAGRAPH} or {IN_A_SIDEBAR} or {IN_A_WIDGET})"
)
IN_TEASER_LINK = lxml.etree.XPath(f"boolean({IN_A_TEASER_LINK} or {IN_A_LISTED_STORY} or {IN_A_LINKED_PARAGRAPH})")
IN_SIDEBAR = lxml.etree.XPath(f"boolean({IN_A_SIDEBAR} or {IN_A_WIDGET})")
# A byline element inside another story's card: a teaser, related or recommended block holding a
# headline of its own (stern.de's "teaser-content", sliders' "slider-teaser", related-stories
# lists; furche.at's "slider-teaser-opinion__author", wirtschaftspsychologie-aktuell.de's
# "teaser__authored"), which :func:`_not_from_teasers` keeps from trafilatura's guess too. An author box whose
# class says "teaser" holds no headline ("teaser-box author" on goodnight.at) and counts.
IN_TEASER_CARD = lxml.etree.XPath(
    "boolean(ancestor-or-self::*["
    + " or ".join(f'contains(@class, "{word}")' for word in CARD_CLASS_WORDS)
    + f"]{HOLDS_A_HEADING} or {IN_A_STORY_CARD})"
)
# A form's field: WordPress's comment form marks the name field "comment-form-author", its label
# "Name *" or "Name (Pflichtfeld)" in the blog's language (autonews.ch, stylegart.de,
# wolfgangmichal.de, it-finanzmagazin.de; "Nama (wajib)" on kabarislamia.com); a login or contact
# form's "author" field likewise. Not the <form> around a whole page that ASP.NET sites have, nor
# an author box's "follow" button: only a text field inside the element, or a label.
REQUIRED_MARK = re.compile(r"\([^)]*\)?|\*")
FORM_FIELD = lxml.etree.XPath(
    'boolean(self::label or ancestor::label or .//input[not(@type) or @type="text"] or .//textarea)'
)
# WordPress's "Recent Comments" widget (its core markup: "widget_recent_comments",
# "recentcomments", "comment-author-link"; in the sidebars of autonews.ch, boxen.de,
# resonator-podcast.de): the names in it are commenters on other posts. A forum's or a blog's own
# thread, whose first post may be the page's story, is not such a list.
IN_RECENT_COMMENTS = lxml.etree.XPath(
    'boolean(ancestor-or-self::*[contains(@class, "recentcomments") or contains(@class, "recent_comments")'
    ' or contains(@class, "recent-comments")])'
)


def byline_elements(tree) -> list:
    """The page's elements marked as a byline (:func:`_marked_as_bylines`); four rules read
    them, the search over every element of the page is made once."""
    return read_once(tree, "byline_elements", _marked_as_bylines)


# A CMS's placeholder account in the author field: WordPress's "admin" (bmas.de, autonews.ch,
# autoracing.com.br, inexhibit.com), the Government Site Builder's "publisher" (bmel.de,
# bsi.de), Joomla's "Administrator", "webmaster", and "admin" with the site's or a web's prefix
# ("webadmin", "siteadmin", "wpadmin"), the same placeholder account; the account a blog or an
# association files its guests' posts under ("Gastautor", "Gast Autor"), whose page names the
# guest (:func:`guest_author`).
# Joomla's first account is "Super User" on every site installed with its defaults; "admin" with a
# site's initials before it ("rm-admin", "hz_admin") is the same account named by its site.
PLACEHOLDER_ACCOUNT = (
    r"^(?:(?:[a-z0-9]{1,12}[-_.])?(?:web|site|wp|sys)?admin|administrator|publisher|webmaster|"
    r"super\s?user|gast[\s-]?autor(?:in)?)$"
)

# Comment signatures ("Karl sagt"), picture credits, form labels, addresses: not bylines
# ("@siegmund.berghammer sagt:" on exxpress.at, "© imago/Nordphoto" on abendzeitung-muenchen.de,
# an e-mail address on tegernseerstimme.de, in elements marked as the author's).
NOT_A_NAME = re.compile(
    r"\bsagt$|©|\*|^name\b|^https?:|@|^(?:publiziert|veröffentlicht|erschienen|"
    r"aktualisiert|geschrieben)\b|"
    # A date line's weekday taken for a byline ("Donnerstag, 4. November 2021", "by Monday, …").
    r"^" + ANY_WEEKDAY + "$|"
    # The site's credits in its footer, in an element whose class says "author": the theme's or
    # the web agency's maker ("Theme: Pirate Rogue von xwolf" on piratenpartei.de, "Theme:
    # ColorMag von ThemeGrill", "Enfold Theme by Kriesi", "Webdesign von …", "Powered by …").
    r"^(?:theme|(?:web)?design(?:ed)?|powered)\b|\b(?:theme|template)\s+(?:by|von)\b|"
    # A CMS's placeholder account ("admin", "Gastautor").
     + PLACEHOLDER_ACCOUNT + "|"
    # A CMS's account or record number in the author field ("user_4711", "u12345"): an
    # identifier, no one's name; so is a login in small letters joined by a dash or an
    # underscore ("bda-jw": the site's letters and the editor's, "red_online").
    r"^[a-z]+[_-]?\d+$|^(?-i:[a-z]+[-_][a-z]+)$|"
    # The desk speaking of itself ("Von unserer Redaktion", "unserem Korrespondenten"), and the
    # heading of an author box read with it ("Über den Autor", "Autoren dieses Artikels"; "Über
    # admin", WordPress's Twenty Thirteen and its children heading the box "About %s").
    r"^unser(?:e|er|em|en|es)?\b|^über\b|\bdieses artikels\b|"
    # Blogger's link to the author's profile, its text the same on every blog ("Mein
    # vollständiges Profil anzeigen", "View my complete profile").
    r"^mein vollständiges profil\b|^view my complete profile$|"
    # A byline part that is only its label or a preposition: a template's byline whose name
    # field is empty ("von am 20.06.2018" on oberstdorf-resort.de), or a label set apart from
    # the name it introduces ("Von" on mz-web.de and presse-augsburg.de, "By" on latimes.com).
    r"^(?:von|by|am|um|an|on|at|im|in|zum|zur|posted|geschrieben)$",
    re.IGNORECASE,
)

# The label a date line starts with.
DATE_LABEL = r"(?:Aktualisiert|Veröffentlicht|Published|Updated|Posted)"
MONTH = (
    r"(?:Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)"
)
# A month's abbreviation before its day, in either language: "Jens Hoppe Nov 06, 2025"
# (Substack's and Medium's author line), "Anna Schmidt 12. Okt. 2025" is the day's number first.
MONTH_ABBREVIATION = r"(?:Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept?|Okt|Oct|Nov|Dez|Dec)\.?"

# Where a byline goes on with its date line, in German or English: "Von Anna Schmidt · 21.11.",
# "Von Anna Schmidt Montag, 21.11.2024" (regional papers' byline boxes), "Reuters November 18,
# 2019", "Tom Davies Associated Press Published 11:20 a.m." (venturebeat.com, jpost.com,
# detroitnews.com): a weekday, or a month before its day, is the date's start, not a name's end.
# So is a relative time, with a space or without one where the name's and the time's elements
# meet: "Houzz Deutschlandvor 5 Stunden" (houzz.de; eishockeynews.de, finanzmarktwelt.de and
# mdr.de print times so too).
DATE_START = (
    r"(?:^|(?<=\w)|\s)" + RELATIVE_TIME + r"|(?:\s(?:am|on)\s+|^(?:am|on)\s+)" + ANY_WEEKDAY + r"\b|"
    # A weekday without "am" goes on with its date; a name may end in one ("Anna Freitag").
    r"\s" + ANY_WEEKDAY + r"(?=\s*,|\s+(?:den\s+|the\s+)?\d)|"
    r"(?:^|\s)(?:" + MONTH + "|" + MONTH_ABBREVIATION + r")\s*(?=\d)|"
    # The name's and the date's elements read without a space between them: "Jeff FoustMonday,
    # November 18, 2019" (thespacereview.com), "Carrie ArnoldNovember 15, 2019"
    # (quantamagazine.org), "Jill Disis, CNN BusinessUpdated 0339 GMT" (cnn.com): byline boxes
    # whose name and date are sibling elements, as the ones of "vor 5 Stunden" above.
    # Capitalised after a small letter, as no name is written.
    r"(?<=[a-zäöüß])(?-i:" + ANY_WEEKDAY + r"\b|" + MONTH + r"\s*(?=\d)|" + DATE_LABEL + r"\b)"
)
# A correspondent's line goes on with where the report comes from: "Anna Schmidt berichtet aus
# Berlin" (the ARD's and ZDF's reports from their studios), "Jan Meyer reports from Kyiv". A guard
# like the byline's other ends: without it the words after the name become part of it.
REPORTS_FROM = (
    r"\s(?:berichtet|berichten|meldet sich|melden sich|reports|reporting)\s+(?:aus|von|live|from)\b"
    # Or only where the writer lives: "von Heike Lorenzen aus Winsen" (the local weeklies' reader
    # reporters and correspondents); not the names "aus dem Siepen", "aus der Fünten".
    r"|\saus\s+(?!dem\b|der\b|den\b)" + CAPITAL
)
# The others a byline leaves unnamed: "Von Anna Schmidt u. a.", "und andere", "et al.", "and
# others" (print bylines of shared reports, papers' and institutes' author lines). No name.
OTHERS_UNNAMED = r"\s(?:u\.\s?a\.?|und andere|et al\.?|and others)(?!\w)"
# A digit inside a word is part of a name ("CHECK24 Redaktion", "t3n", "ruhr24"); one that
# starts a word, or a date run into the name ("Anna Schmidt21.11.2024"), starts the date line.
BYLINE_END = re.compile(
    r"\s[·|•]\s|(?<!\w)\d|(?<!\d)\d+[./:]\d|\b(?:stand|"
    + DATE_LABEL
    + r")\b|"
    + REPORTS_FROM
    + "|"
    + OTHERS_UNNAMED
    + "|"
    + DATE_START,
    re.IGNORECASE,
)

# A byline names a few people; longer texts in "author" boxes are biographies.
MAX_BYLINE_WORDS = 12


class Credits(NamedTuple):
    """Who a story credits: ``authors`` are people (or, when it credits nobody else, its desk),
    ``agencies`` wire services, ``newsrooms`` the stations or newsrooms credited beside the
    people ("Von Anna Schmidt, WDR"), which are no one's name and no wire service."""

    authors: list[str]
    agencies: list[str]
    newsrooms: list[str]


def article_authors(tree, text: str = "", fallback=None, url: str = "", headline: str | None = None) -> Credits:
    """The people, wire services (dpa, AFP, …) and newsrooms a story credits (:class:`Credits`).

    Looks at JSON-LD, ``<meta name=author>``, then (when those name no person, only the site
    or a desk) byline elements, the "Von …" line next to the headline and a name before the
    date there ("Kathrin Führes am Mittwoch, 26.01.2022"), then a one-word handle or first name
    in a dated byline ("Geschrieben von Cooper am 25.08.2015"), then trafilatura's guess
    (``fallback``, a string or a function called only when it is needed), and a closing credit
    such as "(dpa)" or "(nic)" or an agency's opening dateline ("Hamburg (dpa/lno) – …"). Desk
    names ("Redaktion") are kept only when nobody else is named.
    """
    raw = []
    nodes = story_nodes(tree, url)
    page = address_of(url)
    if any(page in node_addresses(node) for node in nodes):
        # The page's own node is known: nodes naming other addresses are related stories, and
        # their authors are not this story's.
        nodes = [node for node in nodes if page in node_addresses(node) or not node_addresses(node)]
    for node in nodes:
        raw.extend(_jsonld_people(node.get("author"), tree))
    raw.append(
        meta_content(
            tree,
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "DC.creator",
            "cXenseParse:author",
        )
    )
    names, agencies, desks = [], [], []
    # The site credited by its name's initials, the account its desk files under: "CFG" on
    # CargoForwarder Global's site, "ZLV" for the Zeitung vum Lëtzebuerger Vollek, as "FAZ",
    # "NZZ" and "WAZ" stand for their papers.
    sites = site_names_of(tree, url) | initials_of_site_names(tree) if url else set()
    # An author the markup types as an organisation ("@type": "Organization") is the site or
    # a desk, whatever its name: unsigned stories on SPIEGEL ("DER SPIEGEL"), ntv.de ("ntv
    # NACHRICHTEN"), FOCUS online and the Funke and Madsack portals credit the publisher so.
    # A wire service keeps its place as an agency.
    sites = sites | {
        text_key(name)
        for node in nodes
        for name in _jsonld_organisations(node.get("author"), tree)
        if name.lower() not in AGENCIES
    }
    common = LowercaseWords(tree)
    for value in raw:
        credited = len(names)
        parts = split_names(value)
        if (
            parts
            and text_key(value) in sites
            and [text_key(part) for part in parts] != [text_key(value)]
            and not any(part.lower() in AGENCIES for part in parts)
        ):
            # The site's name whole is the site's, not two people's where it has an "&" or "und"
            # ("Business & People" as the JSON-LD author of a magazine's column, a firm's "Rödl &
            # Partner"), nor a first name where a number ends a byline ("Bayer 04 Leverkusen",
            # "Radio 91.2"); "RND/dpa" names the agency still.
            parts = [value.strip()]
        elif _an_organisation_split(value, parts):
            parts = [value.strip()]
        _sort_names(parts, sites, names, agencies, desks, common)
        if len(names) > credited and ONE_WORD.fullmatch(value.strip()) and not _printed(value, tree):
            # One word alone that the page never prints is the handle of the account that filed
            # the story ("Simone" in the meta tags of a WordPress paper's agency copy); an
            # abbreviation in capitals ("BDZV") is an organisation's, and stays.
            del names[credited:]
    shown, handles, sources, sources_near = _shown_credits(tree, headline)
    # A byline element holding only a label credits nobody: "Zum Autorenprofil", the link to the
    # author's page that the JSON-LD names (inside-channels.ch).
    shown = [value for value in shown if not _a_label(value)]
    # The metadata credits the photographer or the graphic artist too, whom the byline credits
    # for the pictures: "Ulrike Terhechte (Text) und Lars Hüwe (Fotos)", "Von Henrike Sommer und
    # Malte Brinkhoff (Grafik)" beside a JSON-LD naming both.
    pictured = _pictured(shown)
    if names and pictured:
        names = [name for name in names if text_key(name) not in pictured]
    if len(names) > 1 and (translating := _translators_and_editors(tree)):
        # The metadata lists the translator beside the writer, whom the page credits for the
        # translation ("It has been translated and adapted into English by Rowan Pike" under a
        # partner's story on genevasolutions.news; "Aus dem Englischen übersetzt von …").
        names = [name for name in names if text_key(name) not in translating] or names
    if len(names) > 1 and (for_pictures := _picture_credits(tree, shown)):
        # The metadata lists the graphic artist or the photographer beside the writer, whom the
        # page credits for a chart or picture alone ("Grafik: Jannik Bauer" under the chart).
        names = [name for name in names if text_key(name) not in for_pictures] or names
    signature = closing_signature(tree, text)
    own_site = text_key(meta_content(tree, "og:site_name", "application-name") or "")
    readable = shown
    if names and shown and not _shortened(names, shown) and _unseen(names, tree, shown):
        # The metadata credits people the page never shows (a publisher, "Auto Illustrierte";
        # a CMS account), or shows only in its footer (a blog's owner, named as its publisher
        # there), while it prints a byline: the byline counts.
        names = []
    elif (
        names
        and own_site
        and {text_key(name) for name in names} == {own_site}
        and (others := [value for value in shown if own_site not in map(text_key, _shown_names(value, shown))])
    ):
        # The site's own name as the author, its account typed a person (SEO plugins type a site
        # run from one account "Person, Organization": forumwk.de's citizens' portal, a blog's
        # owner), beside a byline naming someone else ("Ein Beitrag von Jürgen Pohlmann", a
        # guest's): the byline names the writer.
        names, readable = [], others
    elif (
        names
        and all(EDITOR_CODE.fullmatch(name) for name in names)
        and (written := _first_named(readable, shown, common))
    ):
        # The metadata names the editor's code ("ab" as the JSON-LD author of a weekly, the
        # "(ab)" its captions print), the page the writer: "Anja Brockmann" under the story.
        names = written
    elif names:
        names = _completed(names, shown, signature, tree, pictured, sites, agencies, desks, common)
    if not names:
        # Only the site or a desk in the metadata: the page's byline may name the person. A byline
        # of an abbreviation alone ("von UZ", the magazine's) yields to one that names a person.
        readable = sorted(
            readable, key=lambda value: all(ABBREVIATION.fullmatch(name) for name in _shown_names(value, shown))
        )
        for value in readable:
            _sort_names(_shown_names(value, shown), sites, names, agencies, desks, common)
            if names:
                # The first byline may name one of the writers, as the metadata may.
                names = _completed(names, shown, signature, tree, pictured, sites, agencies, desks, common)
                break
    if not names:
        # A dated byline with a handle or first name: "Geschrieben von Cooper am 25.08.2015".
        _sort_names(handles[:1], sites, names, agencies, desks, common)
    if not (names or agencies or desks):
        # The story's first three: other stories' cards and readers' comments may come first.
        story_bylines = (
            element
            for element in byline_elements(tree)
            if not (
                IN_TEASER_LINK(element)
                or IN_TEASER_CARD(element)
                or IN_SIDEBAR(element)
                or IN_RECENT_COMMENTS(element)
                or FORM_FIELD(element)
                or _a_readers_comment(element, text)
            )
        )
        for element in itertools.islice(story_bylines, 3):
            _sort_names(split_names(_byline_text(element)), sites, names, agencies, desks, common)
    if not names:
        # Signed at the end of the story ("Stefan Wasmer" in bold, "Von Cosima Künzel").
        _sort_names(signature, sites, names, agencies, desks, common)
    if not names:
        # The account a blog or association files its guests' posts under ("Gastautor", a
        # CMS login) named nobody: the guest is named in the lead, the kicker or a closing
        # note ("Ein Gastbeitrag von …").
        _sort_names(guest_author(tree, text, headline), sites, names, agencies, desks, common)
    if not names:
        # A letter to the readers signs with the writer's name (:func:`letter_signature`).
        _sort_names(letter_signature(tree), sites, names, agencies, desks, common)
    if not names and (reported := _reporter_credit(tree, text)):
        # The wire service's own closing line names its reporter (Reuters' copy, wherever it runs),
        # and who wrote the story from the reports. Where each reporter wrote from ("in Berlin")
        # is no part of the names.
        reporters = re.sub(REPORTED_FROM, "", " und ".join(filter(None, (reported["names"], reported["writers"]))))
        _sort_names(split_names(reporters), sites, names, agencies, desks, common)
    if not names and (signed := _signature_box_signer(tree)):
        # A signature box the story's text leaves out, its name over the office and a photo
        # beside it: "<table class="signatur"><td><img …></td><td><b>Markus Ebnöther</b><br>Direktor
        # …</td></table>" under a chamber's or association's commentary.
        _sort_names([signed], sites, names, agencies, desks, common)
    boxed, box_text = boxed_author(tree) if not names else ([], "")
    if not names:
        # Only names the page prints or its meta tags state (trafilatura reads more of them,
        # "dcterms.creator", "Author"): it rewrites what it reads ("Von der CHECK24 Redaktion"
        # becomes "Der Check"), and a name it made up is nobody's.
        # Nor a part of a desk or organisation already read whole: trafilatura parts "Industrie-
        # und Handelskammer zu Düsseldorf" at its "und".
        desk_keys = [text_key(desk) for desk in desks]
        guess = [
            printed
            for name in split_names(fallback() if callable(fallback) else fallback)
            if (printed := _printed(name, tree)) and not any(text_key(name) in key for key in desk_keys)
        ]
        if boxed and all(name in box_text for name in guess):
            # trafilatura read the author box itself, whose first line names the writer.
            guess = []
        _sort_names(_not_from_teasers(guess, tree, headline), sites, names, agencies, desks, common)
    if not names:
        # Or in an author box after the story ("Über die Autorin"), read after the page's byline
        # elements: a box for another writer (the blog's owner, a columnist's promotion) does not
        # outweigh the byline.
        _sort_names(boxed, sites, names, agencies, desks, common)
    if names and sources_near:
        # The meta line's source credits the wire services it names beside the writer ("By Lukas
        # Zurfluh · 09.12.2025 · Source: AWP/SDA" on a Swiss portal, "Quelle: dpa-AFX" over a
        # broker's story); a source line further down may be a fact box's or a picture's.
        _add_agencies(SOURCE_PARTS.split(sources_near[-1]), agencies)
    elif names and sources and _closes_the_story(sources[-1], text, tree):
        # The story's closing source line credits the wire services it names beside the
        # writer's byline ("Von Katharina Pölzl" over "Quelle: APA/Antenne Steiermark": the
        # regional stations' morning briefings and the portals' stories written from wire copy).
        _add_agencies([part for part in SOURCE_PARTS.split(sources[-1]) if part.lower() in AGENCIES], agencies)
    elif not names and sources:
        # Nobody named: the story's source line credits it ("Quelle: MDR THÜRINGEN/ls" on mdr.de,
        # "Quelle: kathpress" on katholisch.at, both with the site alone as the meta author); of
        # sources listed, or of wire services parted by a slash ("AWP/SDA"), the wire services
        # ("Source: dpa, GTAI").
        parts = SOURCE_PARTS.split(sources[-1])
        wire = [part for part in parts if part.lower() in AGENCIES]
        if len(SOURCES_LISTED.split(sources[-1])) > 1 or len(wire) == len(parts):
            _add_agencies(wire, agencies)
        else:
            _sort_names(sources[-1:], sites, names, agencies, desks, common)
    story = text.strip() if text else ""
    credit = CLOSING_CREDIT.search(story[-80:]) if story else None
    codes = SOURCE_PARTS.split(credit[1]) if credit else []
    credited = [AGENCIES.get(code.lower()) for code in codes]
    if not (names or agencies or any(credited)):
        # Nobody but the site or a desk credited: a press release's contact is its author. Not
        # where the story closes with the agency's credit ("(dpa/lsw)", read below), an
        # association's copy of wire news beside its press contact.
        _sort_names(press_contacts(tree)[:1], sites, names, agencies, desks, common)
    # A station in capitals beside people in mixed case ("Von Henrike Pfaff und Ole Brandstätter,
    # MDR SACHSEN-ANHALT": the public broadcasters' regional desks) is their newsroom, as one
    # word in capitals is (:data:`ABBREVIATION`).
    stations = [name for name in names if STATION.fullmatch(name)] if any(map(_in_mixed_case_already, names)) else []
    names = [name for name in names if name not in stations]
    # Two short credits may stand for one fuller name ("Mbo" and "Rts" for "mbo/rts"; a first
    # name and a surname both for "Anna Schmidt"): that name is credited once.
    # The metadata's own fuller name counts too: "Wójcik, Łukasz" in the meta tag, parted at its
    # comma, beside the JSON-LD's "Łukasz Wójcik" is one person written surname first.
    fuller = [
        _in_mixed_case(_fuller_name(name, [*names, *shown, *signature, *_introduced(tree, name)])) for name in names
    ]
    names = [
        name for position, name in enumerate(fuller) if _person_key(name) not in map(_person_key, fuller[:position])
    ]
    if credit:
        for code, agency in zip(codes, credited):
            if agency and agency not in agencies:
                agencies.append(agency)
            elif (
                not agency
                and not names
                and (EDITOR_CODE.fullmatch(code) or SERVICE_CODE.fullmatch(code))
                and code not in desks
            ):
                # An editor's code, not a word in brackets closing a list ("(abgesagt)" after a
                # trade fair in a box of dates that an old layout's text runs into).
                desks.append(code)
        if any(credited):
            # The editor's code beside the agency ("(dpa / sd)"), taken for a name before the
            # credit was read (trafilatura's guess): no one's name, as :data:`SERVICE_CODE` says.
            names = [name for name in names if not (name in codes and SERVICE_CODE.fullmatch(name))]
    elif (named := CLOSING_AGENCY.search(story[-80:]) if story else None) and named[1].lower() in AGENCIES:
        _add_agencies([named[1]], agencies)
    elif "\n" in story:
        # The closing credit (CLOSING_CREDIT) on the line before a closing note of the site's
        # ("Dieser Beitrag basiert auf Material der Deutschen Presse-Agentur", a newsletter's or
        # a correction's line): its wire services.
        earlier = CLOSING_CREDIT.search(story.rsplit("\n", 2)[-2].strip()[-80:])
        if earlier:
            _add_agencies(SOURCE_PARTS.split(earlier[1]), agencies)
    material = (MATERIAL_CREDIT.search(story[-120:]) if story else None) or _material_line(tree)
    if material:
        _add_agencies(re.split(r"\s*(?:,|/|\bund\b|\band\b|&)\s*", material["codes"].rstrip(". )")), agencies)
    for codes in _codes_lines(tree, text):
        _add_agencies(CODE_PARTS.split(codes), agencies)
    if story and (sourced := CLOSING_SOURCE.search(story[-80:])):
        _add_agencies([sourced[1]], agencies)
    if "dpa:" in (body := body_text(tree)) and DPA_STORY_NUMBER.search(body):
        _add_agencies(["dpa"], agencies)
    if story and (marked := WIRE_END_MARK.search(story[-400:])):
        _add_agencies([marked["agency"]], agencies)
    # The dateline opens the story, or its first paragraph after a lead set apart in bold
    # ("LOGISTIK – Transvia investiert …" / "BUTZBACH (dpa/lhe). Der …": the regional papers'
    # WordPress sites, the Funke papers' print layout online).
    # A bracket naming no wire service is read past: a caption's "(Archiv)." over the dateline.
    for line in story.split("\n", OPENING_REACH)[:OPENING_REACH]:
        opening = OPENING_CREDIT.match(line[:80])
        codes = SOURCE_PARTS.split(opening["codes"]) if opening else []
        if any(code.lower() in AGENCIES for code in codes):
            # Only the wire services: "(ots)", "(red)" beside them name no author.
            _add_agencies(codes, agencies)
            break
        if len(line) > OPENING_LINE_LENGTH:
            # A paragraph of the story's text before it: a dateline further down is a quoted
            # report's, not the story's opening.
            break
    people = [name for name in names if not ABBREVIATION.fullmatch(name)]
    newsrooms = [name for name in names if ABBREVIATION.fullmatch(name)] + stations if people else []
    # Wire copy the site runs under its own name ("DER SPIEGEL" or "tagesschau.de" as the
    # author, "(dpa)" at the end): the agency is credited, the site's desk is no author.
    return Credits(people if newsrooms else names or ([] if agencies else _credited_desks(desks)), agencies, newsrooms)


# Two or three small letters credited alone: an editor's code, as German papers sign "(mro)".
EDITOR_CODE = re.compile(r"[a-zäöü]{2,3}")


def _first_named(bylines: list[str], shown: list[str], common) -> list[str]:
    """The people the first of ``bylines`` to name anyone names."""
    for value in bylines:
        found = []
        _sort_names(_shown_names(value, shown), set(), found, [], [], common)
        if found:
            return found
    return []


def _completed(names, shown, signature, tree, pictured, sites, agencies, desks, common) -> list[str]:
    """``names`` or, where a byline names them and more, all of that byline's people.

    The metadata names the first author only (the CMS account that filed the story), the byline
    all of them: "Von Anna Schmidt und Jan Meyer" (shared reports on regional papers' and
    magazines' CMSes, ZEIT ONLINE's and SPIEGEL's team bylines), or the closing credit does
    ("Text: Jana Ketelsen und Timo Ahrens" on a start-up portal's report), or the box presenting
    the writers after the story does (:func:`_writers_box`). An academic title aside: the
    byline's "Dr. Tobias Merk" is the metadata's "Tobias Merk". Where the first byline names them
    in another order, the order is the byline's, as the reader sees it (the CMS lists its
    accounts as they were added: "Von Dr. Annika Roth und Felix Brandtner" over a JSON-LD naming
    him first, on a banking magazine's guest article); those it leaves out follow.
    """
    keys = {_untitled_key(name) for name in names}
    shown_lists = [*(_shown_names(value, shown) for value in shown), signature, *_name_lines(tree, names)]
    for names_shown in itertools.chain(shown_lists, _box_list(tree)):
        fuller = [
            name for name in names_shown if _not_a_person(name, common) is None and text_key(name) not in pictured
        ]
        if len(fuller) > len(names) and keys <= {_untitled_key(name) for name in fuller}:
            completed = []
            _sort_names(fuller, sites, completed, agencies, desks, common)
            return completed
    # The first byline naming anyone, as it reads, orders them; those it leaves out follow.
    first = next(filter(None, ([_untitled_key(name) for name in _byline_names(value)] for value in shown)), [])
    if len(names) > 1 and len(first) > 1 and set(first) <= keys:
        return sorted(names, key=lambda name: first.index(key) if (key := _untitled_key(name)) in first else len(first))
    return names


def _box_list(tree):
    """The names of a writers' box (:func:`_writers_box`), read only when asked for (the last
    candidates)."""
    if box := _writers_box(tree):
        yield box[0]


# An editorial unit's words: a desk that writes ("Redaktion", "Pressestelle", "PETA-Team"), and
# a medium's ("Presse Augsburg", "NMB-Media", "Hildesheimer Presse").
EDITORIAL_DESK = re.compile(
    r"redaktion|editorial|newsdesk|pressestelle|\bteam\b|-team\b|presse\b|media\b|medien\b|verlag\b|zeitung|magazin",
    re.IGNORECASE,
)
# A company's legal form: "Rheinwerk Logistik Solutions GmbH", "Nordex SE", "… e.V.".
LEGAL_FORM = re.compile(
    r"\b(?:gmbh|ag|se|kg|kgaa|mbh|e\.\s?v|eg|ug|ltd|inc|llc|plc|s\.a|b\.v|n\.v)\b\.?", re.IGNORECASE
)


def _credited_desks(desks: list[str]) -> list[str]:
    """The desks credited when nobody else is: editorial units and the names of sites and
    media, not a company or a public body (:data:`ORGANISATION`, :data:`LEGAL_FORM`), which
    issues its news but writes none of it under its name: "Stadtwerke Düsseldorf" credited as
    the author of its own releases is a misfire; so is the issuer of a release on a press portal
    ("Rheinwerk Logistik Solutions GmbH" on presseportal.de), the city of a city's press note, a
    firm named by two names joined by "&" (:data:`ENDS_WITH_AN_AMPERSAND_WORD`)."""
    return [
        desk
        for desk in desks
        if EDITORIAL_DESK.search(desk)
        or not (ORGANISATION.search(desk) or LEGAL_FORM.search(desk) or ENDS_WITH_AN_AMPERSAND_WORD.search(desk))
    ]


# An organisation's name holds commas, "&" and "und" of its own, and split there its pieces are
# no names: a state ministry's "Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg"
# (its word "Arbeit" read as a place after a comma), "Brauerei C. & A. Veltins GmbH & Co. KG" (a
# piece ending in an initial), "Wuppertal Institut für Klima, Umwelt, Energie gGmbH" (pieces of one
# word): the JSON-LD or meta author of public bodies', firms' and institutes' press pages, written
# as a string where others type it "Organization". A person credited beside an organisation
# ("Anna Schmidt, IHK Köln") keeps the split: each piece is a name of its own.
ENDS_IN_AN_INITIAL = re.compile(r"\s" + CAPITAL + r"\.?$")
# A firm's name of two joined by "&", the second of one word: "Procter & Gamble", "Ernst & Young",
# "Rödl & Partner", the federal trade agency's "Germany Trade & Invest" as its portals' meta author.
# People joined so are written whole ("Anna Schmidt & Jan Meyer", "Anna & Jan Meyer").
ENDS_WITH_AN_AMPERSAND_WORD = re.compile(r"\s&\s*\S+\s*$")


def _an_organisation_split(value: str, parts: list[str]) -> bool:
    """Whether ``parts``, the names :func:`split_names` reads in a credit ``value``, are the
    pieces of one organisation's name."""
    if len(parts) >= 2 and ENDS_WITH_AN_AMPERSAND_WORD.search(value) and _a_lone_word(parts[-1]):
        return True
    if len(parts) < 2 or not (ORGANISATION.search(value) or LEGAL_FORM.search(value)):
        return False
    if any(ENDS_IN_AN_INITIAL.search(part) or _a_lone_word(part) for part in parts):
        return True
    kept = {word for part in parts for word in words_of(part)}
    lost = [word for word in words_of(value) if word not in kept and word not in {"und", "and"}]
    return bool(lost) and bool(ORGANISATION.search(parts[0]) or LEGAL_FORM.search(parts[0]))


def _a_lone_word(part: str) -> bool:
    """A piece of one word that names no wire service and no organisation or desk by itself."""
    return (
        len(part.split()) == 1
        and part.lower() not in AGENCIES
        and not any(pattern.search(part) for pattern in (ORGANISATION, LEGAL_FORM, DESK_WORDS, EDITORIAL_DESK))
    )


# One word with a letter in lower case: a first name or an account's handle ("Simone", "kevin-r").
ONE_WORD = re.compile(r"(?=[^\W\d_])(?=\S*[a-zäöüß])[\w.-]+")


def _printed(name: str, tree) -> str | None:
    """``name`` as the page prints it, or None if it prints no such words: trafilatura
    capitalises every word of the names it finds, so a newsroom's code ("red, ORF.at" under
    orf.at's unsigned stories) would read as a name ("Red"), and a name printed in capitals
    loses them before :func:`_in_mixed_case`."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    printed = pattern.search(body_text(tree))
    if printed is None and len(name.split()) > 1:
        # Stated by a meta tag only: a full name; one word is an account's handle (above).
        printed = pattern.search("\n".join(tree.xpath("//head/meta/@content")))
    return printed[0] if printed else None


def _add_agencies(codes: list[str], agencies: list[str]) -> None:
    """Add to ``agencies`` the wire services among a credit's ``codes`` ("dpa", "lnw", "AFP")."""
    for code in codes:
        agency = AGENCIES.get(code.lower())
        if agency and agency not in agencies:
            agencies.append(agency)


def printed_agency_credits(text: str, tree=None) -> dict[str, str]:
    """Wire services → their credit as the story prints it with the agency's regional service
    or the editor's code: "Hamburg (dpa/lno) – …" gives ``{"dpa": "dpa/lno"}``, "… (AFP/red)"
    ``{"AFP": "AFP/red"}``. dpa's regional services credit so on every paper that runs their copy
    (WELT, ZEIT ONLINE, Süddeutsche, stern, n-tv, the regional papers); the byline keeps the
    service, the ``agencies`` column the agency. The editor's code may come first, in a line
    of codes under the story (``tree``'s, :func:`_codes_lines`): "Quelle: ntv.de, jm/dpa" gives
    ``{"dpa": "jm/dpa"}`` (n-tv, SPIEGEL, Merkur)."""
    printed = {}
    text = (text or "").strip()
    credits = [CLOSING_CREDIT.search(text[-80:]), OPENING_CREDIT.match(text[:80])]
    lines = [credit[1] if credit.re is CLOSING_CREDIT else credit["codes"] for credit in filter(None, credits)]
    if tree is not None:
        lines += _codes_lines(tree, text)
    for line in lines:
        codes = SOURCE_PARTS.split(line)
        agencies = [AGENCIES.get(code.lower()) for code in codes]
        others = [code for code, agency in zip(codes, agencies) if not agency]
        if len(codes) > 1 and len(others) == len(codes) - 1 and all(SERVICE_CODE.fullmatch(code) for code in others):
            printed.setdefault(next(filter(None, agencies)), "/".join(codes))
    return printed


# The name of an author item: a schema.org Person in microdata holds its name as
# itemprop="name" beside a picture and a biography ("Simple Author Box" and the author boxes
# of other WordPress themes: neunzehn72.de, beachbodyondemand.com; the Person items of TYPO3
# and Drupal news templates), whose words are no names.
ITEM_NAME = lxml.etree.XPath('.//*[@itemprop="name"]')
# The same in the hCard microformat: the formatted name ("fn") of a card marked "vcard", as
# WordPress themes mark the author ("<span class="author vcard"><a class="url fn n">") and an
# author box holds it beside its heading and biography (windkraft-journal.de's "author-box vcard").
CARD_NAME = lxml.etree.XPath('.//*[contains(concat(" ", normalize-space(@class), " "), " fn ")]')
# Without either: the part an author box's class calls the name ("author-bio" holding an
# "author-name" link above the biography, "c-author__name", "byline__name"), as themes and
# CMSes mark the name in author boxes and byline cards.
NAME_PART = lxml.etree.XPath('.//*[contains(@class, "name") or contains(@class, "Name")]')


def _byline_text(element) -> str:
    """The text of a byline element, or only its item's name when it is a microdata item or an
    hCard."""
    if element.get("itemscope") is not None:
        # Its own name, not one of an item inside it (the employer's, "worksFor").
        own = [name for name in ITEM_NAME(element) if _item_of(name) is element]
        # A <meta> holds the name in its content, where themes keep the author's item unseen
        # ("<div itemprop="author" itemscope …><meta itemprop="name" content="Tobias Rennert">").
        named = [text for text in map(_item_value, own) if text]
        if named:
            # The wire service after the names, outside them: "Von <span itemprop="name">Anne
            # Sauer</span> und <span itemprop="name">Markus Höfling</span> (epd)".
            wire = AGENCY_AFTER_NAME.search(" ".join(_lines(element)))
            return " und ".join(named) + (wire.group() if wire and wire["agency"] else "")
    if "vcard" in (element.get("class") or ""):
        named = [text for text in map(text_of, CARD_NAME(element)) if text]
        if named:
            return " und ".join(dict.fromkeys(named))
    named = [
        listed["name"]
        for part in NAME_PART(element)
        # Read as the lines a browser shows: minified markup sets the label's and the name's
        # elements without a space between them ("<span>By</span><span>Saskia Brandl</span>").
        if (listed := LISTED_AUTHOR.fullmatch(" ".join(_lines(part)))) and not _credited_otherwise(part)
    ]
    if len(named) == 1:
        # A co-author printed as plain text after the marked name: "Von <span class="author
        # vcard"><a …><span class="author-name">Lena Hartwig</span></a></span> und Tobias
        # Rennert" (WordPress themes' byline, the second writer typed into the post).
        whole = BYLINE_PREFIX.sub("", " ".join(_lines(element)))
        if (
            named[0] in whole
            and re.search(r"\s(?:und|and|&)\s", whole)
            and re.fullmatch(NAMES, whole)
            and all(map(_looks_like_a_name, split_names(whole)))
        ):
            return whole
    if named:
        return " und ".join(dict.fromkeys(named))
    lines = _lines(element)
    # An author box's heading is no name ("Über Hinnerk" over the biography).
    if len(lines) > 1 and NAME_WITH_CREDENTIALS.fullmatch(lines[0]) and not BOX_HEADING_WORD.match(lines[0]):
        # The name on a line of its own, the place or the role on the next: "Gisela Brandtner<br>
        # Wuppertal-Elberfeld" (a reader's letter's signature, a guest author's box), "Nele
        # Hartkopf" over "Folge mir" in an author box's blocks, "Lara Hirschfeld, B.A." over her
        # role in a trade magazine's.
        return lines[0]
    # The lines apart: "By" and "Saskia Brandl", the first name and the surname in elements of
    # their own, read as two words where minified markup sets no space between them.
    return " ".join(lines)


def _item_value(element) -> str:
    """A microdata property's value: a ``<meta>``'s content, another element's text. A word
    alone in an unseen ``<meta>`` is the handle of the account that filed the story ("ricsti"
    in a party's WordPress theme), as in the metadata (:func:`article_authors`), no name."""
    if element.tag == "meta":
        value = " ".join((element.get("content") or "").split())
        return value if len(value.split()) > 1 else ""
    return text_of(element)


# Elements that start a line of their own where a browser shows them.
LINE_ELEMENTS = {
    "br", "div", "p", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "footer", "section", "figure", "figcaption", "address", "blockquote", "table", "tr", "td",
}  # fmt: skip


def _lines(element) -> list[str]:
    """``element``'s text as the lines a browser shows.

    A line ends at a ``<br>`` or a block element, and where two elements' texts meet without a
    space, a small letter before a capital ("Dr. Stefanie Wirtz<span>Partnerin"): minified
    markup whose style sheet sets the role, the follow button or the date under the name.
    """
    lines, line = [], []
    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        if not isinstance(node.tag, str) or node.tag in UNSEEN_TEXT or node.tag == "sup" and _affiliation_mark(node):
            piece = node.tail if event == "end" and node is not element else None
        else:
            if node is not element and node.tag in LINE_ELEMENTS and line:
                lines.append(line)
                line = []
            piece = node.text if event == "start" else node.tail if node is not element else None
        if not piece:
            continue
        if line and glued(line[-1], piece):
            lines.append(line)
            line = []
        line.append(piece)
    lines.append(line)
    return [text for text in (plain_text("".join(pieces)) for pieces in lines) if text]


# A superscript that refers a name to its affiliation below: "Andrea Zbinden<sup>a</sup>",
# "Jan Meyer<sup>1,2</sup>", "<sup>*</sup>" (journals' and institutes' author lists, the medical and
# scientific press); read into the name it would make "Zbindena".
AFFILIATION_MARK = re.compile(r"[a-z\d*†‡§,\s]{1,5}")


def _affiliation_mark(node) -> bool:
    """Whether ``node`` is such a superscript: after a name, not after a title's abbreviation
    (Austria's "Mag.<sup>a</sup>", Magistra)."""
    if node.tag != "sup" or len(node) or not AFFILIATION_MARK.fullmatch(node.text or ""):
        return False
    previous = node.getprevious()
    if previous is None:
        before = node.getparent().text
    else:
        before = previous.tail or text_of(previous)
    return not (before or "").rstrip().endswith(".")


def _item_of(element):
    return next((parent for parent in element.iterancestors() if parent.get("itemscope") is not None), None)


def _a_readers_comment(element, text: str) -> bool:
    """Whether ``element`` is inside a reader's comment: a comment that holds neither the
    story's text (``text``; a forum thread's first post is marked as a comment too) nor the
    post author's reply, which WordPress marks "bypostauthor" (deal portals and blogs whose
    author answers under the post: dealdoktor.de, monsterdealz.de, neunzehn72.de)."""
    comments = IN_COMMENT(element)
    if not comments or any("bypostauthor" in (comment.get("class") or "") for comment in comments):
        return False
    return not any(holds_story_opening(comment, text) for comment in comments)


# The elements around a byline element marked as comments (its own class, "comment-author",
# marks the name of any post, a forum's or deal portal's first one too), in German as well
# ("kommentar-autor" in a "kommentare" block under older German CMSes' stories). A commentary's
# own author box may be so marked: :func:`_a_readers_comment` keeps a block holding the story.
# A post its microdata marks as a comment (itemprop="comment": Discourse's crawler view of a
# topic, forums, WordPress themes' comment lists) is one whatever its class.
IN_COMMENT = lxml.etree.XPath(
    'ancestor::*[contains(@class, "comment") or contains(@class, "kommentar") or @itemprop="comment"]'
)


def _not_from_teasers(guess: list[str], tree, headline: str | None = None) -> list[str]:
    """trafilatura's guess without the names that only teasers for other stories credit: a
    sidebar's "Von Andreas Hoffmann" under another headline (stern.de's "teaser-content"), a
    slider's "slider-teaser__author", a related-stories list's author line, the byline of the
    next story a page appends below the story (:func:`_in_another_story`)."""
    if not guess:
        return guess
    target = find_headline_element(tree, headline) if headline else None
    elsewhere, here = set(), set()
    for element in byline_elements(tree):
        if FORM_FIELD(element):
            # A form field's label, its mark of a required field left out ("Name *", "Nama (wajib)").
            elsewhere.add(text_key(REQUIRED_MARK.sub("", text_of(element))))
            continue
        outside = ELSEWHERE(element) or _in_another_story(element, target)
        # "Von Jörn Mecher am 08.12.2022": the name without the words after it.
        names = split_names(_without_trailing_words(text_of(element)))
        (elsewhere if outside else here).update(text_key(name) for name in names)
    return [name for name in guess if text_key(name) not in elsewhere - here]


# The nearest <article> around an element that holds a main heading of its own.
ARTICLE_WITH_A_HEADLINE = lxml.etree.XPath("ancestor::article[.//h1][1]")


# The cards of other stories: a teaser, related or recommended block holding a heading of its own.
TEASER_CARDS = lxml.etree.XPath(
    "//*["
    + " or ".join(f'contains(@class, "{word}")' for word in CARD_CLASS_WORDS)
    + "]"
    + HOLDS_A_HEADING
    # An item of a list of other stories, whatever its class: its heading a link to the story,
    # a line of meta after it ("news-list-item" of TYPO3's news extension: "13. Jänner 2026 ·
    # APA/Red." under another story's headline). Found from the linked headings up, so that not
    # every element of the page is searched for them.
    + " | (//h2 | //h3 | //h4)[a[@href]]/parent::*[not(.//h1)][count(.//p) < 3]"
    + " | //p"
    + OPENS_WITH_A_STORY_LINK
    # A teaser without a heading, its link to the story first ("<div class="teaser"><a …>
    # Fachkräfte kommen nicht von allein</a><span>Gastbeitrag von … · 01.12.2025</span>": a
    # column's list of its other pieces).
    + " | //*["
    + " or ".join(f'contains(@class, "{word}")' for word in CARD_CLASS_WORDS)
    + "]"
    + OPENS_WITH_A_STORY_LINK
    # A list item beside the link to another story (:data:`IN_A_LISTED_STORY`), its credit and
    # day after the link ("<a …>Bundesnetzagentur verlängert Nutzungsrechte</a> <span>Autor: dpa ·
    # 19.01.2026</span>").
    + " | (//li | //div[contains(@class, 'views-row')])[not(.//h1)]"
    + BESIDE_A_STORY_LINK
)


def _teaser_card_pieces(tree, target) -> set[str]:
    """The text pieces (as :func:`plain_text_pieces` gives them) of the other stories' cards on
    the page, not of a block that holds the story's headline element ``target``."""
    return {piece for card in _teaser_cards(tree, target) for text in card.itertext() if (piece := plain_text(text))}


def _teaser_cards(tree, target) -> list:
    return [card for card in TEASER_CARDS(tree) if target is None or target not in card.iter()]


def _in_another_story(element, target) -> bool:
    """Whether ``element`` stands in an ``<article>`` with an ``<h1>`` of its own that does not
    hold the story's headline element ``target``: the next story a page appends below the
    story as the reader scrolls, with its own headline, byline and date."""
    if target is None:
        return False
    around = ARTICLE_WITH_A_HEADLINE(element)
    return bool(around) and target not in around[0].iter()


def _shortened(names: list[str], shown: list[str]) -> bool:
    """Whether every name the bylines print is a short form of one of the metadata's ``names``:
    the first name alone ("Text: Jannik" over the JSON-LD's "Jannik Oltmanns", a local portal's
    habit) or the initial with the surname ("Dr. F. Lansing" for "Dr. Friederike Lansing", a
    trade magazine's microdata), or the account's handle made of it (:func:`_abbreviates`). The
    metadata then writes out whom the page credits."""
    untitled = [LEADING_TITLES.sub("", name) for name in names]
    forms = {
        text_key(form)
        for name in untitled
        if len(words := name.split()) >= 2
        for form in (words[0], words[0][0] + words[-1])
    }
    # Read apart from the name rules, which take a first name alone for nobody's.
    printed = [
        LEADING_TITLES.sub("", part.strip())
        for value in shown
        for part in NAME_LINE_SEPARATOR.split(BYLINE_PREFIX.sub("", value))
        if part.strip()
    ]
    return bool(printed) and all(
        text_key(part) in forms
        # Or the account's handle made of the name, its umlauts spelled out or not: "Von cwuethrich".
        or any(
            _abbreviates(part, name) or _abbreviates(part, name.casefold().translate(UMLAUT_SPELLINGS))
            for name in untitled
        )
        for part in printed
    )


def _unseen(names: list[str], tree, bylines: list[str] = ()) -> bool:
    """Whether none of ``names`` (full names, not handles) appears in the page's visible text,
    the page's footer aside when the ``bylines`` it shows credit none of them."""
    if not all(_looks_like_a_name(name) and name != name.lower() for name in names):
        return False
    page = text_key(body_text(tree))
    shown = {key: count for name in names if (count := page.count(key := text_key(name)))}
    if not shown:
        return True
    # Text hidden by its class (a theme's vcard for search engines: "rich-snippet-hidden",
    # courage-online.de's author link in Avada's "vcard rich-snippet-hidden"; mobilsicher.de's
    # "screen-reader-text" byline; tegernseerstimme.de's author box in an aria-hidden dialog)
    # shows nobody: a name counts as seen only when it appears outside such elements too.
    # Nor does the page's footer, where a local news blog names its owner as the publisher
    # ("Herausgeber: …"), whom its CMS credits with every post (WordPress news blogs).
    credited = text_key(" ".join(bylines))
    unread = _outermost_hidden(tree)
    if not any(key in credited for key in shown):
        # Nor do other stories' cards: the desk editor whose account posts a guest's article
        # signs his own stories listed beside it (a trade magazine's "Matthias Kern" under the
        # teasers, "Ein Gastbeitrag von …" over the story).
        unread += PAGE_FOOTERS(tree) + other_story_cards(tree)
    hidden = [text_key(text_of(element)) for element in unread]
    return not any(count > sum(text.count(key) for text in hidden) for key, count in shown.items())


# The page's own footer, not an article's (whose footer may hold the author's box).
PAGE_FOOTERS = lxml.etree.XPath(
    '//body//*[self::footer or @id="footer" or @id="colophon" or contains(@class, "site-footer")'
    ' or contains(@class, "site-info") or @id="site-info"][not(ancestor::article or ancestor::main'
    ' or ancestor::footer or ancestor::*[@id="footer" or @id="colophon"])]'
)


def _outermost_hidden(tree) -> list:
    """The body's elements hidden by class or ``aria-hidden``, none inside another."""
    # The classes that hide are found among the page's few distinct class values; the search
    # then asks for exactly those, instead of testing every element with a class in Python.
    classes = sorted(value for value in set(BODY_CLASSES(tree)) if hides(value))
    if any('"' in value for value in classes):
        hidden = [element for element in tree.xpath("//body//*[@class or @aria-hidden]") if is_hidden(element)]
    else:
        tests = ['@aria-hidden="true"', *(f'@class="{value}"' for value in classes)]
        hidden = tree.xpath(f"//body//*[{' or '.join(tests)}]")
    marked = set(hidden)
    return [element for element in hidden if not any(parent in marked for parent in element.iterancestors())]


BODY_CLASSES = lxml.etree.XPath("//body//@class", smart_strings=False)


def _shown_names(byline: str, shown: list[str]) -> list[str]:
    """The names of a shown byline, or of a later one that names them and more: a date line
    cut short ("von Lars Fischer") and the byline box ("von Lars Fischer und Alina …")."""
    names = _byline_names(byline)
    for other in shown:
        other_names = _byline_names(other)
        if names and len(other_names) > len(names) and set(names) <= set(other_names):
            return list(other_names)
    return list(names)


@functools.lru_cache(maxsize=1024)
def _byline_names(byline: str) -> tuple[str, ...]:
    # Each byline is compared with every other one, on every call: parsed once.
    return tuple(name for name in map(_before_common_noun, split_names(byline)) if _looks_like_a_name(name))


# A person's name as bylines print it: two to four capitalised words ("Anna Schmidt",
# "Christian P. Stadtfeld", "John v. Berenberg-Consbruch", "Christoph von Eichhorn").
NAME_PARTICLES = {"von", "van", "de", "der", "den", "zu", "v.", "di", "da", "le", "la", "du", "del", "ten", "ter"}
# A name's word and an abbreviation's point after it.
NAME_WORD = r"(?:[\w'’-]{0,3}\.|[\w'’-]*)"
NAME = (
    CAPITAL
    + NAME_WORD
    + r"(?:\s+(?:(?:"
    + "|".join(map(re.escape, sorted(NAME_PARTICLES)))
    + r")\s+){0,2}"
    # A byline in capitals joins its names with "UND": no name's word.
    + r"(?!(?:UND|AND)\b)"
    + CAPITAL
    + NAME_WORD
    + r"){1,3}"
)

# A degree after a name, set off by a comma: "Ilana Muhlstein, MS, RDN" (beachbodyondemand.com),
# "Rachael Link, MS, RD" (healthline.com), "Anna Schmidt, M.Sc.", "Jan Meyer, Dipl.-Ing." (the
# degrees of the English- and German-speaking world as bylines write them); the lawyers'
# "Dr. Anna Schmidt, LL.M." with the university in brackets or not ("LL.M. (Cambridge)"), as
# law firms, legal magazines and chambers sign their articles (noerr.com, heuking.de,
# deutscheranwaltspiegel.de).
# The liberal professions' abbreviations, one or several: "RA", "StBin", "WP/StB", "RA StB" (the
# tax and law newsletters' "von RA StB Dr. Anna Schmidt, FA StR": iww.de, the chambers' and
# associations' member letters), before a name or, as degrees, after it.
PROFESSION = r"(?:RA|RAin|StB|StBin|WP|WPin|vBP)"
# A professorship and doctorates with their faculty, as bylines print them before the name:
# "Prof. Dr.-Ing. Miriam Hölscher" (engineering journals' guest articles), "Dr. med. Anna
# Schmidt" (medical papers and clinics' news), "Dr. rer. nat.", "Dr. h. c.".
# The Swiss licentiate ("lic. iur.", "lic. phil.", "lic. oec. HSG") is written so before a name too:
# the Swiss medical, legal and business press sign their authors with it.
DOCTORATES = (
    r"(?:Prof\.|(?:Dr\.(?:-Ing\.)?|lic\.)(?:\s+(?:med(?:\.\s*(?:dent|vet))?|rer\.\s*(?:nat|pol|oec)|phil|jur|iur|oec"
    r"|habil|h\.\s*c)\.)*)"
)
# The faculties' words in lower case inside such a title: no word of the name.
# "Dr. iur." is the Latin spelling of "Dr. jur." (Swiss and Austrian lawyers, older German titles).
DOCTORATE_WORD = re.compile(r"(?:lic|med|dent|vet|rer|nat|pol|oec|phil|jur|iur|habil|h\.\s*c|c)\.")
PROFESSION_ABBREVIATIONS = PROFESSION + r"(?:(?:/|\s+)" + PROFESSION + r")*"
CREDENTIALS = (
    r"MS|MA|MBA|MD|MPH|PhD|Ph\.\s?D\.?|RD|RDN|RN|CPA|CFA|CFP|[MB]\.\s?(?:Sc|A)\.?|LL\.\s?[MB]\.?|Dipl\.-[\wä]+\.?"
    # A specialist lawyer's or adviser's title after the name: "FA StR" (Fachanwalt für
    # Steuerrecht), "FAin für Arbeitsrecht", "FB IStR" (Fachberater).
    r"|F[AB](?:in)?\s+(?:für\s+)?[A-Z]\w+|" + PROFESSION_ABBREVIATIONS
)
DEGREE_WITHOUT_COMMA = re.compile(r"(?<=[a-zäöüß])\s+(?:M\.\s?A|B\.\s?A|M\.\s?Sc|B\.\s?Sc|MBA|LL\.\s?M)\.?$")
# A name's degrees as a byline prints them after it; the name pattern takes them in, so that
# "LL" of "LL.M." is not read as a newsroom's initials nor the next name lost.
CREDENTIALS_AFTER_NAME = r"(?:\s*,\s*(?:" + CREDENTIALS + r")(?:\s*\([^()]{1,30}\))?(?![\w-]))*"
NAME_WITH_CREDENTIALS = re.compile(NAME + CREDENTIALS_AFTER_NAME)

# The newspapers' "Von unserem Redaktionsmitglied …", "Von unserer Mitarbeiterin …", "Von unserem
# Korrespondenten …" (Mannheimer Morgen, Rhein-Zeitung, Main-Post, Schwäbische Zeitung): the
# writer's place at the paper before the name.
STAFF_ROLE = (
    r"(?:\s+(?:freien\s+|ständigen\s+)?(?:Redaktionsmitglied|Redaktionsmitarbeiter(?:in)?|Mitarbeiter(?:in)?|"
    r"Korrespondent(?:en|in)?|Redakteur(?:in)?|Reporter(?:in)?|Volontär(?:in)?|Autor(?:in)?))?"
)
# The same in a byline element, after its "Von": "Von unserem Redaktionsmitglied ECKHARD BLÜMLEIN"
# (Main-Post's and Schwäbische's print bylines online), the place at the paper no part of the name.
OUR_STAFF = re.compile(r"^unse(?:rem|rer)" + STAFF_ROLE.removesuffix("?") + r"\s+")

# "Von Anna Schmidt und Jan Meyer", "Text von …", "Autor: …", "By …" in the page's text.
BYLINE_LABEL = (
    r"(?:(?:Written|Story|Words|Posted) by|Words\s*:|[Vv]on(?:\s+unse(?:rem|rer)"
    + STAFF_ROLE
    + r")?(?:\s*:)?|VON|By|BY|[Tt]ext\s*(?:&|und|/)\s*(?:Fotos?|Bild(?:er)?)\s*:|[Tt]ext(?:\s+von|\s*:)?|"
    + AUTHOR_WORD
    + r"\s*:|"
    r"Author\s*:|Geschrieben von|Ein Beitrag von|Beitr(?:ag|äge)\s*:|Reporter(?:in)?\s*:|"
    # A broadcast piece's maker over its video or audio: "Reportage von …" (NRWision's media
    # library, the public broadcasters' regional reports), "Ein Film von …" (ARD's, ZDF's and
    # phoenix's documentaries), "Eine Dokumentation von …".
    r"(?:Eine?\s+)?(?:Reportage|Film|Dokumentation)\s+von)"
)

# A credit for the pictures, not the words: "Von Anna Schmidt (Text) und Jan Meyer (Fotos)",
# "Text: Anna Schmidt, Fotos: Jan Meyer", "photos by John Doe" (regional papers' features and
# reportages, travel and city magazines, English features; republik.ch's "(Text) und … (Illustration)";
# the same roles label captions, "Foto: …" on badische-zeitung.de and ga.de). The photographer, video reporter or
# illustrator so credited is no author; "Text und Fotos: …" credits the author (:data:`EXPLICIT_BYLINE_LABEL`).
PICTURE_ROLES = (
    r"(?:fotos?|bild(?:er)?|symbolbild|archivbild|fotografie|photos?|photography|videos?|kamera|"
    r"grafik(?:en)?|illustration(?:en|s)?|karikatur)"
)

# Labels that say "author" outright, so they count anywhere on the page, not only next to the
# headline: "Autor: Fritz Imhof" under the story, "Ein Artikel von …", "Text & Fotos: …".
# The story's form before the author ("Ein Kommentar von …", "Eine Analyse von …": SPIEGEL,
# ZEIT ONLINE, FAZ and tagesschau.de print opinion and analysis so) and an interview's credit
# ("Das Interview führte …", "Das Gespräch führte …", "Die Fragen stellte …": SPIEGEL, SZ,
# Deutschlandfunk, regional papers). A roundup's compiler: "Zusammengestellt von …" under a
# week's news in brief (hallespektrum.de).
EXPLICIT_BYLINE_LABEL = (
    r"(?:"
    + AUTHOR_WORD
    + r"|Authors?|Von|"
    + WORDS_AND_PICTURES
    + r"|Redaktion|Bericht|Beitr(?:ag|äge)|Reporter(?:in)?|"
    # A broadcast piece's credits: "Redakteur: Sandra Kühn | Kamera: Tobias Heym" (the regional
    # TV stations' media libraries), the journalist's before the camera's.
    r"Redakteur(?:in)?(?=\s*:)|"
    # The interviewer's credit over or under the questions, the names alone on their line:
    # "Interview: Mag. Barbara Strohmaier" (the chambers' and associations' interviews, the
    # magazines' Q&As); not a teaser's "Interview: Holger Schwannecke, Generalsekretär des …",
    # which names the one interviewed, with the office. The pictures' credit may follow:
    # "Interview: Henrike Stahl · Fotos: Jens Braune" (city magazines' meta line).
    r"(?:Interview|Fragen)(?=\s*:[^,;:|]{3,60}(?:$|\s[·|/–-]\s*(?i:"
    + PICTURE_ROLES
    + r")\s*:)))\s*:|"
    + AUTHOR_WORD
    + r"|(?:Gastbeitrag|Gastkommentar) von|(?:"
    # The form may be a compound: "Eine Filmkritik von …", "Ein Reisebericht von …", "Ein
    # Wirtschaftskommentar von …" (reviews, travel and opinion pages: kino-zeit.de, regional
    # papers' culture and business desks).
    r"Ein (?:[A-ZÄÖÜ][a-zäöüß]*(?:artikel|beitrag|text|kommentar|standpunkt|essay|bericht|interview|porträt)|"
    r"Artikel|Beitrag|Text|Gastbeitrag|Kommentar|Gastkommentar|Standpunkt|Essay|Bericht|Interview|Porträt)|"
    r"Eine (?:[A-ZÄÖÜ][a-zäöüß]*(?:kolumne|analyse|glosse|reportage|rezension|kritik)|"
    r"Kolumne|Analyse|Glosse|Reportage|Rezension|Kritik)|"
    r"Geschrieben|Verfasst|Zusammengestellt) von|Das (?:Interview|Gespräch) führten?|Die Fragen stellten?|"
    # The same in English pages of German publishers: "The interview was conducted by …".
    r"The interview was conducted by|Interview(?:ed)? by|"
    # A magazine's credits block: "Text" / "Interview" over the name, each a piece of its own
    # (ICON, SZ-Magazin and ZEITmagazin list "Text", "Fotos", "Styling" so); an old "Author" list
    # item so (DW's "<strong>Author</strong> Name").
    r"(?:Text|Interview|Author)(?=\s+" + CAPITAL + r"[\w'’-]*\s+" + CAPITAL + r"[\w'’-]*$)|"
    # The credits line "Text: Anna Schmidt | Fotos: Jan Meyer" under or over the story (regional
    # business and city magazines: bergische-wirtschaft.de, Top Magazin, KATAPULT): the text's
    # credit, wherever it stands, when the pictures' follows it ("Text: …" alone is as often a
    # teaser's); "Recherche und Text:", a credit of its own.
    r"Recherche und Text\s*:|Text\s*:(?=[^|·•]{3,80}[|·•]\s*(?i:" + PICTURE_ROLES + r")\s*:)|"
    # The research credit before the text's on one line: "Recherche: Jonas Apel, Mareike Fröhlich
    # / Text: Mareike Fröhlich" (the regional portals' and broadcasters' data stories).
    r"Recherche\s*:(?=[^:|·•]{3,80}/\s*Text\s*:)"
)

# A wire service credited beside the people: "Von Anna Schmidt und dpa", "Anna Schmidt, AFP"
# (regional papers and portals running agency copy with their own reporting: WAZ, RP ONLINE,
# Kölner Stadt-Anzeiger, t-online).
AGENCY_CREDIT = r"(?i:" + "|".join(sorted(map(re.escape, AGENCIES), key=len, reverse=True)) + r")\b(?!\s*[A-ZÄÖÜ])"

# A broadcaster, newsroom or agency credited by its initials ("NDR", "SDA"): a credit
# :func:`_looks_like_a_name` keeps.
INITIALS = r"[A-ZÄÖÜ]{2,5}"

# The broadcaster or newsroom a byline names by its initials after the people: "Von Jan Koch,
# WDR" (the ARD's stations on tagesschau.de), "By Sandee LaMotte, CNN" (cnn.com, msn.com).
NEWSROOM_INITIALS = INITIALS + r"\b(?![\w-])"

# Where each of several reporters wrote from: "Von Anna Schmidt, Brüssel, und Jan Meyer, Berlin".
# One word, capitalised and written as names are, hyphenated at most: a place's name ("Brüssel",
# "Frankfurt-Höchst"). An abbreviation in capitals is a station's (see :data:`ABBREVIATION`).
PLACE_WORD = re.compile(CAPITAL + r"[a-zäöüß]+(?:-" + CAPITAL + r"?[a-zäöüß]+)*")
# A place of two words or more: a spa's or a saint's ("Bad Homburg", "St. Gallen", "Sankt
# Augustin"), one on a river or in a region ("Mülheim an der Ruhr", "Freiburg im Breisgau").
PLACE = re.compile(
    r"(?:(?:Bad|St\.|Sankt)\s+)?"
    + PLACE_WORD.pattern
    + r"(?:\s+(?:am|an der|im|in der|ob der|vor der)\s+"
    + PLACE_WORD.pattern
    + r")?"
)

PLACE_BEFORE_NEXT_NAME = r"(?:\s*,\s*(?:" + PLACE.pattern + "|" + CAPITAL + r"[\w-]+)(?=\s*,?\s*(?:und|&|and)\s))?"

# The liberal professions' titles before a name, which the name's four words would not hold
# with an academic title: "RA StB Dr. Anna Schmidt".
PROFESSIONS_BEFORE_NAME = r"(?:(?:" + PROFESSION_ABBREVIATIONS + r"|Dipl\.-[\wä]+\.?|" + DOCTORATES + r")\s+)*"

NAMES = (
    r"(?P<names>"
    + PROFESSIONS_BEFORE_NAME
    + NAME
    + CREDENTIALS_AFTER_NAME
    + PLACE_BEFORE_NEXT_NAME
    + r"(?:\s*,?\s*(?:,|(?i:und)|&|(?i:and))\s*"
    + PROFESSIONS_BEFORE_NAME
    + NAME
    + CREDENTIALS_AFTER_NAME
    + PLACE_BEFORE_NEXT_NAME
    + r")*"
    r"(?:\s*(?:,|und|&|\bwith\b|\bmit\b)\s*" + AGENCY_CREDIT + r"|\s*,\s*" + NEWSROOM_INITIALS + r")?)"
)

# "Von dpa", "Von AFP | 05.12.2026": agency copy signed by the wire service alone ("von dpa,
# unserer Redaktion" on bnn.de), credited as the agency.
SHOWN_BYLINE = re.compile(
    BYLINE_LABEL + r"\s+(?:" + NAMES + r"|(?P<agency>" + AGENCY_CREDIT + r")(?=\s*(?:$|[|·•,]|\d)))"
)


def _dated_names(match) -> str:
    """The names of a :data:`DATED_BYLINE` match; a guest's without the firm after the comma."""
    names = _without_trailing_words(match["names"])
    return AFFILIATION_AFTER.sub("", names) if match["guest"] else names


# A digit in a text's first characters, where a dated byline's day stands: the cheap test
# before :data:`DATED_BYLINE`'s.
DIGIT = re.compile(r"\d")
DATED_REACH = 60

# A date line that goes on with the author ("04.02.2022 | 13:10 Uhr | Uta Helkenberg" on
# pferd-aktuell.de, macwelt.de's like it, "05.02.2020 - Redaktion: Eberhard Fuhr" on ejwue.de).
DATED_BYLINE = re.compile(
    # The place may lead, the report's label follow: "Baden-Baden, 14.05.2025, 00:00 Uhr,
    # Bericht: Matthias Kronauer" (a local portal's opening line).
    r"(?:" + CAPITAL + r"[\w.-]+(?:[ -]" + CAPITAL + r"[\w.-]+)?,\s*)?"
    # A weekday or its abbreviation may lead: "Fr, 29.08.2008 - 09:45 — Heike Schulte" (Drupal's
    # "submitted" line).
    r"(?:(?:" + ANY_WEEKDAY + r"|[A-Z][a-z]\.?),?\s*)?"
    # The date's label may lead: "Stand: 21.04.2026 · Text: Lea Hoffmann und Björn Tiemann" (a
    # site builder's date line), "Veröffentlicht am 03.02.2026 | Anna Schmidt".
    r"(?:(?:Stand|Datum|Veröffentlicht|Erschienen|Aktualisiert)(?:\s+am)?\s*:?\s*)?"
    r"(?:" + VISIBLE_DATE.pattern + r")\s*[|·•,–—-]\s*"
    # The reading time may stand between: "17. März 2026 · 3 Min. · Lea Brandt" (Hugo's PaperMod
    # theme, WordPress themes' "5 Min. Lesezeit").
    r"(?:\d{1,3}\s*(?:Min\.?|min\.?|Minuten)(?:\s*(?:Lesezeit|read))?\s*[|·•,–—-]\s*)?"
    r"(?:(?:Redaktion|"
    + AUTHOR_WORD
    # A guest's credit in the date line: "02.04.2025 – Gastbeitrag von Reto Baumgartner,
    # Treuhand Suisse" (a federal portal's guest articles), the firm after the comma no name.
    + r"|Text|Bericht|[Vv]on|(?P<guest>Gast(?:beitrag|kommentar)\s+von))\s*:?\s+)?"
    # The writer's place at the paper: "Heidenheim, 09.10.2009 | Von unserem Redaktionsmitglied
    # Thomas Zeller" (regional papers' print bylines online, as :data:`OUR_STAFF` reads them).
    + r"(?:unse(?:rem|rer)"
    + STAFF_ROLE.removesuffix("?")
    + r"\s+)?"
    + NAMES
    # "05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)"
    + r"(?:\s*\([^)]{1,60}\))?$"
)

# "Autor*in: Prof. Dr. Benjamin-Immanuel Hoff" (freitag.de), "Autorin: Uta Staschewski" (hss.de),
# "Autoren Jelko Djuren und Jutta Klaukien" (duengebehoerde-niedersachsen.de).
# The writer's job, the publication's name joined to it, between the label and the name: "Ein
# Kommentar von W+M-Chefredakteur Jens-Uwe Kaltofen", "Von WAZ-Redakteurin Anna Schmidt".
JOB_BEFORE_NAME = r"(?:[\w+&.-]*(?i:redakteur|korrespondent|reporter|herausgeber|kolumnist|verleger)(?:in)?\s+)?"
EXPLICIT_BYLINE = re.compile(r"(?:" + EXPLICIT_BYLINE_LABEL + r")\s*" + JOB_BEFORE_NAME + NAMES)

# The last line of a story that signs it: "Von Cosima Künzel" (erzbistum-koeln.de's "<p><em>Von
# Ulrich Nitsche</em></p>"), "(Christian P. Stadtfeld) +++". One form of the closing signature,
# whose name alone in bold (aerobuzz.de, eishockeynews.de, below) is another.
SIGNED = re.compile(
    # The agency after the name: "Von Jana Wolters, dpa" closing a regional broadcaster's story.
    # A slash before the name: "/Annegret Pohlmann-Sierck" (local portals sign so, as under
    # their teasers).
    r"^(?:(?:[Vv]on|(?i:text(?:\s*(?:und|&)\s*(?:bild(?:er)?|fotos?|interview))?):)\s+|[—–/]\s*)(?P<names>"
    + NAME
    + r")"
    r"(?:,\s*(?P<agency>" + AGENCY_CREDIT + r"))?$|"
    r"[.!?\"“”]\s*\((?P<bracketed>" + NAME + r")\)\W*$"
)

# The writers credited on the story's last line, several of them, with a sentence about them
# after: "Text: Noëmi Brändli und Fabian Rütsche. Die beiden Autoren sind Partner …" (guest
# series of business portals and magazines, whose byline shows the account that posted them).
WRITERS_LINE = re.compile(r"^Text:\s+(?P<names>" + NAME + r"(?:\s*(?:,|und|&|/)\s*" + NAME + r")+)(?:\.(?:\s+.*)?)?$")

# The heading of the writer's contact box under the story: "Kontakt zum Autor" (the trade
# magazines' TYPO3 news template, the name a mail link under it), "Kontakt zur Autorin".
CONTACT_TO_THE_WRITER = re.compile(r"Kontakt zu(?:m|r|\s+den)\s+" + AUTHOR_WORD + r"\s*:?\s*")

# A byline naming the newsroom's account first and its writer after a slash.
DESK_THEN_WRITER = re.compile(r"(?:[Vv]on\s+)?[^/]*\b[Rr]edaktion\b[^/]*?\s*/\s*(?P<name>" + NAME + r")")

EMPHASIS = {"b", "strong", "em", "i"}
EMPHASISED = lxml.etree.XPath("//body//*[" + " or ".join(f"self::{tag}" for tag in sorted(EMPHASIS)) + "]")

# The reporter a wire story names in its closing brackets, before the editor: Reuters' "(Reporting
# by Maria Kessler in Düsseldorf; Editing by Tom Brandt)" under its English copy (cbc.ca,
# mining.com, investing.com) and "(Bericht von Petra Lindner, redigiert von Kerstin Dörr …)"
# under its German copy (de.investing.com, finanzen.net, onvista.de). Read where the story
# credits nobody else.
REPORTED_FROM = r"\s+in\s+" + CAPITAL + r"[\w-]+"
# A reporter, with where they wrote from: "Sven Oltmanns in Berlin".
REPORTER = NAME + r"(?:" + REPORTED_FROM + r")?"
REPORTERS = REPORTER + r"(?:\s*(?:,|and|und)\s*" + REPORTER + r")*"
REPORTER_CREDIT = re.compile(
    r"\((?:Reporting|Bericht) (?:by|von) (?P<names>" + REPORTERS + r")"
    # The writer of the story from the reports: "…, geschrieben von Marlene Achterberg;" (the
    # German desk's copy), "; Writing by Tom Hayward;".
    r"(?:\s*[,;]\s*(?:geschrieben von|[Ww]riting by)\s+(?P<writers>" + REPORTERS + r"))?\s*[;,.)]"
)
# Characters from the story's end the closing line is looked for in.
REPORTER_CREDIT_REACH = 300


def _reporter_credit(tree, text: str):
    """The :data:`REPORTER_CREDIT` match at the story's end, else in a line of the page of its
    own: a portal sets the wire's closing line in a footer of the story that the text leaves
    out (blechnet's "agency-footer"), or before a box of securities and wire headlines that the
    text keeps (the savings banks' and brokers' finance portals)."""
    reported = REPORTER_CREDIT.search(text[-REPORTER_CREDIT_REACH:]) if text else None
    if reported is None and ("(Bericht von" in (page := body_text(tree)) or "(Reporting by" in page):
        lines = (piece for piece in plain_text_pieces(tree) if piece.startswith(("(Bericht von", "(Reporting by")))
        reported = next(filter(None, map(REPORTER_CREDIT.match, lines)), None)
    return reported


# A line that is only a bracketed text: "(Anna Schmidt)".
BRACKETS_AROUND = re.compile(r"^\((.+)\)$")


# A line that is a day alone, its time after it or not: "24.06.2025", "24. Juni 2025, 10:15 Uhr".
DAY_ALONE = re.compile(
    r"(?:\d{1,2}\.\s?(?:\d{1,2}\.|" + MONTH + r")\s?\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:\s*[,|·–-]?\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?"
)


def closing_signature(tree, text: str) -> list[str]:
    """Names that sign the story's text at its end: a last line "Von Anna Schmidt" (with the
    wire service after it, "Von Anna Schmidt, dpa", which is returned too), a name in parentheses
    after the last sentence ("… bleibt spannend. (Christian P. Stadtfeld)"), or a last line that
    is only a name set in bold or italics, bracketed or not (as sites sign a report). Plain
    capitalised last lines ("Weitere Informationen") are not names."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()] if text else []
    # A day printed under the story stands after the signature ("Text: Anna Schmidt / Foto: …"
    # over "24.06.2025": local portals' editors date their copy so, and some themes print the
    # posting day after the content).
    # So does a contributor's line under the writers' ("Anna Gubser und Dario Ferrari<br>Mitarbeit:
    # Luca Tanner", :data:`NOT_THE_WRITER`).
    while lines and (
        DAY_ALONE.fullmatch(last := INVISIBLE.sub("", lines[-1])) or (len(lines) > 1 and NOT_THE_WRITER.match(last))
    ):
        lines.pop()
    if not lines:
        return []
    last = INVISIBLE.sub("", lines[-1])
    # "Stefan Kürten (mit dpa)": the agency's credit after the signature is read apart.
    last = CLOSING_CREDIT.sub("", last).strip() or last
    # "Text: Anna Schmidt, Fotos: Jan Meyer": the photographer's credit after the signature; "Text:
    # Anna Schmidt / Juni 2025": the month or the day it was written.
    last = PICTURE_CREDIT_AFTER.sub("", last) or last
    last = SIGNATURE_DATE_AFTER.sub("", last) or last
    # "Text: Jonas Bräuninger, mit Material von dpa/lsw": the agencies' material, credited apart.
    last = MATERIAL_AFTER.sub("", last) or last
    # "--- Von Hans Bremer, dpa-AFX ---": the frame dpa-AFX sets around its reporter's line, at
    # the story's start or its end, on every portal that runs its copy.
    last = WIRE_FRAME.sub("", last) or last
    # Several writers credited on a line of their own, a closing note of the series or the site
    # after it.
    for line in reversed(lines[-SIGNATURE_REACH:]):
        if credited := WRITERS_LINE.match(PICTURE_CREDIT_AFTER.sub("", INVISIBLE.sub("", line))):
            return [name for name in split_names(credited["names"]) if _looks_like_a_name(name)]
    match = SIGNED.search(last)
    if match:
        name = match["names"] or match["bracketed"]
        if match["agency"]:
            return [name, match["agency"]] if _looks_like_a_name(name) else [match["agency"]]
    elif (
        NAME_LINE_SEPARATOR.search(bare := BYLINE_PREFIX.sub("", BRACKETS_AROUND.sub(r"\1", last)))
        and re.fullmatch(NAMES, bare)
        and _set_apart(tree, last)
        and all(map(_looks_like_a_name, signers := split_names(bare)))
    ):
        # Two writers so: "<p style="text-align: right"><strong>Zuzana Kováčová und Peter
        # Lipták</strong></p>" (a minority paper's monthly, as single signers above).
        return signers
    elif re.fullmatch(NAME, bare) and _set_apart(tree, last):
        # A name alone in bold or italics: "<p><b>Bob Fischer</b></p>" (aerobuzz.de),
        # "<p><b><i>Stefan Wasmer</i></b></p>" (eishockeynews.de), in brackets too: "<p><i>(Anna
        # Schmidt)</i></p>" (local papers' older stories, as the bracketed name after a sentence);
        # or in a signature element: "<p class="signatur">" under a commentary. Its label goes:
        # "<em>Aufgezeichnet von …</em>" under a first-person piece ("von" would read as a name's).
        name = bare
    elif (home := SIGNER_FROM.fullmatch(bare)) and _set_apart(tree, last):
        # The signer with her home town: "<p><em>Heike Wessel-Kamp aus Ennepetal</em></p>" (local
        # portals' contributors and readers' reports, as "Jakob Wessels, Milchbauer aus …" above).
        name = home["name"]
    elif (
        len(lines) > 1
        and ROLE_LINE.search(last)
        and len(last.split()) <= 8
        and re.fullmatch(NAME, signed := INVISIBLE.sub("", lines[-2]))
    ):
        # A statement signed with name and office: "Kazım Türkmen" / "DITIB-Bundesvorsitzender".
        name = signed
    elif (
        (signed_with_office := SIGNED_WITH_OFFICE.fullmatch(last))
        and _an_office(signed_with_office["office"], tree, last)
        and _set_apart(tree, last)
    ):
        # The same on one line, set apart: "<em>Sandra Feigl, Schriftführerin GHV Leutenbach</em>"
        # under a club's report in a municipal gazette.
        name = signed_with_office["name"]
    elif signed_for := _matched_near_the_end(SIGNED_FOR_A_NEWSROOM.fullmatch, lines):
        # The writer and the newsroom after a comma on a line of its own at the story's end,
        # above a broadcast's note or the date line: "Julia Steinbrecher, help.ORF.at", "Text:
        # Verena Gruber, Ö1-Wirtschaftsredaktion" (the ORF's sites sign their stories so; a
        # broadcaster's desk, a site's host).
        name = signed_for["name"]
    elif noted := _matched_near_the_end(AUTHOR_NOTE.match, lines):
        # A note on the writer closing the story: "Die Autorin Dr. Karin Ebeling ist freie
        # IT-Fachjournalistin in Augsburg …" (trade magazines' contributors, guest authors).
        name = noted["name"]
    elif signed := _signed_above_a_note(tree, lines[-SIGNATURE_REACH:-1], lines[-1]):
        name = signed
    elif signed := _matched_near_the_end(lambda line: _in_a_signature_element(tree, line), lines[:-1]):
        # A name alone in an element its class names the signature, above a box that closes the
        # story ("<p class="signatur">Romain Kieffer</p>" over a "Kasten" of facts; a fact box,
        # a note on the series): the class says what the line is, wherever it stands.
        name = signed
    elif signed_for_agency := _matched_near_the_end(_signed_with_an_agency, lines):
        # The reporter and the wire service above the site's closing lines (an app's promotion,
        # a newsletter's): "Von Jana Wolters, dpa" / "FFH News aufs Handy" on a regional
        # broadcaster's agency copy.
        name = signed_for_agency["names"]
        return [name, signed_for_agency["agency"]] if _looks_like_a_name(name) else [signed_for_agency["agency"]]
    else:
        return []
    return [name] if _looks_like_a_name(name) else []


def _signed_with_an_agency(line: str):
    """The :data:`SIGNED` match of a line "Von Anna Schmidt, dpa", the wire service named."""
    if "," not in line or len(line) > SIGNED_LINE_LENGTH:
        return None
    match = SIGNED.fullmatch(WIRE_FRAME.sub("", INVISIBLE.sub("", line)))
    return match if match and match["names"] and match["agency"] else None


# The longest line such a signature fills.
SIGNED_LINE_LENGTH = 120


WIRE_FRAME = re.compile(r"^-{2,}\s*|\s*-{2,}$")


def _matched_near_the_end(match, lines: list[str]):
    """The first of the story's last :data:`SIGNATURE_REACH` lines, the last first, that
    ``match`` (a pattern's ``match`` or ``fullmatch``) matches: its match, else None."""
    return next(filter(None, map(match, reversed(lines[-SIGNATURE_REACH:]))), None)


# Elements whose class names them the story's signature ("signatur", "article-signature": WordPress
# themes of magazines and associations under a commentary).
SIGNATURE_ELEMENTS = lxml.etree.XPath('//body//*[contains(@class, "signatur")]')


def signature_elements(tree) -> list:
    """The page's :data:`SIGNATURE_ELEMENTS`, searched for once a page (four rules ask)."""
    return read_once(tree, "signature_elements", SIGNATURE_ELEMENTS)


def _signature_box_signer(tree) -> str | None:
    """The name opening an element its class names the signature (:data:`SIGNATURE_ELEMENTS`),
    an office or nothing under it, not in a reader's comment."""
    for element in signature_elements(tree):
        lines = _lines(element)
        if (
            1 <= len(lines) <= SIGNATURE_BOX_LINES
            and re.fullmatch(NAME, lines[0])
            and _looks_like_a_name(lines[0])
            and all(len(line.split()) <= SIGNATURE_OFFICE_WORDS for line in lines[1:])
            and not IN_COMMENT(element)
        ):
            return lines[0]
    return None


# A signature box's lines: the name, the office, the organisation.
SIGNATURE_BOX_LINES = 3
SIGNATURE_OFFICE_WORDS = 8


def _in_a_signature_element(tree, line: str) -> str | None:
    """``line`` if it is a name alone, the whole text of a signature element, else None."""
    bare = INVISIBLE.sub("", line)
    if re.fullmatch(NAME, bare) and _fills_a_signature_element(tree, bare):
        return bare
    return None


def _fills_a_signature_element(tree, line: str) -> bool:
    """Whether ``line`` is the whole text of an element its class names the signature
    (:data:`SIGNATURE_ELEMENTS`)."""
    return any(_fills(text_of(element), line) for element in signature_elements(tree))


def _emphasised(tree, line: str) -> bool:
    """Whether ``line`` is the whole text of an element in bold or italics."""
    return any(_fills(text_of(element), line) for element in EMPHASISED(tree))


def _fills(text: str, line: str) -> bool:
    """Whether ``line`` is the whole of an element's ``text``, or all of it but a contributor's
    credit on the next line (:data:`NOT_THE_WRITER`: "<em>Anna Gubser und Dario Ferrari<br>
    Mitarbeit: Luca Tanner</em>", a signature with the contributor under it; the element's text
    joins the lines without a space)."""
    return text == line or (text.startswith(line) and NOT_THE_WRITER.match(text[len(line) :].lstrip()) is not None)


def _set_apart(tree, line: str) -> bool:
    """Whether ``line`` is the whole text of an element in bold or italics, of a signature
    element (:data:`SIGNATURE_ELEMENTS`) or of a paragraph aligned to the right (the WordPress
    editor's and the older CMSes' way of signing: "<p style="text-align: right;">Josephine
    Raddatz</p>" under a local monthly's story)."""
    return (
        _emphasised(tree, line)
        or _fills_a_signature_element(tree, line)
        or any(_fills(text_of(element), line) for element in RIGHT_ALIGNED(tree))
    )


RIGHT_ALIGNED = lxml.etree.XPath(
    '//body//p[contains(translate(@style, "ABCDEFGHIJKLMNOPQRSTUVWXYZ ", "abcdefghijklmnopqrstuvwxyz"), "text-align:right")]'
    ' | //body//p[@align="right"]'
)


# A note on the writer: "Der Autor Jan Meyer ist …", "Die Autorin: Dr. Anna Schmidt, …".
AUTHOR_NOTE = re.compile(
    r"(?:Der Autor|Die Autorin|Zum Autor|Zur Autorin)\s*:?\s+(?:(?:Dr|Prof)\.\s*)*(?P<name>" + NAME + r")"
    r"(?:\s*,|\s+(?:ist|war|leitet|arbeitet|schreibt|berät|lehrt|lebt|forscht)\b)"
)
# A name and the newsroom after a comma: a host ("help.ORF.at") or a desk ("Ö1-Wirtschaftsredaktion").
SIGNED_FOR_A_NEWSROOM = re.compile(
    r"(?:(?i:text|von)\s*:?\s+)?(?P<name>" + NAME + r"),\s+"
    r"(?:[\w-]+(?:\.[\w-]+)*\.(?:at|de|ch|com|org|net|eu)|[\w-]*(?i:redaktion)(?:\s+[\w-]+){0,3})"
)
# A name and an office after a comma, of a few words: "Sandra Feigl, Schriftführerin GHV Leutenbach".
SIGNED_WITH_OFFICE = re.compile(r"(?P<name>" + NAME + r"),\s+(?P<office>[^,.!?]{3,90})")
# A signer's home after the name: "Heike Wessel-Kamp aus Ennepetal".
SIGNER_FROM = re.compile(r"(?P<name>" + NAME + r")\s+aus\s+" + CAPITAL + r"[\w-]+(?:\s+" + CAPITAL + r"[\w-]+)?")
# A signer's trade and home after the name: "Jakob Wessels, Milchbauer aus Haselünne …",
# "Landwirtin in Soest", "Unternehmer bei Bielefeld" (guest commentaries of farm, trade and
# regional papers, readers' letters in local ones).
TRADE_AND_HOME = re.compile(r"^[\w-]+\s+(?:aus|in|bei)\s+" + CAPITAL)


def _an_office(office: str, tree, line: str) -> bool:
    """Whether ``office``, after a name and a comma on the story's last line ``line``, is what
    the signer does: a role (:data:`ROLE_LINE`) of at most :data:`OFFICE_LENGTH` characters, a
    trade and home (:data:`TRADE_AND_HOME`), or anything in an element its class names the
    signature (:data:`SIGNATURE_ELEMENTS`: the class says what the line is)."""
    return (
        (bool(ROLE_LINE.search(office)) and len(office) <= OFFICE_LENGTH)
        or bool(TRADE_AND_HOME.match(office))
        or _fills_a_signature_element(tree, line)
    )


# The longest office a role names (longer, a sentence's clause).
OFFICE_LENGTH = 60

# A letter to the readers: it opens by addressing them ("Liebe Leserinnen, liebe Leser,", "Liebe
# Leser,", "Dear readers,") and closes "Ihre Henrike Sander" or "Ihr Max Bauer vom Team …"
# (the daily briefings and newsletters that news sites and trade portals publish as pages:
# mobilbranche.de; editors' letters opening a magazine's issue).
# Or the readers addressed by their trade, a salutation line of its own ending in a comma: "Sehr
# geehrte Geschäftsführer-Kollegin, sehr geehrter Kollege," (a newsletter to managing directors),
# "Liebe Kolleginnen und Kollegen,". Or greeted as a newsletter greets its subscribers, the
# greeting alone on its line: "Hallo zusammen,", "Moin,", "Hi everyone," (start-up and community
# newsletters archived as pages by Mailchimp and Substack, company blogs' weekly notes).
LETTER_OPENING = re.compile(
    r"^(?:Liebe|Lieber|Sehr geehrte)\s+Leser|^Dear readers?\b|^(?:Liebe|Lieber|Sehr geehrter?)\s+[^.!?:]{3,80},$"
    r"|^(?:Hallo|Hi|Hey|Moin|Servus|Grüezi|Hello|Guten\s+(?:Morgen|Tag|Abend))(?:\s+[^.!?:]{2,40})?,$",
    re.IGNORECASE,
)
LETTER_CLOSING_WORD = re.compile(r"Ihr|Ihre|Euer|Eure|Yours,?")
LETTER_CLOSING = re.compile(
    r"^(?:"
    + LETTER_CLOSING_WORD.pattern
    + r")\s+(?P<name>"
    + NAME
    + r")(?:\s+(?:vom|von der|aus der|und das|and the)\s+.{1,60})?$"
)
# How many text pieces a letter may run from its opening to its closing.
LETTER_PIECES = 40


def letter_signature(tree) -> list[str]:
    """The name a letter to the readers closes with, in the pieces after its opening."""
    pieces = plain_text_pieces(tree)
    for position, piece in enumerate(pieces):
        if LETTER_OPENING.match(piece):
            following = pieces[position + 1 : position + LETTER_PIECES]
            for later, after in zip(following, [*following[1:], ""]):
                if LETTER_CLOSING_WORD.fullmatch(later):
                    # The closing word on a line of its own, the name under it in bold:
                    # "Ihr<br><strong>Torsten Kramer</strong>" (newsletters' editorials).
                    later = f"{later} {after}"
                if (closing := LETTER_CLOSING.match(later)) and _looks_like_a_name(closing["name"]):
                    return [closing["name"]]
            return []
    return []


# How many lines before the story's end a signature set apart in italics or bold may stand, above
# a closing note.
SIGNATURE_REACH = 5


def _signed_above_a_note(tree, lines: list[str], note: str = "") -> str | None:
    """The name of a signature line "Text: Anna Schmidt" or "Von Anna Schmidt" set alone in
    italics or bold shortly before the story's end, above a closing note ("Dieser Beitrag erschien
    in der Ausgabe 2/2007", a box of dates): the magazines' and associations' older pages
    (Joomla's and Domino's stories) sign so."""
    for position, line in enumerate(reversed(lines)):
        match = SIGNED.fullmatch(INVISIBLE.sub("", line))
        if (
            match
            and match["names"]
            # Right above a note where the story first appeared, it needs no emphasis ("Text:
            # Christina Beckmann" / "Dieser Beitrag erschien in der Ausgabe 9/2024 der …": the
            # chambers' magazines online).
            and (position == 0 and PUBLICATION_NOTE.match(note) or _emphasised(tree, line))
        ):
            return match["names"]
    # The name alone in italics or bold right above a note where the story first appeared
    # ("Robert Hauer" / "Dieser Beitrag erschien in der Neuen Zeitung Nr. 42/2024": weeklies'
    # and minority papers' online copies of their print stories).
    if (
        lines
        and PUBLICATION_NOTE.match(note)
        and re.fullmatch(NAME, bare := INVISIBLE.sub("", lines[-1]))
        and _looks_like_a_name(bare)
        and _set_apart(tree, bare)
    ):
        return bare
    return None


PUBLICATION_NOTE = re.compile(
    r"(?:Dieser|Der|Die|Das) (?:Beitrag|Artikel|Text|Kommentar|Gastbeitrag|Interview)\b[^.]{0,80}?\b(?:erschien|erschienen)\b"
    r"|(?:Zuerst )?[Ee]rschienen in\b",
)


# An office under a signature, its first word: "DITIB-Bundesvorsitzender", "Stellvertretende
# Pressesprecherin", "Leiterin der Stadtbibliothek" (no sentence: no full stop at its end).
ROLE_LINE = re.compile(
    r"^(?:(?:stellvertretende[r]?|stv\.|erste[r]?|ehemalige[r]?)\s+)?[\w-]*"
    r"(?:vorsitzend|präsident|sprecher|geschäftsführ|schriftführ|leiter|direktor|bürgermeister|vorstand|"
    # The editor-in-chief or publisher signing an editorial ("Chefredakteur WirtschaftsSpiegel
    # Thüringen", "Herausgeberin"; the regional business magazines' leaders).
    r"chefredakt|herausgeber|"
    r"landrat|landrätin|bischof|bischöfin|pfarrer|dekan|rektor|minister|beauftragt)\w*"
    r"(?:\s[^.!?]*)?$"
    # The English offices, as English pages of German publishers, banks and firms sign ("Dr.
    # Konstantin Weyrauch, Head of Research" in a trading magazine's meta author, "…, Chief
    # Economist", "…, Managing Director", "…, Founder and CEO").
    r"|^(?:(?:senior|executive|deputy|global)\s+)?"
    r"(?:head\s+of|chief|director|founder|co-founder|managing\s+director|ceo|cfo|cto|coo)\b[^.!?]*$",
    re.IGNORECASE,
)


# How far after the headline a "Von …" line may be: below the lead paragraph, too.
BYLINE_AFTER = 600


def shown_bylines(tree, headline: str | None = None) -> list[str]:
    """Bylines as the page shows them: the "Von …" lines next to the headline (text pieces
    that start with "Von", "Text von", "Autor:" or "By" and go on with names), then lines
    labelled as the author's anywhere ("Autor: …", "Ein Artikel von …"), then byline elements
    outside comments."""
    return _shown_credits(tree, headline)[0]


def _shown_credits(tree, headline: str | None = None) -> tuple[list[str], list[str], list[str], list[str]]:
    """``(bylines, handles, sources, sources_near)``: :func:`shown_bylines`, the one-word handles
    or first names of dated bylines (:func:`dated_handles`), the agencies or broadcasters the
    story's source lines credit (:func:`source_credits`), and those of them next to the headline."""
    bylines = []
    after, before = text_near_headline(tree, headline, pieces=True, limit=BYLINE_AFTER)
    # Before the headline the nearest byline counts first; pieces are read in page order.
    bylines.extend(_bylines_in([piece for piece in after if piece], SHOWN_BYLINE))
    bylines.extend(_bylines_in([piece for piece in before if piece], SHOWN_BYLINE)[::-1])
    # A date line that goes on with the author: "04.02.2022 | 13:10 Uhr | Uta Helkenberg",
    # "05.02.2020 - Redaktion: Eberhard Fuhr".
    # The date and the rest may be separate elements ("05.02.2020 <span>- Redaktion: …</span>").
    near = [piece for piece in after + before if piece]
    lines = near + [first + " " + second for first, second in zip(near, near[1:])]
    bylines.extend(map(_dated_names, filter(None, map(DATED_BYLINE.match, lines))))
    # "Veröffentlicht am 21.11.2024 von Anna Schmidt" (WordPress themes' "Posted on … by …",
    # regional portals: popkultur.de, channelpartner.de, tegernseerstimme.de), "Anna Schmidt |
    # 21.11.2024, 14:30 Uhr" (a meta line with the name first: curved.de, onlinemarketing.de,
    # pferderevue.at).
    bylines.extend(
        _without_trailing_words(match["names"])
        for line in lines
        if (match := POSTED_BY.fullmatch(line) or NAME_THEN_DATE.fullmatch(line))
    )
    # The date and the author as items of their own in the meta line under the headline:
    # "19. Oktober 2019" / "Boris T. Kaiser" (WordPress themes' entry meta and Elementor's post
    # info list, TYPO3 news' meta bar, Funke's and Madsack's "article-info" line; jungefreiheit.de,
    # watson.ch, finanztip.de): a name alone in the item after the date.
    # The item may be the category instead ("Radtouren Berlin" on unterwegsinberlin.de): not when
    # the markup names it as the story's section or keyword, or the breadcrumb trail as a section
    # ("Local SEO" beside the day on seoschweiz.ch, its trail's last item), or its class as a
    # category ("Corporate News" in TYPO3 news' "news-list-category" on a company's IR page).
    after_pieces = [piece for piece in after if piece]
    bylines.extend(
        name
        for date_piece, name in zip(after_pieces, after_pieces[1:])
        if DATE_ITEM.fullmatch(date_piece)
        and re.fullmatch(NAME, name)
        and text_key(name) not in _sections(tree) | trail_sections(tree) | labelled_sections(tree)
    )
    # The credit closing the lead's last sentence: "… könnten entstehen. Ein Bericht von Malte
    # Gerdes." (the broadcasters' teasers over a report: radio stations' and public broadcasters'
    # regional news, "Ein Beitrag von …", "Von …").
    bylines.extend(
        _without_trailing_words(credit["names"])
        for piece in after_pieces
        if (credit := LEAD_CLOSING_CREDIT.search(piece))
    )
    # A name before the date: "Kathrin Führes am Mittwoch, 26.01.2022 - 14:30" (jagderleben.de;
    # st-georg.de, zdnet.de).
    window = "\n".join(near)
    bylines.extend(_without_trailing_words(match["names"]) for match in NAME_BEFORE_DATE.finditer(window))
    linked = _linked_authors(tree, near)
    if linked:
        bylines.append(" und ".join(linked))
    pieces = plain_text_pieces(tree)
    target = find_headline_element(tree, headline) if headline else None
    labelled = _bylines_in(_without_mastheads(pieces), EXPLICIT_BYLINE)
    if labelled and (cards := _teaser_cards(tree, target)):
        # A labelled credit anywhere on the page, but not another story's card: "Ein Beitrag von
        # …" under an advertorial's teaser, "Von: …" on the Ippen portals' cards of other stories.
        # The cards' own pieces: the story's writer may write a card's story too ("Verfasst von
        # <a>Tobias Rensing</a>" under the story, "Tobias Rensing" on the next story's card).
        labelled = _bylines_in(_without_mastheads(plain_text_pieces_without(tree, cards)), EXPLICIT_BYLINE)
    bylines.extend(labelled[:2])
    # A line of its own crediting the words, anywhere in the story: "Text: Martina Holtkamp" in
    # italics under a cooperative association's news, "Text: Markus Feldner, IG Metall
    # Schweinfurt" under a union's, "Text: Alois Pfurtscheller / Fotos: Georg Hochrainer" over an
    # old site's story. Read as the whole piece, so that a caption's "Text:" naming anything else
    # is none, and not in another story's card, whose "Text: …" names that story's writer (a
    # trade magazine's "Mehr vom Autor" list, a start-up portal's teaser list). Where no headline
    # element stands to read the "Von …" line next to (an old page's headline set in a <font>, a
    # newsletter's table, a PDF's text turned into positioned <div>s), "Von Anna Schmidt" on a
    # line of its own is the byline too.
    credit_lines = WORDS_CREDIT_LINE_OF_ITS_OWN if target is not None else WORDS_CREDIT_OR_BYLINE_OF_ITS_OWN
    if any(piece[:4].lower() in ("text", "von ") and credit_lines.fullmatch(piece.strip()) for piece in pieces):
        # A line of the element as a browser breaks it counts as well as its whole text: the
        # credit closing a press office's block ("Universität Greifswald<br>Presse- und
        # Informationsstelle<br>…<br>Text: Kerstin Nommensen", universities' and institutes'
        # releases on TYPO3).
        bylines.extend(
            _without_trailing_words(credit["names"])
            for element in WORDS_CREDIT_ELEMENTS(tree)
            if (
                credit := credit_lines.fullmatch(text_of(element))
                or next(filter(None, map(credit_lines.fullmatch, _lines(element))), None)
            )
            and not (ELSEWHERE(element) or IN_TEASER_CARD(element) or _in_another_story(element, target))
        )
    # The credits as two lines of their own, the words' and the pictures' ("TEXT: MAREIKE
    # JANSSEN" / "FOTOS: JENS OHLSEN" under a city magazine's story), in any case.
    bylines.extend(
        _without_trailing_words(credit["names"])
        for line, following in zip(pieces, pieces[1:])
        if PICTURES_CREDIT_START.match(following) and (credit := WORDS_CREDIT_LINE.fullmatch(line))
    )
    # The same with the name in a link of its own ("Text: <a …>Lena Wingenfeld</a>" over "Bild:
    # …"), or the editor's credit after it ("Text: <a …>Nadine Oberkamp</a>; Redaktion: …": an HR
    # magazine's credits block).
    bylines.extend(
        _without_trailing_words(credit["names"])
        for label, name, following in zip(pieces, pieces[1:], pieces[2:])
        if label.rstrip().endswith(":")
        and (PICTURES_CREDIT_START.match(following) or EDITOR_CREDIT_START.match(following))
        # The separator before the pictures' credit may end the name's piece ("Mira Lenhardt · ").
        and (credit := WORDS_CREDIT_LINE.fullmatch(label + " " + name.rstrip(" ·|,;–—-")))
    )
    story_bylines = []
    for element in byline_elements(tree):
        if ELSEWHERE(element) or _in_another_story(element, target):
            # A commenter, or the author of a teaser for another story ("slider-teaser__author")
            # or of the story appended below.
            continue
        value = _byline_text(element)
        if value and (contact := CONTACT_TO_THE_WRITER.match(value)):
            # The writer's contact box under the story, its heading no part of the name.
            value = value[contact.end() :]
        elif value and (desk_first := DESK_THEN_WRITER.fullmatch(value)):
            # The desk's account that posted the story, then its writer: "von Redaktion HAN /
            # Jens Wollny" (local weeklies' WordPress sites, one account for the newsroom).
            value = desk_first["name"]
        story_bylines.append((element, value))
        if value and BIOGRAPHY_OPENING.match(value):
            # The biography's own line opens with the name: the box's heading may stand before
            # it on a line of its own ("Über Hinnerk" / "Hinnerk Tiedemann arbeitet seit …",
            # "Regan" / "Regan is a …"), and is no part of the name.
            about = next(filter(None, map(BIOGRAPHY_OPENING.match, _lines(element))), None)
            if about and not BOX_HEADING_WORD.match(about["name"]):
                bylines.append(about["name"])
        elif value and DIGIT.search(value, 0, DATED_REACH) and (dated := DATED_BYLINE.match(value)):
            # The day before the name in the element: "12.02.2026, Regina Teichert" (a district
            # magazine's author line under its story).
            bylines.append(_dated_names(dated))
        elif value and len(value.split()) <= MAX_BYLINE_WORDS:
            bylines.append(_without_trailing_words(value))
        elif value and (name := _leading_name(element)):
            bylines.append(name)
        elif value and (labelled := _labelled_first_line(element, value)):
            bylines.append(labelled)
        if len(bylines) >= 6:
            break
    bylines.extend(_side_by_side(story_bylines))
    return bylines, dated_handles(near), source_credits(pieces, tree), source_credits(near, tree)


# The most text a block of byline elements standing side by side holds: a meta line or an
# authors' list, not the story around them.
SIDE_BY_SIDE_TEXT = 300


def _side_by_side(story_bylines: list[tuple]) -> list[str]:
    """Bylines of the people whose byline elements stand side by side, the same element with one
    name in each:
    "<span class=author>Anna Keller</span> <span class=author>Reto Brunner</span>" in a meta
    line (NZZ's, Drupal's and WordPress themes' author fields listing co-authors one by one), a
    list of author cards ("author-card" items of law firms' and publishers' updates). Not the
    bylines of a list of other stories: their links stand beside them."""
    values = dict(story_bylines)
    # The innermost ones: an authors' list marked as a byline holds the cards, one name in each.
    elements = [
        element
        for element in values
        if not any(other is not element and element in other.iterancestors() for other in values)
    ]
    groups, previous = [], None
    for element in elements:
        own = _byline_names(_without_trailing_words(values[element])) if values[element] else ()
        if len(own) != 1 or _credited_otherwise(element):
            previous = None
            continue
        if (
            previous is not None
            # The same element repeated, a name in each: not a name's and a role's parts of a card.
            and (element.tag, element.get("class")) == (previous.tag, previous.get("class"))
            and _in_one_block(previous, element, elements)
        ):
            groups[-1].append(own[0])
        else:
            groups.append([own[0]])
        previous = element
    return [" und ".join(names) for group in groups if len(names := list(dict.fromkeys(group))) > 1]


def _credited_otherwise(element) -> bool:
    """Whether the label before ``element`` credits its name for something other than the
    writing: "Fachlich geprüft von" beside "Autorin" in an advice portal's byline, "Kamera:"."""
    label = _label_before(element).strip()
    return bool(NOT_THE_WRITER.match(label) or EDITING_LABEL.search(label))


def _in_one_block(first, second, bylines: list) -> bool:
    """Whether two byline elements stand in one short block of bylines: their nearest common
    ancestor holds no more than :data:`SIDE_BY_SIDE_TEXT` characters, and no link or heading
    outside the byline elements."""
    around_first = set(first.iterancestors())
    block = next((parent for parent in second.iterancestors() if parent in around_first), None)
    if block is None or len(text_of(block)) > SIDE_BY_SIDE_TEXT:
        return False
    inside = set(bylines)
    return not any(
        not any(parent in inside for parent in element.iterancestors())
        for element in block.iterdescendants("a", "h1", "h2", "h3", "h4", "h5", "h6")
        if element not in inside
    )


# A line crediting the words, and the pictures' credit opening the next line.
WORDS_CREDIT_LINE = re.compile(r"(?i:text)\s*:\s*" + NAMES)
# What may follow the name on that line: the pictures' credit, or the writer's organisation.
AFTER_THE_WRITER = r"(?:\s*[/|·]\s*(?i:" + PICTURE_ROLES + r")\s*:\s*[^:]{2,60}|\s*,\s*[^,:/|]{2,60})?"
WORDS_CREDIT_LINE_OF_ITS_OWN = re.compile(WORDS_CREDIT_LINE.pattern + AFTER_THE_WRITER)
WORDS_CREDIT_OR_BYLINE_OF_ITS_OWN = re.compile(r"(?:(?i:text)\s*:|Von)\s*" + NAMES + AFTER_THE_WRITER)
WORDS_CREDIT_ELEMENTS = lxml.etree.XPath(
    "//body//text()[starts-with(translate(normalize-space(), 'TEX', 'tex'), 'text')"
    " or starts-with(normalize-space(), 'Von ')]/parent::*"
)
EDITOR_CREDIT_START = re.compile(r"[;,|·]?\s*(?i:redaktion|lektorat|schlussredaktion)\s*:")
PICTURES_CREDIT_START = re.compile(r"(?i:" + PICTURE_ROLES + r")\s*:")

# A diploma with its kind of school: "Dipl.-Ing. (FH) Ralf Dunker" (the trade magazines' expert
# authors; "(FH)", a university of applied sciences'; "(TU)", "(BA)"), the bracket no name's.
DIPLOMA = r"Dipl\.-[\wä]+\.?(?:\s*\((?:FH|TU|BA|Univ\.?)\))?"
# Austria's "Mag. (FH)" and "Ing. (FH)" the same way.
DIPLOMA_SCHOOL = re.compile(r"((?:Dipl\.-[\wä]+|Mag|Ing)\.?)\s*\((?:FH|TU|BA|Univ\.?)\)")


# A name with an academic title before it ("Dr. Tim Loppe", "Prof. Dr. Anna Schmidt": the press
# contacts of unendlich-viel-energie.de and jugend-forscht.de, aerztezeitung.de's bylines).
TITLED_NAME = re.compile(r"(?:(?:Dr|Prof)\.\s*|" + DIPLOMA + r"\s*)*" + NAME)

# The verbs a biography goes on with after the name ("Tobias Reinartz ist freier Fachjournalist …",
# "Anna Schmidt writes about …"; :data:`BIOGRAPHY_OPENING`).
BIOGRAPHY_VERB = (
    r"(?:ist|war|is|was|leitet|führt|arbeitet|schreibt|lebt|lehrt|berät|forscht|works|writes|lives|leads|teaches)"
)

# An author's note that opens with the name and what the person is or does: "Dr. Henrike Solms
# ist Partnerin der Kanzlei …" (goingpublic.de's "autor-info"), "Sabine Oehlerking führt seit
# 2015 ein Restaurant …" (biograph's "gastautor"), "Mirjam Falk is a freelance journalist based
# in Cologne." (an English magazine's "author-note"): the notes under guest columns, the only
# credit those pages print. Read in elements marked as the author's only.
BIOGRAPHY_OPENING = re.compile(r"(?P<name>" + TITLED_NAME.pattern + r")\s+" + BIOGRAPHY_VERB + r"\s")

# The word an author box's heading opens with: "Über Hinnerk", "About Anna".
BOX_HEADING_WORD = re.compile(r"(?:Über|About)\s")

# The name an author box sets in bold before the biography: "<p class="about-author__text">
# <strong>Sophie Laarmann</strong> schreibt bei …" (the author boxes of WordPress themes).
LEADING_NAME = lxml.etree.XPath("(.//*[self::strong or self::b])[1]")


def _labelled_first_line(element, value: str) -> str | None:
    """The byline an author box too long to be one opens with on a line of its own, labelled
    ("<h2>Written by Lena Brockhoff</h2><p>Gründerin von …</p>": Medium's and Substack's author
    cards, WordPress themes' "Über den Autor" boxes headed "Von …"). Its text ``value`` opens
    with the label then too: only then are its lines read."""
    if not BYLINE_PREFIX.match(value):
        return None
    first = next(iter(_lines(element)), "")
    return first if BYLINE_PREFIX.match(first) and len(first.split()) <= MAX_BYLINE_WORDS else None


def _leading_name(element) -> str | None:
    """The name in bold that opens an author box too long to be a byline."""
    first = LEADING_NAME(element)
    if not first:
        return None
    name, text = text_of(first[0]), text_of(element)
    # The biography goes on with what the person does ("… schreibt bei …", "… ist Redakteurin"):
    # a label set in bold ("Zur Person", "Alle Beiträge") does not.
    after = text[len(name) :].split()[:1] if text.startswith(name) else []
    return name if TITLED_NAME.fullmatch(name) and after and after[0][0].islower() else None


# Links to an author's page: "/autor/anna-schmidt/" (WELT, t-online), "/autoren/…" (ZEIT ONLINE,
# n-tv), "/impressum/autor-…" (SPIEGEL), "/author/…" (WordPress, English-language sites).
AUTHOR_PAGE_PATHS = re.compile("/autor|/author")


def _author_page_links(tree) -> list:
    """The links of the page's ``<body>`` whose address holds :data:`AUTHOR_PAGE_PATHS`, in
    page order: the XPath ``//body//a[contains(@href, "/autor") or …]``, quicker in Python, where
    only the few links that match look for their ``<body>``."""
    return [
        link
        for link in page_elements(tree, "a")
        if AUTHOR_PAGE_PATHS.search(link.get("href", "")) and next(link.iterancestors("body"), None) is not None
    ]


MAX_LINKED_AUTHORS = 4


def _linked_authors(tree, near: list[str]) -> list[str]:
    """The names that links to author pages next to the headline give, each a text piece there
    of its own ("Von" / "<a href="/autoren/…">Anna Schmidt</a>" / "und" / "<a …>Jan Meyer</a>"):
    the byline, however the page labels it. A link to an author page elsewhere (a list of other
    stories, the site's author index) is not next to the headline."""
    near_keys = {text_key(piece) for piece in near}
    names = []
    for link in _author_page_links(tree):
        name = text_of(link)
        if (
            re.fullmatch(NAME, name)
            and text_key(name) in near_keys
            and name not in names
            and not _credited_for_pictures(link, name)
            and not EDITING_LABEL.search(_label_before(link))
            # "Redakteur:" after an author already linked: the editor of a guest's text
            # (NOT_THE_WRITER); alone, the writer's own label.
            and not (names and EDITOR_AFTER_AUTHOR.search(_label_before(link)))
        ):
            names.append(name)
    return names[:MAX_LINKED_AUTHORS]


EDITOR_AFTER_AUTHOR = re.compile(r"Redakteur(?:in)?\s*:?\s*$", re.IGNORECASE)


# The editor who went over the story, beside its author: "Bearbeitet von" (Decrypt's German
# edition), "Redigiert von", "Edited by" and "Reviewed by" (English crypto and tech sites, the
# finance portals' "Fact checked by").
# The translator linked to an author page the same way: "Übersetzung <a …>Kasimir Oldenburg</a>"
# (a nonprofit magazine's meta line under a translated story).
EDITING_LABEL = re.compile(
    r"(?:(?:Bearbeitet|Redigiert|Lektoriert|Überarbeitet|Geprüft|Übersetzt|Edited|Reviewed|Fact[- ]checked|Translated)"
    r"\s+(?:von|by)|Redigat|Lektorat|Schlussredaktion|Editor|Übersetzung|Translation)\s*:?\s*$",
    re.IGNORECASE,
)


def _label_before(link) -> str:
    """The text just before ``link``: its parent's text or the previous sibling's tail, and the
    sibling's own text when nothing stands after it (a label set in an element of its own,
    "<p>Bearbeitet von</p><a …>")."""
    previous = link.getprevious()
    if previous is None:
        return link.getparent().text or ""
    if (previous.tail or "").strip() or not isinstance(previous.tag, str):
        return previous.tail or ""
    return text_of(previous)


def _credited_for_pictures(link, name: str) -> bool:
    """Whether the author link ``link`` (its text ``name``) credits the pictures: "<a …>Jan
    Meyer</a> (Fotos)", "Fotos: <a …>Jan Meyer</a>". :data:`PICTURE_CREDIT`'s test (badische-
    zeitung.de, ga.de, republik.ch), made on the text around a link to an author page. The label
    may be an element of its own ("<strong>Fotos:</strong> <a …>Jan Meyer</a>", :func:`_label_before`)."""
    before = _label_before(link)
    label = re.search(r"\b" + PICTURE_ROLES + r"\s*(?::|\bvon|\bby)?\s*$", before, re.IGNORECASE)
    after = re.match(r"\s*\([^()]{1,20}\)", link.tail or "")
    return bool(
        label
        and PICTURE_CREDIT.match(label.group() + " " + name)
        or after
        and PICTURE_CREDIT.match(name + after.group())
    )


# A story's source line, on its own under the text: "Quelle: MDR THÜRINGEN/ls" (public
# broadcasters, the desk's initials after the slash), "Quelle: kathpress" (church news portals:
# katholisch.at; domradio.de and katholisch.de with "Quelle: KNA"), "Quelle: dpa" (regional
# portals running agency copy). Only an agency or a name in capitals (a broadcaster, with the
# editor's code) counts: "Quelle: Statistisches Bundesamt" under a chart credits no author.
# "Source: dpa" on the English pages of German trade fairs, companies and institutions.
SOURCE_LINE = re.compile(
    r"(?:Quelle|Source)\s*:\s*(?P<source>[A-ZÄÖÜ]{2,}(?:[\s-][A-ZÄÖÜ]{2,}){0,2}(?:\s?/\s?[A-Za-z]{2,5})?|[\w-]{2,12})"
    # The station after the agency: "Quelle: dpa / 104.6 RTL", "Quelle: dpa/radio TOP 40" (a
    # station's name of several words after the slash); more sources after a comma:
    # "Source: dpa, GTAI".
    r"(?:\s+/\s+[\w. -]{2,30}|/(?=[^/]*\s)[\w. -]{2,30}|(?:,\s*[\w&-]{2,20}){1,3})?"
    # The editor who reworked the agency's copy after a semicolon: "Quelle: Reuters; Bearbeitung:
    # Marek Lindner" (a business portal's wire stories), no writer.
    r"(?:;\s*(?:Bearbeitung|Redaktion|Übersetzung|Bearbeitet von)\b[^;]{0,60})?"
)


# Sources listed in one line: "Source: dpa, GTAI" (the wire service and the site's own publisher,
# as investment agencies' and institutes' news credit them).
SOURCES_LISTED = re.compile(r"\s*,\s*")
# The parts of a source line or a credit's codes: its sources listed, and the services each names
# after a slash ("AWP/SDA", "dpa/lsw", "(dpa / sd)").
SOURCE_PARTS = re.compile(r"\s*[,/]\s*")


def source_credits(pieces: list[str], tree=None) -> list[str]:
    """The credits of the source lines among ``pieces`` (the page's text pieces), in page
    order: a piece that is the whole line, or the label "Quelle:" and the next piece (a link).
    Not those in the figures of ``tree``: "Quelle: dpa" under a photo credits the picture, not
    the story; nor those of other stories' cards."""
    credits = []
    captions = carded = None
    for position, piece in enumerate(pieces):
        # The label may follow the meta line's separator, the day before it in an element of its
        # own ("<span>Mo, 23.07.2012 - 22:04</span> · Quelle: <span>dpa</span>": Drupal's and
        # WordPress themes' meta lines of regional portals).
        if "Quelle" not in piece and "Source" not in piece:
            continue
        line = piece.lstrip(NAME_EDGE_SEPARATORS)
        if not line.startswith(("Quelle", "Source")):
            continue
        if captions is None:
            captions = _caption_pieces(tree) if tree is not None else Counter()
        if captions[piece] > 0:
            captions[piece] -= 1
            continue
        if line.rstrip() in ("Quelle:", "Quelle :", "Source:") and position + 1 < len(pieces):
            piece = line = "Quelle: " + pieces[position + 1]
        match = SOURCE_LINE.fullmatch(line.strip())
        credited = match and match["source"].split("/")[0].strip()
        if credited and (
            credited.isupper() or any(part.lower() in AGENCIES for part in SOURCES_LISTED.split(credited))
        ):
            if carded is None:
                # Nor another story's in a list of them ("Source: Reuters" under a related item).
                carded = _teaser_card_pieces(tree, None) if tree is not None else set()
            if piece not in carded:
                credits.append(match["source"])
    return credits


def _closes_the_story(credit: str, text: str, tree) -> bool:
    """Whether the source line crediting ``credit`` closes the story: the page's text pieces
    put it right after the story's last line, or within :data:`CLOSING_LINES` of them (not a
    fact box's or a chart's source further up)."""
    lines = text.strip().splitlines() if text else []
    if not lines:
        return False
    pieces = plain_text_pieces(tree)
    last = " ".join(lines[-1].split())
    return any(
        credit in piece and last in pieces[max(0, position - CLOSING_LINES) : position]
        for position, piece in enumerate(pieces)
    )


# How many text pieces before the closing source line the story's last line may stand in (the
# site's note between them).
CLOSING_LINES = 2


def _caption_pieces(tree) -> Counter:
    """The text pieces of the page's figures and captions that start a source line: a caption
    classed so outside a <figure> too ("pdb-article-caption-source", "image-caption")."""
    return Counter(piece for text in CAPTION_SOURCE_TEXTS(tree) if (piece := plain_text(text)))


CAPTION_SOURCE_TEXTS = lxml.etree.XPath(
    "(//figure | //*[contains(@class, 'caption')])//text()"
    "[starts-with(normalize-space(), 'Quelle') or starts-with(normalize-space(), 'Source')]"
)


# The label of a press release's contact, on its own or before the name ("Pressekontakt:
# Dr. Tim Loppe", "Ihre Ansprechpartnerin" / "Anna Schmidt"): company press releases
# (naturstrom, Stadtwerke, presseportal.de's "Pressekontakt:"), the IHKs' and the churches'
# press pages ("Ansprechpartner"), universities' releases ("Kontakt für die Medien"); also
# jugend-forscht.de, iwrpressedienst.de and bsi.bund.de, an organisation's line between. With a
# colon or alone in its piece: "Pressesprecherin Anna Schmidt sagte …" or a photo's caption
# "Pressesprecher Jan Meyer" name someone the story is about.
CONTACT_LABEL = re.compile(
    r"^(?:Ihr(?:e)?\s+)?(?:Pressekontakt|Medienkontakt|Ansprechpartner(?:in)?|Kontakt für (?:die )?"
    r"(?:Presse|Medien|Journalist(?:inn)?en)|Pressesprecher(?:in)?)(?:\s*:\s*|\s*$)"
)

# Words of every contact label. Looked for as plain substrings, a fraction of a regular
# expression's cost over a page's text.
CONTACT_WORDS = ("ressesprecher", "nsprechpartner", "ressekontakt", "edienkontakt", "ontakt für")


# "Ein Gastbeitrag von Matthias Hoven, Sprecher …" in a lead, "Gastbeitrag von
# Arbeitgeberpräsident Dr. … im Handelsblatt:" as a kicker, "Der Gastbeitrag von … ist am …
# erschienen" as a closing note: associations' and local portals' guest articles, whose byline
# shows the account that filed them (eifelon.de's lead, arbeitgeber.de's kicker and note; the
# same words in the byline itself on dev-insider.de and the business magazines). A commentary's
# "Ein Kommentar von …" in its lead or description so (16vor.de's commentaries under the site's
# account). The publisher's own credit in a lead likewise: "Ein Beitrag von …", "Ein
# Wirtschaft+Markt-Beitrag von …" (the magazine's name before it) under the desk's account.
GUEST_CONTRIBUTION = re.compile(
    r"\b(?:Gastbeitrag|Gastartikel|Gastkommentar|Kommentar|Ein\s+(?:[\w+]+-)?Beitrag)\s+(?:von|des|der)\s+"
    r"(?P<rest>[^,:;()\n]{5,90})"
)
# The heading of an author box after the story, its name first in the next line: "Über die
# Autorin" / "Dr. Miriam Kessler-Baum leitet …" (WordPress blocks and themes: hessenchemie-blog.de,
# editionf.com; ecomento.de's and apfelpage.de's boxes under a byline of their own).
AUTHOR_BOX_HEADING = re.compile(
    r"(?:Über (?:den Autor|die Autorin|die Autor(?:inn)?en)|Zum Autor|Zur Autorin|About the authors?)\s*:?",
    re.IGNORECASE,
)
# A name in such a block as the firms print it: academic and professional titles before it
# ("Dr.", "Dipl.-Ing.", "Dr.-Ing.", "StB Dipl.-Kfm.", "WP/StB"), degrees after it ("LL.M.
# (NYU)", "M.Sc."), the role after a comma ("…, Partner").
# A doctorate's faculty in lower case after it ("Prof. Dr. iur.", "Dr. rer. nat."), and a lawyer's
# "Ass. jur." (Assessor).
TITLE_BEFORE_NAME = (
    r"(?:(?:Prof|Dr|Dr\.-[\w]+|Dipl\.-[\wä]+|Mag|Ing|Ass|med|rer|nat|pol|oec|phil|jur|iur|habil|"
    + PROFESSION_ABBREVIATIONS
    + r")\.?\s+)*"
)
LISTED_AUTHOR = re.compile(
    r"(?P<name>" + TITLE_BEFORE_NAME + NAME + r")" + CREDENTIALS_AFTER_NAME + r"(?=$|\s*[,;(]|\s+[a-zäöüß])"
)
# How many text pieces after the heading the block's names may stand in (each name with its role
# and contact line).
AUTHORS_BLOCK_REACH = 12


def guest_author(tree, text: str, headline: str | None = None) -> list[str]:
    """The guest a guest article names where its byline credits only the account that filed it:
    :data:`GUEST_CONTRIBUTION` in the story, its description or the lead under the headline
    (which the story's text may leave out, set in the header as it is)."""
    description = meta_content(tree, "description", "og:description") or ""
    lead = text_near_headline(tree, headline)[0] if headline else ""
    for found in GUEST_CONTRIBUTION.finditer(text + "\n" + description + "\n" + lead):
        # Two guests: "Ein Beitrag von Herbert Lindauer und CR Gernot Aschauer" (the second with
        # the role's abbreviation before the name, "CR" for the editor-in-chief).
        guests = []
        for part in re.split(r"\s+und\s+", found["rest"].strip(), maxsplit=1):
            rest = ROLE_BEFORE_NAME.sub("", ABBREVIATED_ROLE.sub("", part))
            if (named := re.match(NAME, rest)) and _a_guest_s_name(named.group()):
                guests.append(named.group())
            else:
                break
        if guests:
            return guests
    return []


# A role's abbreviation before a name: "CR" (Chefredakteur), "stv. CR".
ABBREVIATED_ROLE = re.compile(r"^(?:stv\.\s*)?(?:CR|CvD|GF)\s+(?=" + CAPITAL + ")")


def boxed_author(tree) -> tuple[list[str], str]:
    """The name opening the line after an :data:`AUTHOR_BOX_HEADING` (the author box after the
    story), or the names of a box headed for several writers (:func:`_writers_box`), and the
    text of the box read for them."""
    pieces = plain_text_pieces(tree)
    if box := _writers_box(tree):
        return box
    for position, piece in enumerate(pieces[:-1]):
        if AUTHOR_BOX_HEADING.fullmatch(piece):
            box = pieces[position + 1 : position + 1 + AUTHORS_BLOCK_REACH]
            if listed := _listed_authors(box):
                # One name under a heading for one author ("Über die Autorin").
                named = listed if re.search(r"autor(?:inn)?en|authors", piece, re.IGNORECASE) else listed[:1]
                return named, " ".join(box)
    return [], ""


def _writers_box(tree) -> tuple[list[str], str] | None:
    """The names a box headed :data:`AUTHORS_HEADING` sets apart, in bold or in an element
    classed as a name, one in each writer's card: "<h2>Die Autoren</h2>" over cards holding
    "<strong>Dr. Lukas Wendland</strong><br>Senior Researcher, …", whose role lines are no
    names. Where the box marks some as the authors ("Prof. Dr. Katrin Vollmer (Autorin)"), the
    others are people the story is about (the client's manager in a transfer magazine's project
    report, presented in the same box): only the marked ones. Read once a page (two rules ask),
    and only where a text piece is such a heading (the plain substring tested first, a fraction
    of the expression's cost)."""
    return read_once(tree, "writers_box", _find_writers_box)


def _find_writers_box(tree) -> tuple[list[str], str] | None:
    if not any(
        ("utor" in piece or "uthor" in piece or "UTOR" in piece or "UTHOR" in piece)
        and AUTHORS_HEADING.fullmatch(piece)
        for piece in plain_text_pieces(tree)
    ):
        return None
    for heading in BOX_HEADING_ELEMENTS(tree):
        box = heading.getparent()
        if not AUTHORS_HEADING.fullmatch(text_of(heading)) or box is None:
            continue
        text = text_of(box)
        if len(text) > WRITERS_BOX_TEXT:
            # The heading stands in the story's container, not in a box of its own.
            continue
        names, marked = [], []
        for element in SET_APART_NAMES(box):
            # A name set in capitals ("EVA MARQUARDT") read as names are written.
            listed = LISTED_AUTHOR.match(DIPLOMA_SCHOOL.sub(r"\1", _in_mixed_case(text_of(element))))
            if not listed or not _a_guest_s_name(listed["name"]) or listed["name"] in names:
                continue
            names.append(listed["name"])
            if AUTHOR_MARK.search(text_of(element.getparent())):
                marked.append(listed["name"])
        if names:
            return marked or names, text
    return None


# The heading of a box presenting the story's writers, several of them: "Die Autoren", "Über die
# Autoren", "Autorinnen und Autoren", "Die Autor:innen" (research institutes' and trade magazines' boxes
# after a report: zukunftsinstitut.de, controllingportal.de, transfermagazin.steinbeis.de). Only
# a heading element's: the same word in a menu links to the site's authors' page. Not "Unsere
# Autoren" or "Weitere Autoren", the site's writers at large.
AUTHORS_HEADING = re.compile(
    r"(?:(?:Die|Über die|Zu den)\s+)?(?:Autor(?:inn)?en(?:\s+und\s+Autor(?:inn)?en)?|Autor(?::|\*|_)innen)"
    r"|About the authors",
    re.IGNORECASE,
)
# A heading element, or a box's title set in an element its class names so ("<p
# class="article__author-box-title">Die Autoren</p>": magazines' WordPress themes).
BOX_HEADING_ELEMENTS = lxml.etree.XPath(
    "//body//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
    ' or (self::p or self::div or self::span) and (contains(@class, "title") or contains(@class, "heading"))]'
)
# The most text such a box holds: cards with a role, a contact line and a few lines of biography.
WRITERS_BOX_TEXT = 1500
# The names a writers' box sets apart from their roles.
SET_APART_NAMES = lxml.etree.XPath(
    './/*[self::strong or self::b or contains(@class, "name") or contains(@class, "Name")]'
)
# The mark beside a name in such a box saying that this one wrote the story: "(Autorin)", "(Autor)".
AUTHOR_MARK = re.compile(r"\((?:Co-)?(?:Autor(?:in)?|Author)\)", re.IGNORECASE)


def _listed_authors(pieces: list[str]) -> list[str]:
    """The names opening the pieces (or their parts between semicolons) of an authors' block,
    until a piece that is prose: each name's role and contact line between them are skipped."""
    names = []
    for piece in pieces:
        if len(piece.split()) > 40 or piece.endswith(":"):
            # Prose, or the label of the next block ("Pressekontakt:").
            break
        for part in piece.split(";"):
            listed = LISTED_AUTHOR.match(part.strip())
            if listed and _a_guest_s_name(listed["name"]) and listed["name"] not in names:
                names.append(listed["name"])
        if not names or len(names) >= 2 and len(piece.split()) > 12:
            # The block opens with a name: a box whose first line names none (an agency's
            # account, "dpa") lists nobody, and the teasers after it are other stories'.
            break
    return names


def _a_guest_s_name(name: str) -> bool:
    # "Unser Autor schreibt …" opens an author box too.
    return _looks_like_a_name(name) and not NOT_A_NAME.search(name)


def press_contacts(tree) -> list[str]:
    """The people a press release names as its contact: the name after a contact label
    (:data:`CONTACT_LABEL`, in its piece or the next). Read only for a story that credits
    nobody else."""
    text = body_text(tree)
    if not any(word in text for word in CONTACT_WORDS):
        # Most pages: no contact label.
        return []
    pieces = plain_text_pieces(tree)
    found = []
    for position, piece in enumerate(pieces):
        label = CONTACT_LABEL.match(piece)
        if not label:
            continue
        rest = piece[label.end() :] or (pieces[position + 1] if position + 1 < len(pieces) else "")
        # The name, then perhaps the office or the company: "Dr. Tim Loppe, naturstrom AG".
        name = re.split(r"\s*(?:,|\s[-–|]\s)\s*", rest, maxsplit=1)[0]
        if TITLED_NAME.fullmatch(name) and _looks_like_a_name(name):
            found.append(name)
    return found


# Handles and first names are no names by their form ("Cooper", "Marianne1", "PETA-Team"); a
# byline shows them by its date: "Geschrieben von Cooper am 25.08.2015", "von Marianne1 am
# 20.09.2020", "Beitrag von r23 » 21.01.2009", "06.11.2023 13:30 von Olga".
ANY_DATE = (
    "(?:"
    + "|".join(
        re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern) for pattern in (VISIBLE_DATE, SLASHED_DATE, SHORT_YEAR_DATE)
    )
    + ")"
)

# A meta line's item that is a date alone, with its weekday and time ("19. Oktober 2019",
# "Mittwoch, 26.01.2022, 14:30 Uhr"), its label before it (tagesschau.de's "Stand:",
# katapult-magazin.de's "Veröffentlicht am", futurezone.at's "Erstellt am").
DATE_ITEM_LABEL = (
    r"(?:(?:Veröffentlicht|Erschienen|Publiziert|Aktualisiert|Erstellt|Stand|Posted)(?:\s+(?:am|on))?\s*:?\s*)?"
)

DATE_ITEM_TEXT = DATE_ITEM_LABEL + r"(?:" + WEEKDAY + r",?\s+)?" + ANY_DATE + r"(?:\s*Uhr)?"

DATE_ITEM = re.compile(DATE_ITEM_TEXT)

# A signature's date after the name: "Text: Anna Schmidt / Juni 2025", "Anna Schmidt, 12.03.2025"
# (universities' and associations' news, whose writers sign with the month).
SIGNATURE_DATE_AFTER = re.compile(r"(?<!\s)\s*[/|·•,–—-]\s*(?:" + MONTH + r"\s+(?:19|20)\d\d|" + ANY_DATE + r")\s*$")

# A meta line may go on with the count of comments: "12.05.2011 14:30 von Markus Stracke | 2
# Kommentare" (Contao's news, WordPress themes: echte-demokratie-jetzt.de,
# blog.leichtathletik-ostalbkreis.de, blog.givewell.org).
COMMENT_COUNT = r"(?:\s*[|·•]\s*\d+\s+(?:Kommentare?|Comments?))?"
POSTED_BY = re.compile(DATE_ITEM_TEXT + r"\s*(?:[|·•,–-]\s*)?(?:[Vv]on|by)\s+" + NAMES + COMMENT_COUNT)

# The separator may be a dash set with spaces: "Jan Morawietz — 14. Dezember 2009, 08:57 Uhr"
# (pottblog.de's meta line over each post).
# Or a slash: "Sabine HÖLLER / 14. März 2025" (an Austrian regional magazine's meta line). A
# meta line's items may go on after the date: "… / Podcast am Seitenende", "· 3 Min.".
NAME_THEN_DATE = re.compile(
    NAMES + r"(?:\s*[|·•]|\s+[—–/])\s*" + DATE_ITEM_TEXT + r"(?:\s*[|·•/]\s*[^|·•/]{1,40}){0,2}"
)

HANDLE = r"(?P<handle>[^\W\d_][\w.-]{1,29})"

# A CMS template's verb before "von" in a dated byline ("Geschrieben von", "Erstellt von").
HANDLE_LABEL = r"(?:Geschrieben|Erstellt|Verfasst|Eingestellt|Gepostet|Beitrag)\s+von"

HANDLE_BEFORE_DATE = r"\s+" + HANDLE + r"\s+(?:[»|·•,–-]\s*)?(?:am\s+)?(?:" + WEEKDAY + r",?\s+)?" + ANY_DATE

# A handle or first name in a dated byline next to the headline: "von Marianne1 am 20.09.2020"
# (kochbar.de), "06.11.2023 13:30 von Olga" (vipflash.de), "Geschrieben von Cooper am 25.08.2015
# 22:30" (bayrische-bembel.de's form, which that site sets under the story, out of this reach):
# a template's verb before "von" is the same byline with a longer label. The line starts a text
# piece (pieces are joined by newlines), so that "Der Vorschlag kam von Jonas am 20.09.2021" in a
# sentence is none; a date line ends with the handle.
DATED_HANDLE = re.compile(
    r"(?:^|(?<=\n))(?:"
    + HANDLE_LABEL
    + r"|[Vv]on)"
    + HANDLE_BEFORE_DATE
    + r"|"
    + ANY_DATE
    + r"\s+(?:[|·•,–-]\s*)?[Vv]on\s+"
    + HANDLE.replace("handle", "after")
    + r"(?<!\.)(?=\n|$)"
)

# Each name may carry its role in brackets: "von Ina Lorbeer (Text) und Tom Reschke (Fotos)."
# (a district magazine's lead; split_names leaves the pictures' credit out).
CREDITED_ROLE = r"(?:\s*\([^()]{2,20}\))?"
LEAD_CLOSING_CREDIT = re.compile(
    r"(?<=[.!?“\"])\s+(?:Eine?\s+(?:Bericht|Beitrag|Reportage|Film)\s+von|[Vv]on)\s+(?P<names>"
    + NAME
    + CREDITED_ROLE
    + r"(?:\s+und\s+"
    + NAME
    + CREDITED_ROLE
    + r")?)\.?$"
)

# A line that names the author and then dates the story (pieces joined by newlines).
NAME_BEFORE_DATE = re.compile(
    r"(?:^|(?<=\n))(?!(?:Geschrieben|Erstellt|Verfasst|Eingestellt|Gepostet|Beitrag|"
    r"Veröffentlicht|Aktualisiert|Publiziert)\b)"
    # The names on one line: "Impressum" / "Veröffentlicht am …" are two.
    + NAMES.replace(r"\s", r"[^\S\n]")
    + r"\s+am\s+(?:"
    + WEEKDAY
    + r",?\s+)?"
    + ANY_DATE
    + r"(?:\s*Uhr)?[ \t]*(?=\n|$)"
)

# Words in that place that name nobody (besides :data:`NOT_NAME_WORDS`).
NOT_HANDLES = {"heute", "gestern", "morgen", "gast", "anonym", "unbekannt"}


DESK_ACCOUNT = re.compile(r"(?:red|redaktion)\d+", re.IGNORECASE)


def dated_handles(pieces: list[str]) -> list[str]:
    """One-word names in the dated bylines of ``pieces`` (the text pieces next to the headline)."""
    text = "\n".join(pieces)
    handles = []
    for match in DATED_HANDLE.finditer(text):
        # DATED_HANDLE has the handle before the date or ("after") after it.
        handle = (match["handle"] or match.groupdict()["after"]).rstrip(".-")
        # Nor a placeholder or a desk's numbered account ("admin"; "red4" of a tagDiv theme's
        # "Von red4 - 18. September 2025", the desk's "red" and its number); a reader's or
        # writer's handle with a number ("kapitaen_83", "Marianne1") is theirs.
        if (
            handle.casefold() not in NOT_HANDLES | NOT_NAME_WORDS
            and not re.match(PLACEHOLDER_ACCOUNT, handle, re.IGNORECASE)
            and not DESK_ACCOUNT.fullmatch(handle)
            and handle not in handles
        ):
            handles.append(handle)
    return handles


# The labels of an imprint block: who publishes and who answers for the content. The
# "Redaktion:" line among them lists the editorial staff, not the story's authors (the
# Bundestag's "hib" notes end so: "Herausgeber: …", "Verantwortlich: …", "Redaktion: …";
# newsletters and bulletins print their masthead so under each issue).
MASTHEAD_LABEL = re.compile(r"(?:Herausgeber(?:in)?|Verantwortlich|V\.\s?i\.\s?S\.\s?d\.\s?P\.)\b", re.IGNORECASE)
MASTHEAD_REACH = 2


def _without_mastheads(pieces: list[str]) -> list[str]:
    """``pieces`` without a "Redaktion:" line that an imprint's label line precedes
    (:data:`MASTHEAD_LABEL`)."""
    return [
        piece
        for position, piece in enumerate(pieces)
        if not (
            piece.startswith("Redaktion")
            and any(MASTHEAD_LABEL.match(before) for before in pieces[max(0, position - MASTHEAD_REACH) : position])
        )
    ]


# Rules set around a line: dpa-AFX's byline "--- Von Anna Schmidt, dpa-AFX ---" (its copy on the
# finance portals: finanzen.net, onvista, ariva, comdirect, consorsbank), "+++ … +++" tickers.
DECORATION_MARKS = "-+—–"
DECORATION = re.compile(r"^(?:-{2,}|\+{2,}|—|–)\s*(?=\S)|(?<=\S)\s*(?:-{2,}|\+{2,})$")


def _bylines_in(pieces: list[str], pattern) -> list[str]:
    """Names from the text pieces that start with a byline label. A label alone in its piece
    ("Von" and then "<a>Anna Schmidt</a>") is read with the pieces that follow it."""
    bylines = []
    for position, piece in enumerate(pieces):
        if piece[:1] in DECORATION_MARKS or piece[-1:] in DECORATION_MARKS:
            piece = DECORATION.sub("", piece)
        if pattern is EXPLICIT_BYLINE and piece.isupper():
            # A credit set in capitals, label and names ("FRAGEN: PIA ALBRECHT", "TEXT: JAN
            # MEYER" in magazines' credit lines): read as written in mixed case.
            piece = piece.title()
        match = None
        # The page's every piece is read for a labelled credit: only those whose first word
        # may start a label are matched.
        if pattern is not EXPLICIT_BYLINE or _opens_like_a_label(piece):
            match = pattern.match(piece)
            if not match and len(piece.split()) <= 4:
                match = pattern.match(_with_following_names(pieces, position))
                if match and match.start(_credited(match)) < len(piece):
                    # The piece holds more than the label: its own text did not match.
                    match = None
        if not match and pattern is EXPLICIT_BYLINE and len(piece) <= CREDITS_LINE_LENGTH and ":" in piece:
            # The author's label inside a line of credits, after a bracket or a separator:
            # "Bild: Reimeyer Eis (Januar 2026, Autor: Michael Terbeck) Quelle: …" (a trade
            # magazine's old CMS), "Foto: Jan Meyer | Text: Anna Schmidt".
            match = next(
                filter(None, (pattern.match(piece, found.end()) for found in LABEL_INSIDE.finditer(piece))), None
            )
        if match:
            credit = match[_credited(match)]
            if GUEST_LABEL.search(match.string[: match.start(_credited(match))]):
                credit = AFFILIATION_AFTER.sub("", credit)
            bylines.append(_without_trailing_words(JOB_TITLE.sub("", credit)))
    return bylines


# A guest's byline names the guest and then, after a comma, the firm or body the guest speaks
# for: "Ein Gastbeitrag von Dr. Sabine Kröger-Wendt, Lichtwerk Commerce" (trade magazines'
# and regional papers' guest articles), "Gastkommentar von Anna Schmidt und Jan Meyer, IW Köln".
# Several guests listed with commas end with "und": "von Anna Schmidt, Jan Meyer und Tom Weber".
GUEST_LABEL = re.compile(r"(?i:gast(?:beitrag|kommentar|autor)|guest\s+(?:post|column|comment|author|contributor))")
AFFILIATION_AFTER = re.compile(r",(?![^,]*(?:\bund\b|\band\b|&))[^,]+$")


# The first words of :data:`EXPLICIT_BYLINE_LABEL`'s labels, case folded ("Autor…" and
# "Verfasser…" with their endings are tested by their start).
LABEL_FIRST_WORDS = {
    "authors", "author", "von", "text", "foto", "fotos", "redaktion", "bericht", "beitrag", "beiträge",
    "reporter", "reporterin", "gastbeitrag", "gastkommentar", "ein", "eine", "geschrieben", "verfasst",
    "zusammengestellt", "das", "die", "interview", "recherche", "fragen", "redakteur", "redakteurin",
    "the", "interviewed",
}  # fmt: skip


def _opens_like_a_label(piece: str) -> bool:
    first = piece.split(None, 1)[0].rstrip(":").casefold() if piece.strip() else ""
    return first in LABEL_FIRST_WORDS or first.startswith(("autor", "verfasser"))


# A line of credits: the pictures', the writer's, the source's, set in one short line.
CREDITS_LINE_LENGTH = 160
# The author's label after a bracket or a separator, or after a sentence of the line: "Dieser
# Beitrag erschien in BI Baumagazin 6/2025. Autor: …" (a magazine's note under its reprinted story).
LABEL_INSIDE = re.compile(r"[(,;|·•]\s*(?=(?:" + AUTHOR_WORD + r"|Text)\s*:)|(?<=\.)\s+(?=" + AUTHOR_WORD + r"\s*:)")


def _credited(match) -> str:
    """The group of a byline match that holds the credit: the names, or a wire service alone."""
    return "names" if match["names"] is not None else "agency"


# The words that join a byline's names when each is an element of its own ("Von" / "Lars Fischer" /
# "und" / "Alina Schadwinkel" on spektrum.de, aussengedanken.de; "By" / … / "and" on nypost.com).
CONNECTORS = {"und", "and", "&", ",", "with", "mit"}


def _with_following_names(pieces: list[str], position: int) -> str:
    """The piece at ``position`` and the names after it: the next piece, and more only while
    they are joined by "und", "&" or "," ("Von", "Lars Fischer", "und", "Alina Schadwinkel")."""
    text, joined = pieces[position], True
    for piece in pieces[position + 1 : position + 8]:
        connector = piece.casefold() in CONNECTORS
        if not (joined or connector):
            break
        text += " " + piece
        # A profession linked on its own goes on with the name ("Autor:", "Rechtsanwalt",
        # "Sebastian Einbock").
        joined = connector or JOB_TITLE.fullmatch(piece + " ") is not None
    return text


# Professions printed before a name in a byline; not part of the name (academic titles are).
JOB_TITLE = re.compile(
    r"^(?:Rechtsanw(?:alt|ältin)|Fachanw(?:alt|ältin)|Steuerberater(?:in)?|Notar(?:in)?|"
    r"Redakteur(?:in)?|Journalist(?:in)?)\s+"
)

# Capitalised words that follow a name in a byline but are no part of it (German nouns and
# sentence starts are capitalised too): "Nils Pickert Das …", "Olga Symbolbild" (vipflash.de),
# "André Borbe Redaktion Haus.de" (haus.de's author block), "Julia Deutsch Alle Artikel"
# (goodnight.at's author box).
NOT_NAME_WORDS = {
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "mit",
    "im",
    "in",
    "am",
    "auf",
    "für",
    "bei",
    "zu",
    "so",
    "es",
    "er",
    "sie",
    "wir",
    "ich",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "symbolbild",
    "redakteur",
    "redakteurin",
    "redaktion",
    "autor",
    "autorin",
    "kommentar",
    "kommentare",
    "teilen",
    "lesezeit",
    "uhr",
    "min",
    "artikel",
    "mehr",
    "alle",
    "kontakt",
    "profil",
    "folgen",
}


# An interview's byline names guest and host: "Richard David Precht im Gespräch mit Karin
# Fischer" (Deutschlandfunk, Deutschlandfunk Kultur, SWR2, BR24 and WDR 5 print it under their
# interviews; magazines "im Interview mit"). Both are credited, as "A und B" would be.
INTERVIEW_BYLINE = re.compile(r"(?<!\s)\s+(?:im Gespräch mit|im Interview mit|in conversation with)\s+", re.IGNORECASE)


# A job printed after a full name when an author box's lines run together ("Dr.-Ing. Felix
# Hartung Leiter Prozessentwicklung, …"; "Anna Schmidt Geschäftsführerin"): it ends the name
# after two words at least, as "Leiter" and "Partner" are surnames too ("Anna Leiter").
JOB_WORDS = {
    "leiter",
    "leiterin",
    "geschäftsführer",
    "geschäftsführerin",
    "inhaber",
    "inhaberin",
    "gründer",
    "gründerin",
    "partner",
    "partnerin",
    "vorstand",
    "vorsitzender",
    "vorsitzende",
    # An association's or a chamber's desk officer: "Miriam Oduya, Referentin Ostafrika" (the
    # business associations' and chambers' news signed by their staff).
    "referent",
    "referentin",
}


def _without_trailing_words(byline: str) -> str:
    words = INTERVIEW_BYLINE.sub(" und ", byline).split()
    for position, word in enumerate(words[1:], start=1):
        folded = word.strip(".,:;").lower()
        if (
            folded in NOT_NAME_WORDS
            and not _in_a_particle(words, position)
            # "mit" joining a co-author or the agency goes on with the byline ("… mit dpa").
            and not (folded == "mit" and JOINING_MIT.match(" ".join(words[position:])))
        ):
            return " ".join(words[:position])
        if folded in JOB_WORDS and position >= 2 and all(w[:1].isupper() for w in words[position - 2 : position]):
            rest = words[position + 1 :]
            if rest and rest[0].lower() in {"und", "and", "&"}:
                # The job between two names: "Andreas Köhler, Partner, und Dr. Miriam Stahl".
                return _without_trailing_words(" ".join(words[:position] + rest))
            return " ".join(words[:position])
    return byline


def _in_a_particle(words: list[str], position: int) -> bool:
    """Whether ``words[position]`` is inside a name: the second word of a particle ("Ursula von
    der Leyen", "Jan van den Berg"), or "zu" between the capitalised words of a name
    ("Carolin Meyer zu Hartum", Westphalia's farm names; "Karl zu Guttenberg")."""
    return (
        0 < position < len(words) - 1
        and words[position + 1][:1].isupper()
        and (
            words[position - 1].lower() in ("von", "van")
            and words[position].lower() in ("der", "den")
            or words[position].lower() in ("zu", "zur")
            and words[position - 1][:1].isupper()
            and not words[position - 1].endswith((",", ";"))
            # Not a saying that names a thing twice: "von Fall zu Fall", "von Tag zu Tag".
            and words[position + 1].lower() != words[position - 1].lower()
        )
    )


def _looks_like_a_name(name: str) -> bool:
    """A person's name or an agency as a byline prints it: capitalised words, no label, no
    organisation and no common noun."""
    # "Prof. Dr. med. Katharina Dörnemann": the title's faculty is in lower case.
    words = [word for word in name.split() if not DOCTORATE_WORD.fullmatch(word)]
    acronym = re.fullmatch(INITIALS, name) is not None
    return (
        name.lower() in AGENCIES
        or acronym
        # A label's colon is no name's: "Report: Anja Lorenz" whose label no rule knows.
        or ":" not in name
        and 1 < len(words) <= 5
        and all(word[0].isupper() or word.lower() in NAME_PARTICLES for word in words)
        and not any(
            word.lower() in NOT_NAME_WORDS and not _in_a_particle(words, position)
            for position, word in enumerate(words)
        )
        and _not_a_person(name) is None
    )


# A byline's part that says what the person is, not who ("Tom Krisher, AP Auto Writer", "Paul
# Takahashi, Staff writer", "Chris Cillizza, CNN Editor-at-large": the AP's and Hearst's papers,
# cnn.com; "Anna Schmidt, Wirtschaftsredakteurin", "Korrespondent in Brüssel", "freie Autorin"):
# filed as a desk, credited only when nobody is named. A word ending so is no name, German
# compounds included. A staff credit ("HNN Staff", "IGN Staff") is the credit some stories
# carry alone, as a person's would be.
ROLE = re.compile(
    r"(?:writer|editor|editor-at-large|correspondent|reporter|columnist|contributor|critic|"
    r"redakteur|redakteurin|korrespondent|korrespondentin|reporterin|autor|autorin|kolumnist|kolumnistin|"
    r"volontär|volontärin|journalist|journalistin|geschäftsführer|geschäftsführerin|"
    # The banks' and institutes' research staff, as their commentaries are signed ("Dr. Anna
    # Schmidt, Senior Economist", "Chefvolkswirtin", "Analyst"; private banks, asset managers).
    r"economist|analyst|strategist|ökonom|ökonomin|\w*volkswirt|\w*volkswirtin"
    # A company's job as its experts sign their trade articles and guest posts ("Dipl.-Ing. Jan
    # Meyer, Produktmanager Fenstersysteme", "Anna Schmidt, Projektleiterin Digitalisierung"):
    # the compounds alone, a word of three letters at least before the job ("Leiter" and "Berater"
    # stand as surnames too).
    r"|(?<=[a-zäöüß]{3})(?:manager|managerin|leiter|leiterin|referent|referentin|berater|beraterin|"
    r"ingenieur|ingenieurin)"
    # An office held in an organisation named before it, as columns by a chamber's or an
    # association's head are signed ("Von IHK-Präsident Dr. Armin Seelbach", "Kammerpräsidentin",
    # "Verbandsvorsitzender"): the compounds alone ("Präsident" alone may be a name's part).
    r"|(?:(?<=[a-zäöüß]{3})|(?<=-))(?:präsident|präsidentin|vorsitzender|vorsitzende|direktor|direktorin)"
    # A public office, as officeholders' guest commentaries and columns are signed ("Ein
    # Gastkommentar von Finanzminister Markus Pöltl", "Von Oberbürgermeister Stephan Keller",
    # "Staatssekretärin …"; ministries', city halls' and parties' pages, regional papers' guest
    # columns): the ministers' compounds too ("Bundesministerin", "Wirtschaftsminister"). None
    # is a surname.
    r"|minister|ministerin|bürgermeister|bürgermeisterin|staatssekretär|staatssekretärin|landrat|landrätin"
    # The liberal professions as law firms, associations and trade magazines sign their experts'
    # articles ("Rechtsanwältin Dr. Katharina Venzke", "RA Jan Meyer", "StB Anna Schmidt"; bevh.org,
    # the chambers' and tax advisers' newsletters), written out or abbreviated as in the register.
    r"|\brechtsanw[aä]lt(?:in)?|\bsteuerberater(?:in)?|\bwirtschaftsprüfer(?:in)?|\bnotar(?:in)?"
    r"|(?-i:\b" + PROFESSION_ABBREVIATIONS + r"(?=\s)))\b",
    re.IGNORECASE,
)
# The same word before a name is the person's title in the byline, not part of the name: a guard
# like JOB_TITLE's. "Von unserer Korrespondentin Anna Schmidt", print bylines carried online;
# "Gastautorin Anna Schmidt" (guest posts on blogs and trade magazines); focus.de's "Von Gastautor
# Gabor Steingart", "Von FOCUS-online-Redakteur Volker Tietz".
ROLE_BEFORE_NAME = re.compile(r"^[\w-]*(?i:" + ROLE.pattern + r")\s+(?=" + CAPITAL + r"[\w'’.-]*\s+" + CAPITAL + ")")
# What a byline adds after a name, set off by a comma, to qualify that person: no one else is
# credited by it. A degree or credential (:data:`CREDENTIALS`). Or the person's own initials
# (:func:`_initials_of`): "Tina Klostermeier, TK" (womenshealth.de), the sign German papers
# print as "(tk)" under a story.
CREDENTIAL = re.compile(CREDENTIALS)


# A single word in capitals credited beside people is the station or newsroom they write for,
# no one's name ("Von Anna Schmidt, WDR": tagesschau.de credits the ARD's stations so, NDR, WDR,
# BR, SWR; "Jan Meyer, CNN" on cnn.com; "Eva Roth, ORF" on orf.at). Credited alone, it stays.
ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,5}")
# A station's name in capitals with its region: "MDR SACHSEN-ANHALT", "NDR 1 NIEDERSACHSEN".
STATION = re.compile(r"[A-ZÄÖÜ]{2,5}(?:\s+(?:\d|[A-ZÄÖÜ][A-ZÄÖÜ-]+)){1,2}")


def _in_mixed_case_already(name: str) -> bool:
    return name != name.upper() and name != name.lower()


# German articles only: "The Huffington Post" beside "dpa" is credited whole where nobody else is.
PUBLICATION_ARTICLES = {"Der", "Die", "Das", "DER", "DIE", "DAS"}
# The words a newspaper's title ends in (:func:`_not_a_person`).
PUBLICATION_NOUN = re.compile(
    r"(?:nachrichten|zeitung|anzeiger|rundschau|kurier|allgemeine|\w{3,}blatt)$", re.IGNORECASE
)


def _a_label(text: str) -> bool:
    """Whether ``text`` is one of :data:`LABEL_PHRASES`, its case and punctuation aside, or the
    heading of a box presenting the writers ("Die Autoren", :data:`AUTHORS_HEADING`)."""
    return " ".join(words_of(text)) in LABEL_PHRASES or AUTHORS_HEADING.fullmatch(text.strip()) is not None


def _not_a_person(name: str, common: set[str] = frozenset()) -> str | None:
    """Why a credited name is nobody: ``"organisation"`` (a desk), ``"phrase"`` (a label or
    common nouns: dropped), else ``None``.

    ``common`` holds the words the page writes in lower case: a name whose first word is one
    of them is a brand or a phrase, no person ("Daheim Solar", "Unsere Partner": "daheim" and
    "unsere" stand in the page's sentences too), as German capitalises nouns and names, not
    adjectives and adverbs; it counts as a desk.
    """
    words = name.split()
    if CREDENTIAL.fullmatch(name):
        return "phrase"
    if (ORGANISATION.search(name) and not _surname_after_first_name(words)) or ROLE.search(name):
        return "organisation"
    if "&" in name:
        # Kept whole, a name with its "&" is a firm's (:data:`ENDS_WITH_AN_AMPERSAND_WORD`) or a
        # site's: people joined so are two names.
        return "organisation"
    if len(words) > 1 and PUBLICATION_NOUN.search(words[-1]):
        # A newspaper's title ("Cuxhavener Nachrichten" as the JSON-LD author of its publisher's
        # portal, "Hannoversche Allgemeine", "Kölner Stadt-Anzeiger", "Schwäbisches Tagblatt"):
        # German surnames end in none of these words.
        return "organisation"
    if (
        len(words) > 1
        and ABBREVIATION_FIRST.fullmatch(words[0])
        and words[0] not in TITLES_IN_CAPITALS
        and not re.fullmatch(PROFESSION_ABBREVIATIONS, words[0])
        and any(word[:1].isupper() and word[1:2].islower() for word in words[1:])
    ):
        # A body's abbreviation before a place or a name in mixed case: "LK Niederösterreich",
        # "WKO Tirol", "DGB Bayern" after a writer's name in the byline (the chambers' and
        # associations' experts writing for trade media): no first name is written in capitals.
        return "organisation"
    if len(words) > 1 and words[0] in PUBLICATION_ARTICLES:
        # A publication's name with its article ("Der neue Tag" as the meta author of
        # oberpfalznetz.de, "Die Glocke"): no person's name starts so.
        return "organisation"
    if _a_label(name) or any(COMMON_NOUN.match(word) and len(word) >= 8 for word in words):
        return "phrase"
    if len(words) > 1 and words[-1].lower() in {"von", "by"}:
        # A label whose name was a handle the split dropped ("Geteilt von", "Shared by"): a
        # name goes on after its particle.
        return "phrase"
    if sum(word[:1].islower() and word.lower() not in NAME_PARTICLES for word in words) >= 3:
        # A sentence run on after a name or handle ("rmb8090 Siamo un memorabilia del meglio"):
        # a name holds no more than particles in lower case.
        return "phrase"
    if len(words) > 1 and words[0].lower() in common and words[0].lower() not in NAME_PARTICLES:
        # A brand or a phrase ("Daheim Solar", "Unsere Partner"): credited only when nobody is.
        return "organisation"
    return None


# An abbreviation in capitals opening a name, and the titles written so before a person's name
# (Austria's "DI", Diplom-Ingenieur; "MMag", "DDr").
ABBREVIATION_FIRST = re.compile(r"[A-ZÄÖÜ]{2,5}")
TITLES_IN_CAPITALS = {"DI", "DDI", "DR", "PROF", "MAG", "ING"}


# Words of organisations' names that are German surnames too ("Tobias Kammer", "Christian
# Kreis", "Julia Bund"; sueddeutsche.de's author "Kerstin Bund"): after a first name they name a
# person; after an adjective, a district or a federation ("Märkischer Kreis", "Oberbergischer
# Kreis", "Deutscher Bund"; dtb-tennis.de's meta author "Deutscher Tennis Bund").
SURNAME_WORDS = {"kammer", "kreis", "bund"}


def _surname_after_first_name(words: list[str]) -> bool:
    """Whether a credit of two or three words ends in :data:`SURNAME_WORDS` after capitalised
    words that are no adjective and no organisation's: a person's name."""
    return (
        2 <= len(words) <= 3
        and words[-1].lower() in SURNAME_WORDS
        and all(word[:1].isupper() and not word.lower().endswith("scher") for word in words[:-1])
        and not ORGANISATION.search(" ".join(words[:-1]))
    )


def _before_common_noun(name: str) -> str:
    """A name run on into a caption or label ("Christian Seiler Illustration von Markus"):
    the words before the first common noun (organisations keep theirs)."""
    words = name.split()
    cut = next((i for i, word in enumerate(words) if COMMON_NOUN.match(word) and len(word) >= 8), 0)
    if cut >= 2 and not (ORGANISATION.search(name) or DESK_WORDS.search(name)):
        return " ".join(words[:cut])
    return name


class LowercaseWords:
    """The words the page's visible text writes in lower case (:func:`_lowercase_words`), as a
    set read only with ``in``: collected on the first question, which most pages never ask (it
    comes after a credited name's other tests)."""

    def __init__(self, tree):
        self.tree = tree
        self.words = None

    def __contains__(self, word) -> bool:
        if self.words is None:
            text = body_text(self.tree)
            # A word the text does not hold anywhere is none of its words: most questions are
            # answered without collecting them.
            if word not in text:
                return False
            self.words = _lowercase_words(text)
        return word in self.words


def _lowercase_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case (no addresses or handles: letters only)."""
    # Each distinct word once: a page repeats most of its words.
    words = (word.strip(",;:!?\"'()[]„“”»«") for word in set(text.split()))
    return {word for word in words if word.isalpha() and word.islower()}


def _introduced(tree, name: str) -> list[str]:
    """For a CMS handle ("jreckfort"), the full names made of it that the page writes: an
    author box's biography, "Jana Reckfort schreibt für …" under WordPress themes' "Über
    jreckfort", whose box is marked by its id only."""
    if len(name.split()) != 1 or not name.islower():
        return []
    # WordPress sites credit the login so ("caschy" on stadt-bremerhaven.de, the hypotheses.org
    # blogs); al.com's pages printed "Cdedman" beside Christie Dedman.
    return [
        match[0]
        for piece in plain_text_pieces(tree)
        for match in FULL_NAME.finditer(piece)
        if _abbreviates(name, match[0]) and _looks_like_a_name(match[0])
    ]


# A first name and a surname as a biography writes them.
FULL_NAME = re.compile(CAPITAL + r"[\w'’-]+\s+" + CAPITAL + r"[\w'’-]+")


def _abbreviates(handle: str, name: str) -> bool:
    """Whether a lower-case ``handle`` is made of ``name`` as CMS accounts are: initial and
    surname ("jreckfort"), first name and surname ("jana.reckfort", "janareckfort")."""
    words = [text_key(word) for word in name.split()]
    if len(words) < 2 or not all(words):
        return False
    first, last = words[0], words[-1]
    return text_key(handle) in {first[0] + last, first + last, last + first[0], first + "_" + last}


def _fuller_name(name: str, shown: list[str]) -> str:
    """``name`` as the byline prints it when the metadata has a handle or first name only
    ("christian.stadtfeld" → "Christian P. Stadtfeld", "Nils" → "Nils Pickert")."""
    words = words_of(name)
    # A full name is kept; an initial or a handle's dot asks for the fuller one ("A. Schmidt",
    # "christian.stadtfeld"), a title's does not ("Dipl.-Ing. Bernd Achterberg": no job after it
    # in an author box's line, "… Freier Fachjournalist", is part of the name).
    untitled = LEADING_TITLES.sub("", name)
    if (
        len(words) > 1
        and name != name.lower()
        and "." not in untitled.replace(". ", "")
        and not re.match(CAPITAL + r"\.\s", untitled)
    ):
        return name
    candidates = [candidate for value in shown for candidate in split_names(value)]
    if len(name.split()) == 1 and name.islower():
        # A handle made of the name ("jreckfort"), before any longer credit that holds it: the
        # meta authors "christian.stadtfeld" (osthessen-news.de, signed "(Christian P. Stadtfeld)"),
        # "arianschlichenmayer" (baumeister.de, printed "Arian Schlichenmayer") and "vpohl"
        # (reisen-mit-dem-internet.de, "© 2004 - 2020 Volker Pohl" in the footer, found by
        # :func:`_introduced`).
        for candidate in candidates:
            if _abbreviates(name, candidate):
                return candidate
    for candidate in candidates:
        candidate_words = words_of(candidate)
        if (
            len(candidate_words) > len(words)
            and set(words) <= set(candidate_words)
            or (len(words) == 1 and text_key(candidate) == words[0] and len(candidate_words) > 1)
            or _shortened_to_initials(words, candidate_words)
        ):
            return candidate
    return name


def _shortened_to_initials(words: list[str], written_out: list[str]) -> bool:
    """Whether ``words`` are the words of a name ``written_out`` with some first names as
    initials only: "R. Timmermann" of "Ralf Timmermann" (WordPress's display name in the
    metadata and the author box, the name written out in the byline's link)."""
    return (
        len(words) == len(written_out)
        and any(len(word) == 1 and len(full) > 1 for word, full in zip(words, written_out))
        and all(word == full or (len(word) == 1 and full.startswith(word)) for word, full in zip(words, written_out))
    )


def _sort_names(candidates, sites, names, agencies, desks, common: set[str] = frozenset()) -> None:
    """File each credited name under people, agencies or desks (site names and organisations
    count as desks); labels and common-noun phrases (:func:`_not_a_person`) are nobody's."""
    known = {_person_key(name) for name in names + agencies + desks}
    with_an_agency = bool(agencies) or any(AGENCIES.get(name.lower()) for name in candidates)
    for name in candidates:
        name = _before_common_noun(name)
        key = _person_key(name)
        if key in known or _initials_of(name, names):
            continue
        known.add(key)
        agency = AGENCIES.get(name.lower()) or _agency_with_its_service(name)
        kind = None if agency else _not_a_person(name, common)
        if agency:
            if agency not in agencies:
                agencies.append(agency)
        elif DESK_WORDS.search(name) or EDITORIAL_DESK.search(name) or _is_site(name, sites) or kind == "organisation":
            # A part of a desk credited already is that desk ("Presse" and "Kommunikationsamt"
            # where trafilatura split "Presse- und Kommunikationsamt" at its "und").
            if not any(set(words_of(name)) <= set(words_of(desk)) for desk in desks):
                desks.append(name)
        elif with_an_agency and (SERVICE_CODE.fullmatch(name) or NEWSROOM_CODE.fullmatch(name)):
            # Beside a wire service, a code alone is its regional service's or the editor's
            # ("dpa" and "lsw" of "dpa/lsw", "red" of "red/dpa"), no one's name; a code in
            # capitals is the newsroom's that ran the copy: "RND/dpa" (the Madsack papers' JSON-LD
            # author), "AZ/dpa", "KStA/dpa".
            desks.append(name)
        elif kind is None:
            names.append(name)


# After a wire service, its regional service's or the editor's code: "dpa/lsw" (dpa's south-west
# service, as SWR and Süddeutsche credit agency copy: "Quelle: dpa/lsw"), "dpa/lno" (WELT),
# "dpa/lnw", "AFP/red", "red/dpa" (wdr.de); "APA/Red", the same desk's code capitalised.
SERVICE_CODE = re.compile(r"[a-z]{2,5}|Red")
# A newsroom's code in capitals beside the agency: "RND", "AZ", "KStA".
NEWSROOM_CODE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜa-z]{0,3}[A-ZÄÖÜ]")


def _agency_with_its_service(name: str) -> str | None:
    """The wire service of a credit written with its service's or a newsroom's code after a slash
    ("dpa/lsw", "dpa/RND"), or with its name written out after a dash ("AFP - Agence France
    Presse", as Dow Jones's sites credit AFP's copy), else ``None``."""
    named = {AGENCIES.get(part.lower()) for part in re.split(r"\s+[-–]\s+", name)}
    if len(named) == 1 and None not in named and re.search(r"\s[-–]\s", name):
        return named.pop()
    codes = re.split(r"\s*/\s*", name)
    if len(codes) < 2 or not all(
        SERVICE_CODE.fullmatch(code) or (NEWSROOM_CODE.fullmatch(code) and code.lower() not in AGENCIES)
        for code in codes[1:]
    ):
        return None
    return AGENCIES.get(codes[0].lower())


# One person or desk credited twice, spelled two ways, is credited once (the first spelling
# kept): the text key ignores case and punctuation ("Greentech.LIVE Redaktion" and "Greentech
# LIVE Redaktion" on techfieber.de, "wegewerk GmbH" and "Wegewerk Gmbh" on zdh.de and zfk.de,
# "stylegart" and "Stylegart" on stylegart.de), and a middle initial that one credit prints and
# another leaves out: "Troy L. Smith" in the JSON-LD, "Troy Smith" in the meta author
# (cleveland.com; forbes.com prints "Bruce Y. Lee" and "Bruce Lee"). Nor does the order of the
# words: a desk's byline "Redaktion finanzen.net" is the markup's "finanzen.net Redaktion".
MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+" + CAPITAL + r"\.(?=\s+\w)")


def _name_lines(tree, names: list[str]) -> list[list[str]]:
    """The story's lines that are names alone, two or more, among them all of ``names``: a
    byline without a label ("LENA HARTUNG, JONAS PRIEBE" set in bold over a newsletter's text).
    Not other stories' cards' lines."""
    keys = {_untitled_key(name) for name in names}
    # Each name's last word, looked for first: most lines hold none of them.
    surnames = [name.split()[-1].casefold() for name in names if name.split()]
    lines = []
    pieces = plain_text_pieces(tree)
    for position, piece in enumerate(pieces):
        if (
            len(piece) > NAME_LINE_LENGTH
            or not all(surname in piece.casefold() for surname in surnames)
            or not NAME_LINE_SEPARATOR.search(piece)
            or any(character.isdigit() for character in piece)
            or not _capitalised_words_only(piece)
        ):
            continue
        parts = split_names(piece)
        if (
            len(parts) > len(names)
            # Nothing on the line but the names: no day, no place, no label.
            and text_key(NAME_LINE_SEPARATOR.sub(" ", piece)) == text_key(" ".join(parts))
            and all(map(_looks_like_a_name, parts))
            and keys <= set(map(_untitled_key, parts))
            and not (position and OTHER_ROLE_LABEL.fullmatch(pieces[position - 1]))
        ):
            lines.append(parts)
    if lines and (carded := _teaser_card_pieces(tree, None)):
        lines = [parts for parts in lines if not any(part in piece for piece in carded for part in parts)]
    return lines


# The label of a role other than the text's, on its own before the names it credits: a data
# story's credits box ("<dt>Datenerhebung</dt><dd>…</dd>", "<span>Datenanalyse:</span> …",
# "Kartografie und Grafik:", "Entwicklung:"), where the writers are among the data team; and
# the pictures' roles (:data:`PICTURE_ROLES`).
OTHER_ROLE = (
    r"(?:" + PICTURE_ROLES + r"|daten\w*|kartografie|karten|programmierung|entwicklung|design|schnitt|layout"
    r"|produktion|projektleitung|konzept|umsetzung|mitarbeit)"
)
OTHER_ROLE_LABEL = re.compile(OTHER_ROLE + r"(?:\s*(?:,|und|&|/)\s*" + OTHER_ROLE + r")*\s*:?", re.IGNORECASE)


def _capitalised_words_only(line: str) -> bool:
    """Whether every word of ``line`` is capitalised, but for the words joining names and the
    names' particles: a first test for a line of names, made without an expression."""
    return all(
        word[:1].isupper() or word in NAME_LINE_JOINERS or word in NAME_PARTICLES
        for word in line.replace(",", " ").split()
    )


NAME_LINE_JOINERS = {"und", "and", "&", "UND"}
# A line of names alone: at most this long, its names joined by a comma, "und" or "&".
NAME_LINE_LENGTH = 120
NAME_LINE_SEPARATOR = re.compile(r",|\bund\b|\bUND\b|&|\band\b")


LEADING_TITLES = re.compile("^" + TITLE_BEFORE_NAME)


def _untitled_key(name: str) -> str:
    """The text key of a name without the academic and professional titles before it (in
    capitals too: "DR. LUKAS WENDLAND" is "Dr. Lukas Wendland")."""
    return text_key(LEADING_TITLES.sub("", _in_mixed_case(name)))


@functools.lru_cache(maxsize=4096)
def _person_key(name: str) -> str:
    """The text key of a credited name, a middle initial and the titles before it left out (see
    :data:`MIDDLE_INITIAL`; "Dr. Tanja Feldhaus-Remmert" in the JSON-LD is the meta author "Tanja
    Feldhaus-Remmert"), its words in alphabetical order."""
    untitled = LEADING_TITLES.sub("", name) or name
    return "".join(sorted(NOT_WORD.split(MIDDLE_INITIAL.sub("", untitled).casefold())))


def _initials_of(name: str, names: list[str]) -> bool:
    """Whether ``name`` is the initials of a person credited already, which qualify that person
    (see :data:`CREDENTIAL`)."""
    if not (2 <= len(name) <= 4 and name.isupper() and name.isalpha()):
        return False
    return any("".join(word[0] for word in other.split() if word[0].isupper()) == name for other in names)


def _in_mixed_case(name: str) -> str:
    """A name the byline prints in capitals, written as names are: "TOM KRISHER" (the AP's
    stories on ctpost.com, sfgate.com, timesunion.com), "MORITZ GATHMANN" (cicero.de), "SVEN
    MICHAELSEN" (iconmagazine.de) become "Tom Krisher", …, so that one person credited in
    capitals on one page and in mixed case on another is one author. A single word in capitals
    is an abbreviation ("BDZV", "PTI") and stays."""
    words = name.split()
    if len(words) < 2 or not name.isupper():
        return name
    written = [
        word.lower() if position and word.lower() in NAME_PARTICLES else word.title()
        for position, word in enumerate(words)
    ]
    if len(words) > 2 and ROMAN_NUMERAL.fullmatch(words[-1]):
        written[-1] = words[-1]  # a generation: "Henry Ford II"
    return " ".join(written)


ROMAN_NUMERAL = re.compile(r"[IVX]+")


def _is_site(name: str, sites: set[str]) -> bool:
    """Whether a credited name is the site's: its name, the start of its host ("LAOLA" on
    laola1.at, cut at the digit by the byline's end rules) or its initials ("LN")."""
    key = text_key(name)
    # "LN" on "LN-Online", "RT" on rt.com (its JSON-LD author), "CNN" on cnn.com and "NPR" on npr.org
    # (their unsigned stories' author): a publication credited by its initials.
    initials = len(key) <= 3 and name.isupper() and any(site.startswith(key) for site in sites)
    # A site name of three letters with the word that makes it a publication's: "WAZ Online" on
    # waz.de, "ntv Nachrichten" on n-tv.de, "WDR Nachrichten" on wdr.de, "MDR Aktuell" on mdr.de
    # (longer names are found inside the credit already), a hyphenated one too, the same rule
    # on its words: "n-tv NACHRICHTEN" (the meta author of ntv.de's agency copy).
    words = words_of(name)
    branded = len(words) >= 2 and words[-1] in MEDIA_WORDS and "".join(words[:-1]) in sites
    # One word ending the site's name, its place before it left off: "Stadtteilliebe" (the
    # WordPress account of "Kölner Stadtteilliebe"), as city magazines and local portals name the
    # account that files their stories.
    tail = len(words) == 1 and len(key) > 5 and any(site.endswith(key) and site != key for site in sites)
    return (
        initials
        or branded
        or tail
        or any(
            key in sites
            or any(len(site) > 3 and (site in key or len(key) > 3 and site.startswith(key)) for site in sites)
            # The host spells the name's umlauts out: "GSCHWÄTZ" on gschwaetz.de, "Süddeutsche
            # Zeitung" on sueddeutsche.de, "Mühlacker Tagblatt" on muehlacker-tagblatt.de.
            for key in {key, key.translate(UMLAUT_SPELLINGS)}
        )
    )


# Words that make a site's name a publication's ("… Nachrichten", "… Online", "… Redaktion").
# Its sections' names too: "CNN Business" (cnn.com), "WAZ Wirtschaft", "BILD Politik".
MEDIA_WORDS = {
    "nachrichten",
    "online",
    "news",
    "redaktion",
    "digital",
    "aktuell",
    "magazin",
    "zeitung",
    "plus",
    "business",
    "politics",
    "sport",
    "sports",
    "tech",
    "wirtschaft",
    "politik",
    "kultur",
    "panorama",
}


# The agency first, then the reporter: "dpa/Anna Schmidt" (agency copy a reporter added to).
AGENCY_BEFORE_NAME = re.compile(
    r"^(?P<agency>" + AGENCY_CREDIT + r")\s*/\s*(?=" + CAPITAL + r"[\w'’.-]*\s+" + CAPITAL + ")"
)
AGENCY_AFTER_NAME = re.compile(
    r"(?<=\w)\s*(?:\(\s*|/\s*)(?P<agency>" + AGENCY_CREDIT + r")(?:\s*\))?(?=\s*(?:[,;&]|\bund\b|\band\b|$))"
    # An agency's written-out name needs no bracket to end a name: "Tom Davies Associated Press"
    # (detroitnews.com; "The Associated Press" alone on ctvnews.ca, timesunion.com, sportsnet.ca).
    r"|(?<=\w)(?<!\b[Tt]he)\s+(?P<written>(?i:"
    + "|".join(sorted((re.escape(name) for name in AGENCIES if " " in name), key=len, reverse=True))
    + r"))\s*(?=[,;]|$)"
)


# What a credit adds in brackets after the name, once the agencies are read: the author's sign
# ("Anna Schmidt (as)", as German papers print it under a story), a role ("Jan Meyer (Fotos)";
# channelpartner.de's "Olaf Kempin (Autor)", republik.ch's "Timo Kollbrunner (Text) und Lina
# Müller (Illustration)"), a place (focus.de's "Gabor Steingart (Berlin)").
BRACKETED_AFTER_NAME = re.compile(r"(?<=\w)\s*\([^()]{1,20}\)\s*$")
BRACKETED = re.compile(r"\([^()]*\)")
# One picture role or several: "Fotos", "Fotos und Grafik".
PICTURE_ROLE_LIST = PICTURE_ROLES + r"(?:\s*(?:,|&|\+|und|and)\s*" + PICTURE_ROLES + r")*"
# The same in brackets after a name: "Jan Meyer (Fotos)".
BRACKETED_PICTURE_ROLES = r"\(\s*" + PICTURE_ROLE_LIST + r"\s*\)"
# The pictures' credit after the words' on one line: "Text: Anna Schmidt / Foto: Jan Meyer", "Text:
# Anna Schmidt – Fotos: Jan Meyer", "Ein Beitrag von Anna Schmidt. Kamera: Jan Meyer" (regional
# TV's credits).
# (A match starts where a run of spaces does, so that a long run is not read again from each of
# its spaces.)
PICTURE_CREDIT_AFTER = re.compile(
    r"(?<!\s)(?:\s*[,/|·•.]|\s+[–—-])\s*" + PICTURE_ROLE_LIST + r"\s*:\s*\S.*$", re.IGNORECASE
)
ROLE_AFTER_A_FULL_STOP = re.compile(r"\.\s+" + PICTURE_ROLE_LIST + r"\s*:?$", re.IGNORECASE)
PICTURE_CREDIT = re.compile(
    r"^" + PICTURE_ROLE_LIST + r"(?:\s*(?::|\bvon\b|\bby\b)\s*\S.*|\s*$)|.*" + BRACKETED_PICTURE_ROLES + r"\s*$",
    re.IGNORECASE,
)

# A name with its picture role in brackets after it, in a byline: "Lars Hüwe (Fotos)".
# The name as written (capitals where names have them), the role in any case.
NAME_WITH_PICTURE_ROLE = re.compile(r"(?P<name>" + NAME + r")\s*(?i:" + BRACKETED_PICTURE_ROLES + r")")


# A name credited for a picture, graphic or video in a caption or credit line: "Grafik: Jannik
# Bauer, DASDING", "Foto: Anna Schmidt/dpa".
NAME_AFTER_PICTURE_ROLE = re.compile(r"(?i:\b" + PICTURE_ROLE_LIST + r")\s*:\s*(?P<name>" + NAME + ")")


def _picture_credits(tree, bylines: list[str]) -> set[str]:
    """The text keys of the names the page credits for a picture and that no byline names."""
    # A picture's role and its colon, looked for first: most pages print none.
    if not any(PICTURES_CREDIT_START.search(piece) for piece in plain_text_pieces(tree)):
        return set()
    in_bylines = {text_key(name) for value in bylines for name in split_names(value)}
    return {
        key
        for piece in plain_text_pieces(tree)
        for found in NAME_AFTER_PICTURE_ROLE.finditer(piece)
        if (key := text_key(found["name"])) not in in_bylines
    }


# A translator's credit in the page's text: "translated (and adapted) into English by …",
# "aus dem Englischen übersetzt von …", "Übersetzung: …".
TRANSLATED_BY = re.compile(
    r"(?i:translated(?:\s+and\s+adapted)?(?:\s+(?:into|from)\s+\w+)?\s+by|übersetzt\s+(?:von|durch)|"
    # The label without its colon before the name: a credits list's "<dt>Übersetzung</dt>
    # <dd>Jana Lindner</dd>" (dekoder.org's); the editor who reworked the copy: "[Bearbeitet von
    # Tomasz Wierzbicki]" under a story whose JSON-LD lists him beside the writer (euractiv.de).
    r"übersetzung\s*:?|bearbeitet\s+von|redigiert\s+von)\s+(?P<name>"
    + CAPITAL
    + r"[\w'’-]+(?:\s+(?:(?:von|van|de|der)\s+)?"
    + CAPITAL
    + r"[\w'’-]+){1,2})"
)


def _translators_and_editors(tree) -> set[str]:
    """The text keys of the names the page's text credits for a translation or for editing the
    writer's copy."""
    text = body_text(tree)
    if "bersetz" not in text and "ranslat" not in text and "earbeitet von" not in text and "edigiert von" not in text:
        return set()
    # The name's words may run on into the next label of a credits list ("Jana Lindner
    # Bildredaktion"): its first two words are the name too.
    return {
        text_key(name)
        for found in TRANSLATED_BY.finditer(text)
        for name in (found["name"], " ".join(found["name"].split()[:2]))
    }


def _pictured(bylines: list[str]) -> set[str]:
    """The text keys of the names ``bylines`` credit for the pictures alone."""
    return {
        text_key(CONNECTOR_BEFORE.sub("", found["name"]))
        for value in bylines
        for found in NAME_WITH_PICTURE_ROLE.finditer(value)
    }


# A joining word (:data:`CONNECTORS`) the name pattern takes in before a name: "und Lars Hüwe".
CONNECTOR_BEFORE = re.compile(
    r"^(?:" + "|".join(word for word in CONNECTORS if word.isalpha()) + r")\s+", re.IGNORECASE
)


# A link label of the author box read with the name before it, the box's lines run together:
# "Julia Deutsch Alle Artikel" (goodnight.at), "Ryan Reed View All" (rollingstone.com), "Anna
# Schmidt Show all articles" (verfassungsblog.de).
TRAILING_LABEL = re.compile(
    r"(?<=\w)\s+(?:" + "|".join(map(re.escape, sorted(LABEL_PHRASES, key=len, reverse=True))) + r")$", re.IGNORECASE
)


# Separators a byline's names may stand between at either end: "/ Kerstin Aumüller" (a
# signature), "Anna Schmidt / Juni 2025" with the date cut off.
NAME_EDGE_SEPARATORS = " /|·•,;–—-"


def split_names(value) -> list[str]:
    """Names in a byline: "Von Anna Schmidt und Jan Meyer" → ["Anna Schmidt", "Jan Meyer"]."""
    if not isinstance(value, str) or not value.strip() or "://" in value:
        return []
    # A byline often goes on with the date or the place: "Von Anna Schmidt · 21.11.2024".
    # The label goes first: "Veröffentlicht von Anna Schmidt" is no byline ending at its start.
    # A signature set after a separator, as the Bavarian state parliament's news sign: "/ Kerstin
    # Aumüller", "– Anna Schmidt".
    value = DIPLOMA_SCHOOL.sub(r"\1", " ".join(value.split())).lstrip(NAME_EDGE_SEPARATORS)
    label = BYLINE_PREFIX.match(value)
    value = BYLINE_END.split(OUR_STAFF.sub("", value[label.end() :]) if label else value)[0]
    if label and GUEST_LABEL.search(label.group()):
        value = AFFILIATION_AFTER.sub("", value)
    # The separator before the date or the pictures' credit cut off goes with them: "Text: Anna
    # Schmidt / Juni 2025", "Text: Anna Schmidt / Jan Meyer – Fotos: Verlag".
    value = PICTURE_CREDIT_AFTER.sub("", value).rstrip(NAME_EDGE_SEPARATORS)
    # The pictures' role after a full stop, its colon and name cut off by the byline's match:
    # "Tobias Wenz. Kamera" of "… und Tobias Wenz. Kamera: Jens Ruppert".
    value = ROLE_AFTER_A_FULL_STOP.sub("", value)
    if len(value.split()) > MAX_BYLINE_WORDS:
        return []
    # "Anna Schmidt (dpa)", "Anna Schmidt/AFP": the reporter and the wire service that
    # supplied the copy (meta author fields of regional papers and portals running agency copy).
    value = AGENCY_AFTER_NAME.sub(lambda found: "; " + (found["agency"] or found["written"]), value)
    value = AGENCY_BEFORE_NAME.sub(lambda found: found["agency"] + "; ", value)
    names = []
    previous = ""
    # The parts and, before each, the separator it follows ("" before the first). A bracket
    # after a name is one: "Anna Schmidt (Text und Fotos)".
    brackets = [found.span() for found in BRACKETED.finditer(value)]
    found_separators = [
        found
        for found in NAME_SEPARATORS.finditer(value)
        if not any(start < found.start() < end for start, end in brackets)
    ]
    bounds = [0, *(edge for found in found_separators for edge in found.span()), len(value)]
    pieces = [value[start:end] for start, end in zip(bounds[::2], bounds[1::2])]
    separators = ["", *(found.group().strip() for found in found_separators)]
    contributing = False
    for part, separator in zip(pieces, separators):
        contributor = NOT_THE_WRITER.match(part.strip())
        if contributor or PICTURE_CREDIT.match(part.strip()):
            contributing = bool(contributor)
            continue
        if contributing and separator.lower() in {"und", "&", "and"}:
            # "Mitarbeit Timo Harms und Leonie Kaya": the contributors' credit goes on.
            continue
        contributing = False
        # The roles' label after a picture role: "Fotos und Text: Anna Schmidt".
        part = ROLES_LABEL.sub("", part.strip())
        if CREDENTIAL.fullmatch(BRACKETED.sub("", part).strip(" .")):
            # The degree after the name before it ("Dr. Anna Schmidt, LL.M. (Cambridge), Köln,
            # und …"): the place after it is still that person's.
            continue
        part = ROLE_BEFORE_NAME.sub("", TRAILING_LABEL.sub("", BRACKETED_AFTER_NAME.sub("", part))).strip(" .:-–—()")
        # A degree after the name without a comma ("Julia Dornseifer M.A.", Joomla's author
        # field as its account was named) is no part of the name.
        part = DEGREE_WITHOUT_COMMA.sub("", part)
        if separator == "," and len(previous.split()) >= 2 and ROLE_LINE.fullmatch(part):
            # An office after a comma, set after a name: the person's, no one's name ("Dr. Lukas
            # Feuerstein, Leiter Kfz-Schadenanalyse"; "Sandra Feigl, Schriftführerin …").
            continue
        if separator == "," and len(previous.split()) >= 2 and PLACE.fullmatch(part) and part.lower() not in AGENCIES:
            # A place after a comma, set after a name of two words or more: where the person
            # writes from or the publisher's seat, no one's name ("Anna Schmidt, Hamburg"; NZZ's
            # "Markus Haefliger, London, Beat Bumbacher"; SPIEGEL's and manager magazin's meta
            # author "DER SPIEGEL, Hamburg, Germany").
            continue
        previous = part
        if part and len(part) <= 60 and not NOT_A_NAME.search(part) and not BYLINE_PREFIX.fullmatch(part + " "):
            names.append(part)
    return names


def _jsonld_people(value, tree=None) -> list[str]:
    """The names of a JSON-LD ``author`` value: strings, nodes with a name, and references
    to a node elsewhere in the page's graph (``{"@id": "…/#/schema/person/…"}``: Yoast SEO on
    WordPress, used by magazines and regional portals alike, such as aerobuzz.de, angelmagazin.de,
    1000things.at, and Drupal's and TYPO3's schema extensions describe the Person once and refer
    to it from the article)."""
    names = [string_value(item.get("name") if isinstance(item, dict) else item) for item in _author_items(value, tree)]
    return [name for name in names if name]


# JSON-LD types of an author that is no person (wien.orf.at's "ORF.at", rtl.de's "RTL Online",
# volksblatt.at's "OÖ Volksblatt", bbc.com's NewsMediaOrganization).
ORGANISATION_TYPES = {"Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization", "NGO"}


def _jsonld_organisations(value, tree=None) -> list[str]:
    """The names of a JSON-LD ``author`` value's nodes typed as organisations, not persons."""
    names = [
        string_value(item.get("name"))
        for item in _author_items(value, tree)
        if isinstance(item, dict) and (types := jsonld_types(item)) & ORGANISATION_TYPES and "Person" not in types
    ]
    return [name for name in names if name]


def _author_items(value, tree=None) -> list:
    """A JSON-LD ``author`` value's strings and nodes, a nameless ``{"@id": …}`` reference
    replaced by the node it names in the page's graph."""
    items = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            if not item.get("name") and isinstance(item.get("@id"), str) and tree is not None:
                item = _node_by_id(tree).get(item["@id"], item)
            items.append(item)
        elif isinstance(item, str):
            items.append(item)
    return items


def _node_by_id(tree) -> dict[str, dict]:
    """The page's JSON-LD nodes by their ``@id``, the first node of each."""
    return read_once(tree, "jsonld_by_id", _index_by_id)


def _index_by_id(tree) -> dict[str, dict]:
    nodes = {}
    for node in jsonld_nodes(tree):
        if isinstance(node.get("@id"), str) and node.get("name"):
            nodes.setdefault(node["@id"], node)
    return nodes


def _sections(tree) -> set[str]:
    """The sections, categories and keywords the page's markup gives its story (JSON-LD
    ``articleSection`` and ``keywords``, ``article:section`` and ``article:tag``), as text keys."""
    values = [meta_content(tree, "article:section"), meta_content(tree, "article:tag")]
    for node in story_nodes(tree):
        for field in ("articleSection", "keywords"):
            value = node.get(field)
            values.extend(value if isinstance(value, list) else [value])
    return {text_key(part) for value in values if isinstance(value, str) for part in value.split(",") if text_key(part)}
