#!/usr/bin/env python3
"""Generate src/tacitus/knowledge/data/actors/countries.tsv.

The list of ISO 3166-1 entries (and their official long names) comes from
``pycountry``; everything else -- the common English name, aliases,
adjectives/demonyms, capitals and government metonyms -- is curated by hand in
the CURATED table below.  The TSV file is the artifact the project reads; this
script only exists so the table can be regenerated consistently.  If you edit
countries.tsv by hand, mirror the change here (or vice versa).

Usage:  python scripts/make_countries_tsv.py [--check]

``--check`` regenerates into memory and exits non-zero when the committed TSV
differs, without writing anything.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import pycountry

OUT = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "tacitus"
    / "knowledge"
    / "data"
    / "actors"
    / "countries.tsv"
)

HEADER = ["iso3", "code", "name", "aliases", "adjectives", "capitals", "metonyms"]

# CAMEO country codes that differ from the ISO alpha-3 code.  Kosovo has no
# ISO 3166-1 entry; it is carried with the user-assigned code XKX and the CAMEO
# code KSV.
CAMEO_CODE = {"XKX": "KSV"}

# Entries that are not in ISO 3166-1 but that news coding needs.
EXTRA = {"XKX"}

# iso3 ; common name ; aliases ; adjectives (incl. plural demonyms) ; capitals ; metonyms
# Fields inside a column are separated by "|".  Keep one line per country.
CURATED = r"""
ABW;Aruba;;Aruban|Arubans;Oranjestad;
AFG;Afghanistan;Islamic Emirate of Afghanistan;Afghan|Afghans|Afghani;Kabul;
AGO;Angola;;Angolan|Angolans;Luanda;
AIA;Anguilla;;Anguillan|Anguillans|Anguillian;;
ALA;Åland Islands;Aland Islands|Åland|Aland;Ålander|Ålanders;Mariehamn;
ALB;Albania;Shqipëria;Albanian|Albanians;Tirana|Tiranë;
AND;Andorra;;Andorran|Andorrans;Andorra la Vella;
ARE;United Arab Emirates;UAE|U.A.E.|the Emirates|Emirates;Emirati|Emiratis;Abu Dhabi;
ARG;Argentina;the Argentine Republic;Argentine|Argentines|Argentinian|Argentinians|Argentinean|Argentineans;Buenos Aires;Casa Rosada
ARM;Armenia;Hayastan;Armenian|Armenians;Yerevan|Erevan;
ASM;American Samoa;;American Samoan|American Samoans;Pago Pago;
ATA;Antarctica;;Antarctic;;
ATF;French Southern Territories;French Southern and Antarctic Lands|TAAF;;Port-aux-Français|Port-aux-Francais;
ATG;Antigua and Barbuda;Antigua;Antiguan|Antiguans|Barbudan|Barbudans;St. John's|Saint John's|St John's;
AUS;Australia;Commonwealth of Australia;Australian|Australians|Aussie|Aussies;Canberra;
AUT;Austria;Österreich;Austrian|Austrians;Vienna|Wien;
AZE;Azerbaijan;Azerbaidjan;Azerbaijani|Azerbaijanis|Azeri|Azeris;Baku;
BDI;Burundi;;Burundian|Burundians;Gitega|Bujumbura;
BEL;Belgium;;Belgian|Belgians;Brussels;
BEN;Benin;Dahomey;Beninese|Beninois;Porto-Novo|Cotonou;
BES;Bonaire, Sint Eustatius and Saba;Caribbean Netherlands|Bonaire|Sint Eustatius|Saba;;Kralendijk;
BFA;Burkina Faso;Burkina|Upper Volta;Burkinabe|Burkinabé|Burkinabes;Ouagadougou;
BGD;Bangladesh;;Bangladeshi|Bangladeshis;Dhaka|Dacca;
BGR;Bulgaria;;Bulgarian|Bulgarians;Sofia;
BHR;Bahrain;;Bahraini|Bahrainis;Manama;
BHS;Bahamas;The Bahamas;Bahamian|Bahamians;Nassau;
BIH;Bosnia and Herzegovina;Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH;Bosnian|Bosnians|Herzegovinian|Herzegovinians;Sarajevo;
BLM;Saint Barthélemy;Saint Barthelemy|St. Barts|St. Barths|St Barts|Saint-Barthélemy;Barthélemois;Gustavia;
BLR;Belarus;Byelorussia|Belorussia|Republic of Belarus|White Russia;Belarusian|Belarusians|Belarussian|Belarussians|Byelorussian|Belorussian;Minsk;
BLZ;Belize;British Honduras;Belizean|Belizeans;Belmopan;
BMU;Bermuda;;Bermudian|Bermudians|Bermudan;;
BOL;Bolivia;;Bolivian|Bolivians;La Paz|Sucre;
BRA;Brazil;Brasil;Brazilian|Brazilians;Brasília|Brasilia;Planalto|Palácio do Planalto|Planalto Palace|Itamaraty
BRB;Barbados;;Barbadian|Barbadians|Bajan|Bajans;Bridgetown;
BRN;Brunei;Brunei Darussalam|Negara Brunei Darussalam;Bruneian|Bruneians;Bandar Seri Begawan;
BTN;Bhutan;Druk Yul;Bhutanese;Thimphu;
BVT;Bouvet Island;Bouvetøya;;;
BWA;Botswana;;Motswana|Batswana|Botswanan|Botswanans;Gaborone;
CAF;Central African Republic;CAR|Centrafrique;Central African|Central Africans;Bangui;
CAN;Canada;;Canadian|Canadians;Ottawa;
CCK;Cocos (Keeling) Islands;Cocos Islands|Keeling Islands;Cocos Islander|Cocos Islanders;;
CHE;Switzerland;Swiss Confederation|Schweiz|Suisse|Svizzera|Confoederatio Helvetica;Swiss;Bern|Berne;
CHL;Chile;;Chilean|Chileans;Santiago;La Moneda
CHN;China;People's Republic of China|PRC|P.R.C.|mainland China|Chinese mainland|Zhongguo;Chinese;Beijing|Peking;Zhongnanhai
CIV;Ivory Coast;Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire|Cote dIvoire;Ivorian|Ivorians|Ivoirian|Ivoirians;Yamoussoukro|Abidjan;
CMR;Cameroon;Cameroun;Cameroonian|Cameroonians;Yaoundé|Yaounde;
COD;Democratic Republic of the Congo;DR Congo|D.R. Congo|DRC|D.R.C.|Democratic Republic of Congo|Congo-Kinshasa|Congo Kinshasa|Zaire|Congo;Congolese;Kinshasa;
COG;Republic of the Congo;Congo-Brazzaville|Congo Brazzaville|Republic of Congo|Congo Republic|Congo;Congolese;Brazzaville;
COK;Cook Islands;;Cook Islander|Cook Islanders;Avarua;
COL;Colombia;;Colombian|Colombians;Bogotá|Bogota;Casa de Nariño
COM;Comoros;Comoro Islands|Union of the Comoros;Comoran|Comorans|Comorian|Comorians;Moroni;
CPV;Cape Verde;Cabo Verde;Cape Verdean|Cape Verdeans|Cabo Verdean|Cabo Verdeans;Praia;
CRI;Costa Rica;;Costa Rican|Costa Ricans;San José|San Jose;
CUB;Cuba;;Cuban|Cubans;Havana|La Habana;
CUW;Curaçao;Curacao;Curaçaoan|Curaçaoans|Curacaoan;Willemstad;
CXR;Christmas Island;;Christmas Islander|Christmas Islanders;Flying Fish Cove;
CYM;Cayman Islands;the Caymans|Grand Cayman;Caymanian|Caymanians;George Town;
CYP;Cyprus;;Cypriot|Cypriots;Nicosia;
CZE;Czech Republic;Czechia|Česko|Česká republika;Czech|Czechs;Prague|Praha;
DEU;Germany;Deutschland|Federal Republic of Germany|FRG;German|Germans;Berlin;
DJI;Djibouti;;Djiboutian|Djiboutians;Djibouti City;
DMA;Dominica;Commonwealth of Dominica;Dominican|Dominicans;Roseau;
DNK;Denmark;Danmark;Danish|Dane|Danes;Copenhagen|København;
DOM;Dominican Republic;;Dominican|Dominicans;Santo Domingo;
DZA;Algeria;;Algerian|Algerians;Algiers;
ECU;Ecuador;;Ecuadorian|Ecuadorians|Ecuadorean|Ecuadoreans;Quito;Carondelet|Palacio de Carondelet
EGY;Egypt;Misr;Egyptian|Egyptians;Cairo;
ERI;Eritrea;;Eritrean|Eritreans;Asmara;
ESH;Western Sahara;Sahrawi Arab Democratic Republic|SADR;Sahrawi|Sahrawis|Saharawi|Saharawis;Laayoune|El Aaiún|El Aaiun;
ESP;Spain;España|Espana;Spanish|Spaniard|Spaniards;Madrid;Moncloa|La Moncloa
EST;Estonia;Eesti;Estonian|Estonians;Tallinn;
ETH;Ethiopia;Abyssinia;Ethiopian|Ethiopians;Addis Ababa;
FIN;Finland;Suomi;Finnish|Finn|Finns;Helsinki;
FJI;Fiji;;Fijian|Fijians;Suva;
FLK;Falkland Islands;Falklands|Malvinas|Islas Malvinas;Falkland Islander|Falkland Islanders;;
FRA;France;French Republic;French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen;Paris;Elysee|Élysée|Elysee Palace|Élysée Palace|the Elysee|the Élysée|Quai d'Orsay|Matignon
FRO;Faroe Islands;Faroes|Faeroe Islands|Faeroes|Føroyar;Faroese;Tórshavn|Torshavn;
FSM;Micronesia;Federated States of Micronesia|FSM;Micronesian|Micronesians;Palikir;
GAB;Gabon;Gabonese Republic;Gabonese;Libreville;
GBR;United Kingdom;UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland|the UK|the U.K.;British|Briton|Britons|Brit|Brits;London;Downing Street|Number 10|No. 10|No 10|Number Ten|Whitehall
GEO;Georgia;Sakartvelo;Georgian|Georgians;Tbilisi|Tiflis;
GGY;Guernsey;Bailiwick of Guernsey;Guernseyman|Guernseymen|Guernesiais;St Peter Port|St. Peter Port|Saint Peter Port;
GHA;Ghana;Gold Coast;Ghanaian|Ghanaians;Accra;
GIB;Gibraltar;;Gibraltarian|Gibraltarians;;
GIN;Guinea;Guinea-Conakry|Guinea Conakry|Guinée;Guinean|Guineans;Conakry;
GLP;Guadeloupe;;Guadeloupean|Guadeloupeans|Guadeloupian;Basse-Terre;
GMB;Gambia;The Gambia;Gambian|Gambians;Banjul;
GNB;Guinea-Bissau;Guinea Bissau;Bissau-Guinean|Bissau-Guineans|Guinea-Bissauan|Guinea-Bissauans;Bissau;
GNQ;Equatorial Guinea;Guinea Ecuatorial;Equatorial Guinean|Equatorial Guineans|Equatoguinean|Equatoguineans;Malabo|Ciudad de la Paz;
GRC;Greece;Hellas|Hellenic Republic|Ellada;Greek|Greeks|Hellenic;Athens;Maximos Mansion
GRD;Grenada;;Grenadian|Grenadians;St. George's|Saint George's|St George's;
GRL;Greenland;Kalaallit Nunaat;Greenlandic|Greenlander|Greenlanders;Nuuk;
GTM;Guatemala;;Guatemalan|Guatemalans;Guatemala City;
GUF;French Guiana;Guyane;French Guianese|Guianese;Cayenne;
GUM;Guam;Guåhan;Guamanian|Guamanians|Chamorro;Hagåtña|Hagatna|Agana;
GUY;Guyana;British Guiana;Guyanese;Georgetown;
HKG;Hong Kong;Hong Kong SAR|HKSAR|Hongkong;Hong Konger|Hong Kongers|Hongkonger|Hongkongers;;
HMD;Heard Island and McDonald Islands;Heard and McDonald Islands;;;
HND;Honduras;;Honduran|Hondurans;Tegucigalpa;
HRV;Croatia;Hrvatska;Croatian|Croatians|Croat|Croats;Zagreb;
HTI;Haiti;Haïti|Ayiti;Haitian|Haitians;Port-au-Prince;
HUN;Hungary;Magyarország;Hungarian|Hungarians|Magyar|Magyars;Budapest;
IDN;Indonesia;;Indonesian|Indonesians;Jakarta;
IMN;Isle of Man;;Manx|Manxman|Manxmen;;
IND;India;Bharat|Republic of India;Indian|Indians;New Delhi|Delhi;South Block|Raisina Hill
IOT;British Indian Ocean Territory;BIOT|Chagos Islands|Chagos Archipelago|Diego Garcia;Chagossian|Chagossians;;
IRL;Ireland;Republic of Ireland|Éire|Eire;Irish|Irishman|Irishmen|Irishwoman;Dublin;
IRN;Iran;Islamic Republic of Iran|Persia;Iranian|Iranians|Persian;Tehran|Teheran;
IRQ;Iraq;;Iraqi|Iraqis;Baghdad;
ISL;Iceland;Ísland;Icelandic|Icelander|Icelanders;Reykjavik|Reykjavík;
ISR;Israel;State of Israel;Israeli|Israelis;Jerusalem;
ITA;Italy;Italia|Italian Republic;Italian|Italians;Rome|Roma;Palazzo Chigi|Farnesina|Quirinale|Quirinal
JAM;Jamaica;;Jamaican|Jamaicans;Kingston;
JEY;Jersey;Bailiwick of Jersey;Jerseyman|Jerseymen|Jersiais;Saint Helier|St Helier|St. Helier;
JOR;Jordan;Hashemite Kingdom of Jordan;Jordanian|Jordanians;Amman;
JPN;Japan;Nippon|Nihon;Japanese;Tokyo;Kantei|Kasumigaseki
KAZ;Kazakhstan;Kazakstan|Qazaqstan;Kazakh|Kazakhs|Kazakhstani|Kazakhstanis|Kazak;Astana|Nur-Sultan|Akmola;Akorda
KEN;Kenya;;Kenyan|Kenyans;Nairobi;
KGZ;Kyrgyzstan;Kyrgyz Republic|Kirghizia|Kirgizia|Kyrgyzia;Kyrgyz|Kyrgyzstani|Kyrgyzstanis|Kirghiz|Kirgiz;Bishkek;
KHM;Cambodia;Kampuchea;Cambodian|Cambodians|Khmer;Phnom Penh;
KIR;Kiribati;;I-Kiribati|Kiribatian;Tarawa|South Tarawa;
KNA;Saint Kitts and Nevis;St. Kitts and Nevis|St Kitts and Nevis|Saint Christopher and Nevis|St. Kitts;Kittitian|Kittitians|Nevisian|Nevisians;Basseterre;
KOR;South Korea;Republic of Korea|ROK|R.O.K.|S. Korea|S.Korea;South Korean|South Koreans;Seoul;Blue House|Cheong Wa Dae
KWT;Kuwait;State of Kuwait;Kuwaiti|Kuwaitis;Kuwait City;
LAO;Laos;Lao PDR|Lao People's Democratic Republic|Lao;Laotian|Laotians;Vientiane;
LBN;Lebanon;;Lebanese;Beirut;Baabda|Grand Serail
LBR;Liberia;;Liberian|Liberians;Monrovia;
LBY;Libya;Libyan Arab Jamahiriya|State of Libya;Libyan|Libyans;Tripoli;
LCA;Saint Lucia;St. Lucia|St Lucia;Saint Lucian|Saint Lucians|St. Lucian|St Lucian;Castries;
LIE;Liechtenstein;;Liechtensteiner|Liechtensteiners;Vaduz;
LKA;Sri Lanka;Ceylon;Sri Lankan|Sri Lankans;Colombo|Sri Jayawardenepura Kotte|Kotte;
LSO;Lesotho;;Basotho|Mosotho|Lesothan;Maseru;
LTU;Lithuania;Lietuva;Lithuanian|Lithuanians;Vilnius;
LUX;Luxembourg;Grand Duchy of Luxembourg|Luxemburg;Luxembourgish|Luxembourger|Luxembourgers;Luxembourg City;
LVA;Latvia;Latvija;Latvian|Latvians|Lett|Letts;Riga;
MAC;Macau;Macao|Macau SAR|Macao SAR;Macanese;;
MAF;Saint Martin;Saint-Martin|St. Martin|St Martin|Collectivity of Saint Martin|French Saint Martin;Saint-Martinois;Marigot;
MAR;Morocco;Maroc|al-Maghrib;Moroccan|Moroccans;Rabat;Makhzen
MCO;Monaco;;Monegasque|Monégasque|Monegasques|Monacan;;
MDA;Moldova;Republic of Moldova|Moldavia;Moldovan|Moldovans;Chisinau|Chișinău|Chişinău|Kishinev;
MDG;Madagascar;;Malagasy|Madagascan|Madagascans;Antananarivo|Tananarive;
MDV;Maldives;the Maldives|Maldive Islands;Maldivian|Maldivians;Malé;
MEX;Mexico;México|United Mexican States;Mexican|Mexicans;Mexico City;Los Pinos
MHL;Marshall Islands;;Marshallese;Majuro;
MKD;North Macedonia;Macedonia|Republic of Macedonia|Former Yugoslav Republic of Macedonia|FYROM|F.Y.R.O.M.;Macedonian|Macedonians|North Macedonian|North Macedonians;Skopje;
MLI;Mali;;Malian|Malians;Bamako;Koulouba
MLT;Malta;;Maltese;Valletta;
MMR;Myanmar;Burma;Burmese|Myanmarese|Myanma;Naypyidaw|Nay Pyi Taw|Naypyitaw|Nay Pyi Daw;
MNE;Montenegro;Crna Gora;Montenegrin|Montenegrins;Podgorica;
MNG;Mongolia;;Mongolian|Mongolians|Mongol|Mongols;Ulaanbaatar|Ulan Bator|Ulaan Baatar;
MNP;Northern Mariana Islands;Northern Marianas|CNMI;Northern Mariana Islander|Northern Mariana Islanders;Saipan;
MOZ;Mozambique;Moçambique;Mozambican|Mozambicans;Maputo;
MRT;Mauritania;;Mauritanian|Mauritanians;Nouakchott;
MSR;Montserrat;;Montserratian|Montserratians;Brades;
MTQ;Martinique;;Martinican|Martinicans|Martiniquais;Fort-de-France;
MUS;Mauritius;;Mauritian|Mauritians;Port Louis;
MWI;Malawi;Nyasaland;Malawian|Malawians;Lilongwe;
MYS;Malaysia;;Malaysian|Malaysians;Kuala Lumpur|Putrajaya;
MYT;Mayotte;;Mahoran|Mahorans|Mahorais;Mamoudzou;
NAM;Namibia;South West Africa;Namibian|Namibians;Windhoek;
NCL;New Caledonia;Nouvelle-Calédonie|Kanaky;New Caledonian|New Caledonians|Kanak|Kanaks;Nouméa|Noumea;
NER;Niger;Republic of Niger;Nigerien|Nigeriens;Niamey;
NFK;Norfolk Island;;Norfolk Islander|Norfolk Islanders;;
NGA;Nigeria;;Nigerian|Nigerians;Abuja;Aso Rock|Aso Villa
NIC;Nicaragua;;Nicaraguan|Nicaraguans;Managua;
NIU;Niue;;Niuean|Niueans;Alofi;
NLD;Netherlands;The Netherlands|Holland|Nederland;Dutch|Dutchman|Dutchmen|Dutchwoman|Netherlander|Netherlanders;Amsterdam;
NOR;Norway;Norge|Noreg;Norwegian|Norwegians;Oslo;
NPL;Nepal;;Nepalese|Nepali|Nepalis;Kathmandu;Singha Durbar
NRU;Nauru;;Nauruan|Nauruans;Yaren;
NZL;New Zealand;Aotearoa|NZ|N.Z.;New Zealander|New Zealanders|Kiwi|Kiwis;Wellington;Beehive
OMN;Oman;Sultanate of Oman;Omani|Omanis;Muscat;
PAK;Pakistan;;Pakistani|Pakistanis;Islamabad;
PAN;Panama;Panamá;Panamanian|Panamanians;Panama City;
PCN;Pitcairn Islands;Pitcairn;Pitcairn Islander|Pitcairn Islanders|Pitcairner|Pitcairners;Adamstown;
PER;Peru;Perú;Peruvian|Peruvians;Lima;Palacio de Gobierno del Perú
PHL;Philippines;the Philippines|Pilipinas|Republic of the Philippines;Filipino|Filipinos|Filipina|Filipinas|Philippine;Manila;Malacañang|Malacanang|Malacañang Palace|Malacanang Palace
PLW;Palau;Belau;Palauan|Palauans;Ngerulmud|Melekeok;
PNG;Papua New Guinea;PNG;Papua New Guinean|Papua New Guineans|Papuan|Papuans;Port Moresby;
POL;Poland;Polska;Polish|Pole|Poles;Warsaw|Warszawa;
PRI;Puerto Rico;Porto Rico|Borinquen;Puerto Rican|Puerto Ricans|Boricua|Boricuas;San Juan;La Fortaleza
PRK;North Korea;Democratic People's Republic of Korea|DPRK|D.P.R.K.|N. Korea|N.Korea;North Korean|North Koreans;Pyongyang;
PRT;Portugal;Portuguese Republic;Portuguese;Lisbon|Lisboa;
PRY;Paraguay;;Paraguayan|Paraguayans;Asunción|Asuncion;
PSE;Palestine;State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories|Occupied Palestinian Territory;Palestinian|Palestinians;Ramallah;Muqata|Mukataa|Muqataa
PYF;French Polynesia;Polynésie française|Tahiti;French Polynesian|French Polynesians|Tahitian|Tahitians;Papeete|Papeetē;
QAT;Qatar;;Qatari|Qataris;Doha;
REU;Réunion;Reunion|La Réunion|La Reunion;Réunionese|Reunionese|Réunionnais;;
ROU;Romania;Roumania|Rumania;Romanian|Romanians|Roumanian|Rumanian;Bucharest|București|Bucuresti;Cotroceni|Cotroceni Palace|Palatul Victoria
RUS;Russia;Russian Federation|Rossiya|Rossiia|Rossija;Russian|Russians;Moscow|Moskva;Kremlin|the Kremlin
RWA;Rwanda;;Rwandan|Rwandans|Rwandese;Kigali;Urugwiro|Village Urugwiro
SAU;Saudi Arabia;Kingdom of Saudi Arabia|KSA|Saudi;Saudi|Saudis|Saudi Arabian|Saudi Arabians;Riyadh;
SDN;Sudan;the Sudan|Republic of Sudan;Sudanese;Khartoum|Port Sudan;
SEN;Senegal;Sénégal;Senegalese;Dakar;
SGP;Singapore;;Singaporean|Singaporeans;;
SGS;South Georgia and the South Sandwich Islands;South Georgia|South Sandwich Islands;;King Edward Point|Grytviken;
SHN;Saint Helena;Saint Helena, Ascension and Tristan da Cunha|St Helena|St. Helena|Ascension Island|Tristan da Cunha;Saint Helenian|Saint Helenians|St Helenian;Jamestown;
SJM;Svalbard and Jan Mayen;Svalbard|Jan Mayen|Spitsbergen;;Longyearbyen;
SLB;Solomon Islands;the Solomons;Solomon Islander|Solomon Islanders;Honiara;
SLE;Sierra Leone;;Sierra Leonean|Sierra Leoneans;Freetown;
SLV;El Salvador;;Salvadoran|Salvadorans|Salvadorean|Salvadoreans;San Salvador;
SMR;San Marino;Most Serene Republic of San Marino;Sammarinese;City of San Marino;
SOM;Somalia;Federal Republic of Somalia;Somali|Somalis|Somalian|Somalians;Mogadishu|Muqdisho;Villa Somalia
SPM;Saint Pierre and Miquelon;St. Pierre and Miquelon|St Pierre and Miquelon|Saint-Pierre-et-Miquelon;Saint-Pierrais|Miquelonnais;Saint-Pierre;
SRB;Serbia;Srbija;Serbian|Serbians|Serb|Serbs;Belgrade|Beograd;
SSD;South Sudan;Republic of South Sudan;South Sudanese;Juba;
STP;Sao Tome and Principe;São Tomé and Príncipe|São Tomé e Príncipe|Sao Tome;Santomean|Santomeans|São Toméan|Sao Tomean;São Tomé|Sao Tome City;
SUR;Suriname;Surinam|Dutch Guiana;Surinamese|Surinamer|Surinamers;Paramaribo;
SVK;Slovakia;Slovak Republic|Slovensko;Slovak|Slovaks|Slovakian|Slovakians;Bratislava;
SVN;Slovenia;Slovenija;Slovenian|Slovenians|Slovene|Slovenes;Ljubljana;
SWE;Sweden;Sverige;Swedish|Swede|Swedes;Stockholm;Rosenbad
SWZ;Eswatini;Swaziland|Kingdom of Eswatini|Kingdom of Swaziland|eSwatini;Swazi|Swazis|Liswati|Emaswati;Mbabane|Lobamba;
SXM;Sint Maarten;St. Maarten|St Maarten|Dutch Sint Maarten;Sint Maartener|Sint Maarteners;Philipsburg;
SYC;Seychelles;the Seychelles;Seychellois;;
SYR;Syria;Syrian Arab Republic|Suriya;Syrian|Syrians;Damascus;
TCA;Turks and Caicos Islands;Turks and Caicos|TCI;Turks and Caicos Islander|Turks and Caicos Islanders;Cockburn Town;
TCD;Chad;Tchad;Chadian|Chadians;N'Djamena|NDjamena|N’Djamena|Ndjamena;
TGO;Togo;Togolese Republic;Togolese;Lomé|Lome;
THA;Thailand;Siam|Kingdom of Thailand|Prathet Thai;Thai|Thais;Bangkok|Krung Thep;
TJK;Tajikistan;Tadjikistan|Tadzhikistan;Tajik|Tajiks|Tajikistani|Tadjik|Tadzhik;Dushanbe;
TKL;Tokelau;;Tokelauan|Tokelauans;;
TKM;Turkmenistan;Turkmenia;Turkmen|Turkmens|Turkmenistani;Ashgabat|Ashkhabad|Asgabat;
TLS;Timor-Leste;East Timor|Timor Leste|Timor Lorosae;Timorese|East Timorese;Dili;
TON;Tonga;;Tongan|Tongans;Nuku'alofa|Nukualofa|Nuku’alofa;
TTO;Trinidad and Tobago;Trinidad|Trinidad & Tobago|T&T;Trinidadian|Trinidadians|Tobagonian|Tobagonians|Trinbagonian|Trinbagonians;Port of Spain|Port-of-Spain;
TUN;Tunisia;;Tunisian|Tunisians;Tunis;Carthage Palace
TUR;Turkey;Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey;Turkish|Turk|Turks;Ankara;Cankaya|Çankaya|Bestepe|Beştepe
TUV;Tuvalu;;Tuvaluan|Tuvaluans;Funafuti;
TWN;Taiwan;Republic of China|ROC|R.O.C.|Chinese Taipei|Formosa;Taiwanese;Taipei;
TZA;Tanzania;United Republic of Tanzania;Tanzanian|Tanzanians;Dodoma|Dar es Salaam;
UGA;Uganda;;Ugandan|Ugandans;Kampala;
UKR;Ukraine;the Ukraine|Ukraina|Ukrayina;Ukrainian|Ukrainians;Kiev|Kyiv|Kyyiv|Kiew;Bankova
UMI;United States Minor Outlying Islands;U.S. Minor Outlying Islands|Wake Island|Midway Atoll|Johnston Atoll|Baker Island|Howland Island|Jarvis Island|Palmyra Atoll|Kingman Reef|Navassa Island;;;
URY;Uruguay;Oriental Republic of Uruguay;Uruguayan|Uruguayans;Montevideo;Torre Ejecutiva
USA;United States;U.S.|US|USA|U.S.A.|United States of America|America|the States|U.S. of A.;American|Americans|U.S.;Washington|Washington, D.C.|Washington D.C.|Washington DC;White House|the White House|Oval Office
UZB;Uzbekistan;Ozbekiston|Oʻzbekiston;Uzbek|Uzbeks|Uzbekistani|Uzbekistanis;Tashkent|Toshkent;
VAT;Vatican City;Vatican|Holy See|the Holy See|Vatican City State|State of the Vatican City;Vatican|Papal;;
VCT;Saint Vincent and the Grenadines;St. Vincent and the Grenadines|St Vincent and the Grenadines|Saint Vincent|St. Vincent;Vincentian|Vincentians|Saint Vincentian;Kingstown;
VEN;Venezuela;Bolivarian Republic of Venezuela;Venezuelan|Venezuelans;Caracas;Miraflores|Miraflores Palace
VGB;British Virgin Islands;BVI|B.V.I.|Virgin Islands, British;British Virgin Islander|British Virgin Islanders;Road Town;
VIR;U.S. Virgin Islands;US Virgin Islands|United States Virgin Islands|USVI|Virgin Islands, U.S.;U.S. Virgin Islander|U.S. Virgin Islanders|Virgin Islander|Virgin Islanders;Charlotte Amalie;
VNM;Vietnam;Viet Nam|Socialist Republic of Vietnam;Vietnamese;Hanoi|Ha Noi;
VUT;Vanuatu;New Hebrides;Ni-Vanuatu|Vanuatuan|Vanuatuans;Port Vila|Port-Vila;
WLF;Wallis and Futuna;Wallis-et-Futuna;Wallisian|Wallisians|Futunan|Futunans;Mata-Utu|Mata Utu;
WSM;Samoa;Western Samoa|Independent State of Samoa;Samoan|Samoans;Apia;
XKX;Kosovo;Republic of Kosovo|Kosova;Kosovar|Kosovars|Kosovan|Kosovans;Pristina|Prishtina|Priština|Prishtinë;
YEM;Yemen;Republic of Yemen;Yemeni|Yemenis|Yemenite;Sanaa|Sana'a|Sana’a|Aden;
ZAF;South Africa;RSA|Republic of South Africa|Mzansi;South African|South Africans;Pretoria|Tshwane|Cape Town;Union Buildings
ZMB;Zambia;Northern Rhodesia;Zambian|Zambians;Lusaka;
ZWE;Zimbabwe;Rhodesia;Zimbabwean|Zimbabweans;Harare|Salisbury;
"""


def _clean_official(name: str) -> str | None:
    """Return a pycountry name usable as an alias, or None for inverted forms."""
    if not name or ", " in name or "(" in name:
        return None
    return name


def _split(field: str) -> list[str]:
    return [p.strip() for p in field.split("|") if p.strip()]


def _dedup(items: list[str], exclude: set[str]) -> list[str]:
    seen = {e.casefold() for e in exclude}
    out: list[str] = []
    for it in items:
        key = it.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(it)
    return out


def build_rows() -> list[list[str]]:
    curated: dict[str, list[str]] = {}
    for line in CURATED.strip().splitlines():
        parts = line.split(";")
        if len(parts) != 6:
            raise SystemExit(f"bad curated line ({len(parts)} fields): {line!r}")
        curated[parts[0]] = parts[1:]

    isos = {c.alpha_3: c for c in pycountry.countries}
    missing = sorted(set(isos) - set(curated))
    unknown = sorted(set(curated) - set(isos) - EXTRA)
    if missing or unknown:
        raise SystemExit(f"curated table out of sync: missing={missing} unknown={unknown}")

    rows = []
    for iso3 in sorted(curated):
        name, aliases, adjectives, capitals, metonyms = curated[iso3]
        extra_aliases: list[str] = []
        c = isos.get(iso3)
        if c is not None:
            for attr in ("official_name", "name", "common_name"):
                val = _clean_official(getattr(c, attr, "") or "")
                if val:
                    extra_aliases.append(val)
        alias_list = _dedup(_split(aliases) + extra_aliases, {name})
        adj_list = _dedup(_split(adjectives), set())
        cap_list = _dedup(_split(capitals), set())
        met_list = _dedup(_split(metonyms), set())
        rows.append(
            [
                iso3,
                CAMEO_CODE.get(iso3, iso3),
                name,
                "|".join(alias_list),
                "|".join(adj_list),
                "|".join(cap_list),
                "|".join(met_list),
            ]
        )
    return rows


def render(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    buf.write(
        "# Countries for actor recognition. Generated by scripts/make_countries_tsv.py; see README.md.\n"
    )
    w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER)
    w.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    text = render(build_rows())
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 2} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
