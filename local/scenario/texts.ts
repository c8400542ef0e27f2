/**
 * Czech texts the scenario's people write: what contact persons report on their projects (varied
 * per project and period by a seeded generator) and ARR's own chapters 1, 2, 4 and 5, modelled on
 * the region's monitoring reports for 2025.
 */
import type { AgencySectionData } from '../../domain/agency';
import type { Period } from '../../domain/period';
import type { Prng } from './prng';

interface AreaPhrases {
  done: string[];
  next: string[];
  delay: string[];
}

/** Keyed by activity area id of the Liberec plan; any other area uses `general`. */
const AREA_PHRASES: Record<string, AreaPhrases> = {
  'kulturni-dedictvi': {
    done: [
      'Pokračovala digitalizace sbírkového fondu, ve sledovaném období bylo zdigitalizováno {n} sbírkových předmětů.',
      'Proběhlo restaurování vybraných předmětů a jejich fotodokumentace ve vysokém rozlišení.',
      'Byly pořízeny 3D skeny {n} trojrozměrných předmětů pro online katalog.',
      'Záznamy o zdigitalizovaných předmětech byly zpřístupněny v online katalogu pro veřejnost.',
      'Uskutečnila se prezentace projektu pro školy, zúčastnilo se {n} žáků.',
      'Bylo dokončeno výběrové řízení na dodávku skenovacího zařízení a zařízení bylo instalováno.',
    ],
    next: [
      'Pokračovat v digitalizaci dalších podsbírek a zpřístupnit je v online katalogu.',
      'Dokončit instalaci vybavení digitalizačního pracoviště a proškolit obsluhu.',
      'Připravit virtuální prohlídku expozice a zveřejnit ji na webu instituce.',
      'Vyhodnotit návštěvnost online katalogu a připravit propagační kampaň.',
    ],
    delay: ['Dodávka skenovacího zařízení se zpozdila kvůli opakovanému výběrovému řízení.'],
  },
  'elektronicka-komunikace': {
    done: [
      'Byl spuštěn pilotní provoz nové elektronické agendy v {n} odborech krajského úřadu.',
      'Proběhlo školení uživatelů, zúčastnilo se {n} zaměstnanců krajského úřadu.',
      'Ke spisové službě byly připojeny další příspěvkové organizace kraje.',
      'Byla provedena analýza procesů a připraven návrh jejich elektronizace.',
      'Proběhl penetrační test a byla odstraněna zjištěná zranitelnost.',
      'Byla podepsána smlouva s dodavatelem a zahájena implementace řešení.',
    ],
    next: [
      'Rozšířit elektronickou agendu na další odbory krajského úřadu.',
      'Uspořádat školení kybernetické bezpečnosti pro zaměstnance.',
      'Připojit ke spisové službě další organizace zřizované krajem.',
      'Vyhodnotit pilotní provoz a připravit ostré nasazení.',
    ],
    delay: ['Implementace se zpozdila kvůli změně požadavků na integraci se stávajícími systémy.'],
  },
  'socialni-oblast': {
    done: [
      'V zařízení proběhlo testování asistivních technologií se {n} klienty.',
      'Robotický asistent byl nasazen do běžného provozu a personál absolvoval zaškolení.',
      'Byla vyhodnocena zpětná vazba klientů a pracovníků přímé péče.',
      'Uskutečnil se den otevřených dveří, kde byly technologie představeny veřejnosti.',
      'Proběhla úprava prostor pro instalaci asistivních technologií.',
    ],
    next: [
      'Rozšířit využití asistivních technologií do dalších zařízení sociálních služeb.',
      'Připravit metodiku práce s technologiemi pro pracovníky v sociálních službách.',
      'Zorganizovat workshop pro poskytovatele sociálních služeb v kraji.',
    ],
    delay: ['Instalace byla odložena, protože zařízení čeká na stavební úpravy.'],
  },
  zdravotnictvi: {
    done: [
      'Pokračovala integrace informačního systému zdravotnické záchranné služby s nemocnicemi v kraji.',
      'Do systému bylo zapojeno dalších {n} výjezdových vozidel.',
      'Proběhlo testování výměny dat mezi záchrannou službou a urgentními příjmy.',
      'Byla dokončena projektová dokumentace a podána žádost o dotaci.',
    ],
    next: [
      'Dokončit napojení zbývajících nemocnic a zahájit ostrý provoz.',
      'Vyhodnotit dojezdové časy po zavedení preference vozů na křižovatkách.',
      'Zahájit stavební práce podle harmonogramu.',
    ],
    delay: ['Termín se posunul kvůli čekání na rozhodnutí o dotaci.'],
  },
  'energeticky-management': {
    done: [
      'Byla uvedena do provozu fotovoltaická elektrárna o výkonu {n} kWp.',
      'Proběhla instalace chytrých čidel pro sledování vnitřního prostředí v {n} místnostech.',
      'Byla zpracována energetická studie a projektová dokumentace.',
      'Dodavatel dokončil stavební práce na zateplení objektu.',
      'Bylo vyhlášeno výběrové řízení na zhotovitele stavby.',
      'Data z měření spotřeby energie se načítají do energetického managementu kraje.',
    ],
    next: [
      'Dokončit stavební práce a předat dílo do užívání.',
      'Vyhodnotit první měsíce provozu a úspory energie.',
      'Připravit podklady pro žádost o dotaci z Modernizačního fondu.',
      'Rozšířit monitoring spotřeby na další objekty v majetku kraje.',
    ],
    delay: ['Stavební práce se zpozdily kvůli nepříznivému počasí a dodávkám materiálu.'],
  },
  'stredni-skoly': {
    done: [
      'Škola pořídila {n} interaktivních panelů a vybavila odborné učebny.',
      'Pedagogové absolvovali školení k využití nových digitálních technologií ve výuce.',
      'Proběhla rekonstrukce učebny a instalace počítačové sítě.',
      'Nové vybavení je zapojeno do výuky přírodovědných předmětů.',
    ],
    next: [
      'Dokončit vybavení zbývajících učeben a proškolit pedagogy.',
      'Sdílet zkušenosti s ostatními středními školami v kraji na setkání ředitelů.',
      'Zapojit nové vybavení do projektové výuky.',
    ],
    delay: ['Dodávka vybavení byla posunuta kvůli námitkám v zadávacím řízení.'],
  },
  'digitalni-vek': {
    done: [
      'Uskutečnily se {n} workshopy Digitální kavárny pro pedagogy a zaměstnance veřejné správy.',
      'Robotická hlava Ohbot byla zapůjčena do dalších škol v kraji.',
      'Proběhla prezentace dobré praxe na setkání krajských koordinátorů SMART.',
      'Byl připraven metodický materiál pro sdílení dobrých praktik.',
    ],
    next: [
      'Pokračovat v pořádání workshopů a rozšířit nabídku o témata umělé inteligence.',
      'Zapůjčit vybavení dalším školám a vyhodnotit jeho využití.',
      'Připravit sborník dobré praxe pro obce v kraji.',
    ],
    delay: ['Část akcí byla přesunuta na další pololetí kvůli nízkému počtu přihlášených.'],
  },
  general: {
    done: [
      'Projekt pokračoval podle harmonogramu, uskutečnila se {n} jednání realizačního týmu.',
      'Byla zpracována analýza potřeb a připraven návrh dalšího postupu.',
      'Proběhla jednání s partnery projektu a byla uzavřena smlouva o spolupráci.',
      'Výsledky projektu byly představeny na setkání partnerů.',
    ],
    next: [
      'Pokračovat v realizaci podle harmonogramu projektu.',
      'Vyhodnotit dosavadní výsledky a připravit další etapu.',
      'Připravit podklady pro zapojení dalších partnerů.',
    ],
    delay: ['Realizace se zpozdila kvůli personálním změnám v realizačním týmu.'],
  },
};

const FOLLOW_UP = [
  'Plán z minulého období se podařilo naplnit.',
  'Činnosti navázaly na plán z minulého období.',
  'Plán z minulého období byl splněn v plném rozsahu.',
];

const NOTES_TO_ARR = [
  'Fotografie z realizace zašleme e-mailem.',
  'Prosíme o zařazení projektu na příští jednání Řídící skupiny.',
  'Kontaktní osoba se od září mění, nové údaje pošleme.',
];

const CORRECTIONS = [
  'Doplnění: údaje o počtu účastníků jsme upřesnili podle prezenčních listin.',
  'Oprava: v předchozí verzi byl uveden chybný termín dokončení etapy.',
  'Doplnění: projekt byl mezitím představen také na poradě ředitelů příspěvkových organizací.',
];

export type ScenarioProjectStatus = 'on-track' | 'delayed' | 'completed' | 'not-started';

export interface ProjectReportText {
  thisPeriod: string;
  nextPeriodPlan: string;
  status: ScenarioProjectStatus;
  noteToArr?: string;
}

function fill(template: string, prng: Prng): string {
  return template.replace('{n}', String(prng.int(2, 40)));
}

/** What a contact person writes about one project; `prng` should be forked per project and period. */
export function projectReportText(input: { areaId: string | null; previousPlan: string; prng: Prng }): ProjectReportText {
  const { prng } = input;
  const phrases = AREA_PHRASES[input.areaId ?? ''] ?? AREA_PHRASES.general!;
  const roll = prng.next();
  const status: ScenarioProjectStatus = roll < 0.72 ? 'on-track' : roll < 0.87 ? 'delayed' : roll < 0.95 ? 'completed' : 'not-started';
  const done = prng.shuffle(phrases.done).slice(0, prng.int(2, 3)).map((sentence) => fill(sentence, prng));
  const opening = input.previousPlan === '' || status === 'not-started' ? [] : [prng.pick(FOLLOW_UP)];
  const thisPeriod =
    status === 'not-started'
      ? 'Projekt zatím nebyl zahájen, probíhá příprava zadávací dokumentace.'
      : [...opening, ...done, ...(status === 'delayed' ? [prng.pick(phrases.delay)] : [])].join(' ');
  const nextPeriodPlan =
    status === 'completed'
      ? 'Projekt je dokončen, v příštím období bude sledován jeho provoz a udržitelnost.'
      : prng.shuffle(phrases.next).slice(0, 2).join(' ');
  return {
    thisPeriod,
    nextPeriodPlan,
    status,
    ...(prng.chance(0.12) ? { noteToArr: prng.pick(NOTES_TO_ARR) } : {}),
  };
}

/** An edit adds a correction to what was sent, as people do when they notice a mistake. */
export function correctedText(previous: ProjectReportText, prng: Prng): ProjectReportText {
  return { ...previous, thisPeriod: `${previous.thisPeriod} ${prng.pick(CORRECTIONS)}` };
}

const CZECH_MONTHS = [
  'leden', 'únor', 'březen', 'duben', 'květen', 'červen',
  'červenec', 'srpen', 'září', 'říjen', 'listopad', 'prosinec',
];

function monthsOf(period: Period): string[] {
  const first = period.half === 1 ? 1 : 7;
  return Array.from({ length: 6 }, (_, index) => `${period.year}-${String(first + index).padStart(2, '0')}`);
}

function dayIn(month: string, day: number): string {
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * ARR's chapters 1, 2, 4 and 5 for a period, in the spirit of the 2025 reports: the events
 * ARR attended, its press releases, the payment portal's month-by-month table and the AI
 * working group. `activeMunicipalities` keeps chapter 4 in step with indicator EK-5.
 */
export function agencyChapters(period: Period, prng: Prng, activeMunicipalities: number): AgencySectionData {
  const months = monthsOf(period);
  const monthName = (month: string) => CZECH_MONTHS[Number(month.slice(5)) - 1]!;
  return {
    trends: {
      events: [
        { month: months[0]!, name: 'Setkání pracovní skupiny pro otevřená data RVIS (on-line)' },
        { month: months[1]!, name: 'Školení pro úředníky KÚ LK – Datový portál Libereckého kraje' },
        { month: months[2]!, name: 'Konference Smart Cities – umělá inteligence ve veřejné správě, Praha' },
        { month: months[3]!, name: 'Školení Kyberbezpečnost pro obce – Magistrát města Jablonec nad Nisou' },
        { month: months[4]!, name: 'Setkání krajských datových portálů' },
        ...(prng.chance(0.5) ? [{ month: months[5]!, name: 'Webinář Národní agentury pro komunikační a informační technologie k eGovernmentu' }] : []),
      ],
      smartDocuments: [
        'Metodika Smart Cities – Ministerstvo pro místní rozvoj, aktualizace',
        'Strategie rozvoje umělé inteligence ve veřejné správě (pracovní verze)',
      ],
      opportunities: [
        'Využití umělé inteligence pro sumarizaci podkladů do jednání rady a zastupitelstva kraje.',
        ...(period.half === 1
          ? ['Sdílené nabíjecí stanice pro služební elektromobily krajských organizací.']
          : ['Rozšíření Platebního portálu o platby za vstupné do krajských příspěvkových organizací.']),
      ],
    },
    communication: {
      mediaPresentations: [
        {
          title: 'Digitální kavárna ukázala pedagogům, jak využít umělou inteligenci ve výuce',
          publishedOn: dayIn(months[1]!, 12),
          form: 'tisková zpráva na webu LK',
          link: 'https://www.liberecky-kraj.cz/',
        },
        { title: 'Datový portál Libereckého kraje nabízí nové datové sady o dopravě', publishedOn: dayIn(months[2]!, 4), form: 'tisková zpráva na 1012+' },
        {
          title: 'Krajský úřad uspořádal workshop o kybernetické bezpečnosti pro obce',
          publishedOn: dayIn(months[3]!, 21),
          form: 'tisková zpráva na webu LK a 1012+',
        },
        { title: `Platební portál kraje využívá už ${activeMunicipalities} obcí`, publishedOn: dayIn(months[4]!, 9), form: 'tisková zpráva na webu LK' },
      ],
      partnershipMeetings: [
        {
          title: 'Spolupráce na vytvoření celostátní sítě SMART pro municipality',
          date: dayIn(months[2]!, 18),
          details: 'Setkání členů sítě SMART: sdílení zkušeností inovačních brokerů a příprava společných projektů.',
        },
        {
          title: 'Setkání Řídící skupiny koncepce Chytřejší kraj pro Liberecký kraj',
          date: dayIn(months[4]!, 14),
          details: 'Projednání monitorovací zprávy za předchozí pololetí a plánu aktivit na další období.',
        },
      ],
    },
    'payment-portal': {
      activitiesThisPeriod:
        'Byla zajištěna technická asistence aktivním uživatelům platebního portálu při nastavování a využívání služeb. ' +
        'Byly osloveny další obce v Libereckém kraji a portál byl představen na setkání starostů. ' +
        `Pokračoval vývoj nových funkcí portálu (${monthName(months[0]!)}–${monthName(months[5]!)} ${period.year}).`,
      activeMunicipalities,
      activeServices: 217 + prng.int(4, 20),
      municipalitiesInPreparation: prng.int(10, 17),
      interestedMunicipalities: prng.int(3, 6),
      monthlyPayments: months.map((month) => {
        const count = prng.int(30, 70);
        return { month, count, volumeCzk: count * prng.int(900, 1300) };
      }),
      nextPeriodPlan:
        'Postupně budou oslovovány obce, které projevily zájem o platební portál, a nastaví se jejich požadované služby. ' +
        'Plánuje se dokončení platby kryptoměnou a přihlášení přes Národní identitní autoritu.',
    },
    'area-narratives': {
      areas: [
        {
          activityAreaId: 'stredni-skoly',
          text:
            'V rámci projektu Smart Akcelerátor Libereckého kraje III je realizována platforma digitalizace ve školství. ' +
            'Ve sledovaném období proběhla setkání zástupců škol a odborníků, tzv. Digitální kavárny, na tato témata:\n' +
            '- Spisová služba ve školách: jak ji zvládnout digitálně a bez stresu,\n' +
            '- Robotické hračky jako pomocník a motivační nástroj ve výuce.',
        },
        {
          activityAreaId: 'digitalni-vek',
          text:
            'V současné době je v realizaci projekt EDIH NEB, jehož hlavním cílem je podpora digitální transformace malých a středních podniků, ' +
            'startupů a veřejných subjektů poskytováním služeb zaměřených na pokročilé digitální technologie, zejména umělou inteligenci.',
        },
      ],
    },
    'other-activities': {
      workingGroups: [
        {
          name: 'Pracovní skupina pro umělou inteligenci',
          meetings: [
            {
              date: dayIn(months[1]!, 11),
              topics: 'Vyhodnocení provozu chatbota na webovém portálu kraje a návrh dalších otázek, které má umět zodpovědět.',
            },
            {
              date: dayIn(months[3]!, 15),
              topics: 'Návrh směrnice k využívání nástrojů umělé inteligence na krajském úřadě; informace z mezikrajské AI platformy.',
            },
          ],
        },
      ],
      coordinationMeetings: [
        {
          title: 'Porada ARR s garanty oblastí aktivit',
          date: dayIn(months[5]!, 10),
          details: 'Příprava monitorovací zprávy, kontrola úplnosti podkladů a indikátorů.',
        },
      ],
    },
  };
}
