/**
 * The measures bank ("tiltaksbank", seed 003 part 2): what a school can do, in twelve
 * categories, each measure tagged with the situation cards and cause boxes it fits. The
 * graded list says which situations are hardest; the bank suggests what could make them
 * easier, so that the adult and the pupil can choose measures for the step-up plan and
 * the cooperation agreement together. Ids only; the words live in the adult's languages,
 * in locales/<lng>/plan.json (`category.<id>`, `measure.<id>`).
 */

import type { BuiltInCardId, CardId, CauseId, TeacherCardId } from './catalog';

export const MEASURE_CATEGORIES = [
  'kartlegging',
  'trygghet',
  'oppmote',
  'samtaler',
  'struktur',
  'krav',
  'sosial-deltakelse',
  'voksenrelasjon',
  'medelever',
  'klassemiljo',
  'forsterkning',
  'overganger',
] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

function measure<const Id extends string>(
  id: Id,
  category: MeasureCategory,
  cards: readonly BuiltInCardId[] = [],
  causes: readonly CauseId[] = [],
) {
  return { id, category, cards, causes };
}

const TEACHERS: readonly TeacherCardId[] = ['laerer-1', 'laerer-2', 'laerer-3'];
const TESTS: readonly BuiltInCardId[] = ['prover-i-klassen', 'prover-pa-gruppe', 'prover-individuelt'];
const GYM: readonly BuiltInCardId[] = ['gym-gymsal', 'gym-ute'];
const THEORY_SUBJECTS: readonly BuiltInCardId[] = [
  'matte',
  'engelsk',
  'norsk',
  'samfunnsfag',
  'krle',
  'naturfag',
  'fremmedsprak',
];
const PRACTICAL_SUBJECTS: readonly BuiltInCardId[] = ['kunst-og-handverk', 'mat-og-helse', 'musikk', 'valgfag'];
const GROUP_WORK: readonly BuiltInCardId[] = ['samarbeide', 'liten-gruppe', 'prover-pa-gruppe', 'presentere-i-gruppe'];

/**
 * The built-in bank, in the order the adult browses it: by category, and within a
 * category the measures that fit particular cards before the general ones. A measure
 * with no cards and no causes is general: it fits any pupil.
 */
const BANK = [
  // 1. Cause mapping: find out what starts and what keeps the absence going.
  measure('kartlegge-med-eleven', 'kartlegging'),
  measure('kartlegge-foresatte', 'kartlegging', [], ['hjemme']),
  measure('kartlegge-skolen', 'kartlegging'),
  measure('fravaersmonster', 'kartlegging', [...THEORY_SUBJECTS, ...PRACTICAL_SUBJECTS, ...GYM]),
  measure('hensikt-med-skolen', 'kartlegging', [], ['trist', 'skole-vanskelig']),
  measure('helse-avklaring', 'kartlegging', [], ['fysisk-syk']),
  measure('tidlige-tiltak', 'kartlegging'),

  // 2. More safety and predictability around the return.
  measure('besok-skolegarden', 'trygghet', ['inn-i-skolegarden', 'ga-til-skolen'], ['engstelig', 'redd']),
  measure('besok-vanskelige-rom', 'trygghet', ['gym-gymsal', 'toalett'], ['engstelig', 'redd']),
  measure('toalett-skjermet', 'trygghet', ['toalett'], ['engstelig', 'fysisk-syk']),
  measure('mote-i-klasserommet', 'trygghet', ['klasserommet'], ['engstelig', 'redd']),
  measure('eget-arbeidsrom', 'trygghet', ['klasserommet', 'jobbe-individuelt'], ['engstelig', 'stress']),
  measure('liten-gruppe-en-periode', 'trygghet', ['klasserommet', 'liten-gruppe'], ['engstelig', 'venner']),
  measure('favorittfag-forst', 'trygghet', [], ['skole-vanskelig', 'engstelig']),
  measure('trygt-sted', 'trygghet', [], ['engstelig', 'stress', 'fysisk-syk']),

  // 3. Plan for attendance: getting there, every day.
  measure('inn-for-de-andre', 'oppmote', ['inn-nar-det-ringer', 'inn-i-skolegarden'], ['engstelig', 'redd']),
  measure('moter-ved-porten', 'oppmote', ['forlate-mor-far', 'kjort-til-skolen', 'inn-i-skolegarden'], ['engstelig']),
  measure('fast-plass-i-bussen', 'oppmote', ['buss-til-skolen'], ['engstelig']),
  measure('kjoring-i-starten', 'oppmote', ['buss-til-skolen', 'ga-til-skolen'], ['redd']),
  measure('folge-til-skolen', 'oppmote', ['ga-til-skolen', 'forlate-mor-far'], ['engstelig', 'redd']),
  measure('apent-klasserom-om-morgenen', 'oppmote', ['inn-nar-det-ringer', 'inn-i-skolegarden'], ['venner']),
  measure('morgenrutine', 'oppmote', ['forlate-mor-far'], ['sovn', 'hjemme']),
  measure('kveldsrutine', 'oppmote', [], ['sovn']),
  measure('morgenmelding', 'oppmote', [], ['engstelig', 'trist']),
  measure('gradvis-tilbakeforing', 'oppmote'),
  measure('plan-b', 'oppmote'),

  // 4. Talks and guidance.
  measure('samtale-med-laereren', 'samtaler', TEACHERS, ['redd', 'skole-vanskelig']),
  measure('samtaler-med-kontaktlaerer', 'samtaler', [], ['trist', 'stress', 'skole-vanskelig']),
  measure('helsesykepleier-sovn', 'samtaler', [], ['sovn']),
  measure('samtaler-med-helsesykepleier', 'samtaler', [], ['trist', 'engstelig', 'fysisk-syk', 'stress']),
  measure('samtale-med-foresatte', 'samtaler', [], ['hjemme']),
  measure('involvere-hjelpetjenester', 'samtaler', [], ['hjemme', 'trist', 'engstelig']),
  measure('foreldreveiledning', 'samtaler', ['forlate-mor-far'], ['engstelig', 'hjemme']),
  measure('fremtidssamtale', 'samtaler', [], ['trist']),

  // 5. Structure and predictability in the school day.
  measure('dagsplan', 'struktur', ['klasserommet'], ['engstelig', 'stress']),
  measure('pause-i-timeplanen', 'struktur', ['klasserommet'], ['stress', 'engstelig', 'fysisk-syk']),
  measure('arbeidsavtale', 'struktur', ['jobbe-individuelt', 'klasserommet'], ['stress']),
  measure('varsle-endringer', 'struktur', [], ['engstelig']),
  measure('informere-alle-laerere', 'struktur'),
  measure('samarbeidsmoter', 'struktur'),
  measure('boker-pa-skolen', 'struktur', [], ['stress']),

  // 6. Adjusted demands: tests, homework and workload.
  measure('tilpasset-arbeidsmengde', 'krav', ['jobbe-individuelt'], ['faglig', 'stress']),
  measure('prove-eget-rom', 'krav', TESTS, ['engstelig', 'stress']),
  measure('muntlig-prove', 'krav', ['prover-i-klassen', 'prover-individuelt'], ['engstelig', 'faglig']),
  measure('ekstra-tid-pa-prover', 'krav', TESTS, ['stress', 'faglig']),
  measure('ekstra-hjelp-i-fag', 'krav', [...THEORY_SUBJECTS, 'be-om-hjelp'], ['faglig']),
  measure('fritak-fra-lekser', 'krav', [], ['faglig', 'stress', 'hjemme']),
  measure('ove-pa-prover', 'krav', TESTS, ['engstelig']),
  measure('frister-sammen', 'krav', ['prover-i-klassen'], ['stress', 'faglig']),
  measure('frisk-start', 'krav', [], ['faglig', 'stress']),

  // 7. Adjusted social participation.
  measure('garderobe-alene', 'sosial-deltakelse', ['gym-garderobe'], ['engstelig']),
  measure('dusj-frivillig', 'sosial-deltakelse', ['gym-dusje'], ['engstelig']),
  measure(
    'presentere-for-laerer-forst',
    'sosial-deltakelse',
    ['presentere-for-klassen', 'presentere-i-gruppe'],
    ['engstelig'],
  ),
  measure('lese-for-laerer-forst', 'sosial-deltakelse', ['lese-hoyt-i-klassen'], ['engstelig']),
  measure('spise-et-rolig-sted', 'sosial-deltakelse', ['spise-i-klassen'], ['engstelig', 'venner']),
  measure('muntlig-etter-avtale', 'sosial-deltakelse', ['svare-muntlig-i-klassen'], ['engstelig']),
  measure('presentere-med-video', 'sosial-deltakelse', ['presentere-for-klassen', 'presentere-i-gruppe'], []),
  measure('forberede-praktiske-timer', 'sosial-deltakelse', [...GYM, ...PRACTICAL_SUBJECTS], ['engstelig']),
  measure('gym-for-laereren-alene', 'sosial-deltakelse', GYM, ['engstelig']),
  measure('gym-annen-aktivitet', 'sosial-deltakelse', [...GYM, 'gym-garderobe'], ['engstelig', 'fysisk-syk']),
  measure('gjennomtenkte-grupper', 'sosial-deltakelse', GROUP_WORK, ['venner']),
  measure('ikke-skille-seg-ut', 'sosial-deltakelse'),

  // 8. Stronger adult relations.
  measure('fast-kontaktvoksen', 'voksenrelasjon', [...TEACHERS, 'snakke-med-voksne'], ['engstelig', 'trist', 'redd']),
  measure('hjelpetegn', 'voksenrelasjon', ['be-om-hjelp'], ['engstelig']),
  measure(
    'bli-kjent',
    'voksenrelasjon',
    ['snakke-med-voksne', 'svare-alene-med-laerer', 'lese-hoyt-for-laerer', 'presentere-for-laerer'],
    ['trist'],
  ),
  measure('skriftlig-kontakt', 'voksenrelasjon', ['snakke-med-voksne', 'be-om-hjelp'], ['engstelig']),
  measure('vise-at-eleven-savnes', 'voksenrelasjon', [], ['trist']),
  measure('hjemmebesok', 'voksenrelasjon', [], ['hjemme']),
  measure('andre-viktige-voksne', 'voksenrelasjon', [], ['hjemme', 'trist']),

  // 9. Stronger peer relations.
  measure('organisert-friminutt', 'medelever', ['friminutt'], ['venner']),
  measure('fast-makker', 'medelever', ['snakke-med-medelever', 'samarbeide', 'friminutt'], ['venner']),
  measure('folge-med-medelev', 'medelever', ['buss-til-skolen', 'ga-til-skolen', 'ga-hjem'], ['venner']),
  measure('trygge-grupper', 'medelever', GROUP_WORK, ['venner']),
  measure('gjennomtenkt-plassering', 'medelever', ['klasserommet'], ['venner']),
  measure('vise-fram-interesser', 'medelever', ['samarbeide'], ['venner', 'trist']),
  measure('kontakt-med-klassen', 'medelever', [], ['venner', 'trist']),

  // 10. Class climate and culture.
  measure('klasseregler', 'klassemiljo', ['klasserommet'], ['venner', 'skole-vanskelig']),
  measure('handtere-mobbing', 'klassemiljo', [], ['venner', 'redd']),
  measure('innsats-for-resultat', 'klassemiljo', [], ['stress', 'faglig']),
  measure('klassens-time', 'klassemiljo', [], ['venner']),
  measure('samarbeidsovelser', 'klassemiljo', ['samarbeide'], ['venner']),
  measure('trivselsundersokelse', 'klassemiljo'),

  // 11. Reinforcement.
  measure('poengavtale', 'forsterkning'),
  measure('rose-sma-steg', 'forsterkning'),
  measure('felles-belonning', 'forsterkning', [], ['venner']),
  measure('gode-stunder-hjemme', 'forsterkning', [], ['hjemme', 'trist']),
  measure('elevens-onsker', 'forsterkning', [], ['skole-vanskelig', 'trist']),
  measure('arbeidspraksis', 'forsterkning', [], ['skole-vanskelig', 'faglig']),

  // 12. Transitions: holidays, new year, new class, new school.
  measure('forberede-det-som-kommer', 'overganger', [], ['engstelig']),
  measure('kontakt-i-ferien', 'overganger', [], ['engstelig', 'trist']),
  measure('besok-ny-skole', 'overganger', [], ['engstelig', 'redd']),
  measure('omvisning-med-ny-laerer', 'overganger', [], ['engstelig']),
  measure('oppstartsmote', 'overganger'),
  measure('fadderordning', 'overganger', [], ['venner']),
  measure('oppfolging-ved-skolevalg', 'overganger', [], ['stress']),
] as const;

export type MeasureId = (typeof BANK)[number]['id'];

export interface Measure {
  readonly id: MeasureId;
  readonly category: MeasureCategory;
  /** The situation cards this measure helps with; none for a general measure. */
  readonly cards: readonly CardId[];
  /** The cause boxes this measure answers; none for a general measure. */
  readonly causes: readonly CauseId[];
}

export const MEASURES: readonly Measure[] = BANK;

const BY_ID: ReadonlyMap<string, Measure> = new Map(MEASURES.map((m) => [m.id, m]));

export function isMeasureId(id: string): id is MeasureId {
  return BY_ID.has(id);
}

export function measureById(id: MeasureId): Measure {
  return BY_ID.get(id)!;
}

/** A general measure fits any pupil: it is tagged with no card and no cause. */
export function isGeneralMeasure(m: Measure): boolean {
  return m.cards.length === 0 && m.causes.length === 0;
}

/**
 * The built-in measures that fit the given situations, best first: more matching cards
 * first, then more matching causes, ties in bank order. Measures tagged for other
 * situations only are left out; general measures fill the list after every matching
 * one, so they never outrank a measure that fits.
 */
export function suggestMeasures(cards: readonly CardId[], causes: readonly CauseId[], limit = 6): MeasureId[] {
  if (!(limit > 0)) return [];
  const wantedCards: ReadonlySet<CardId> = new Set(cards);
  const wantedCauses: ReadonlySet<CauseId> = new Set(causes);
  const matching: { id: MeasureId; cards: number; causes: number; index: number }[] = [];
  const general: MeasureId[] = [];
  MEASURES.forEach((m, index) => {
    if (isGeneralMeasure(m)) {
      general.push(m.id);
      return;
    }
    const cardHits = m.cards.filter((card) => wantedCards.has(card)).length;
    const causeHits = m.causes.filter((cause) => wantedCauses.has(cause)).length;
    if (cardHits + causeHits > 0) matching.push({ id: m.id, cards: cardHits, causes: causeHits, index });
  });
  matching.sort((a, b) => b.cards - a.cards || b.causes - a.causes || a.index - b.index);
  return [...matching.map((m) => m.id), ...general].slice(0, Math.floor(limit));
}

/**
 * Folds text for searching: lower case, accents dropped, and the Norwegian letters
 * spelled the way the card ids spell them (æ → ae, ø → o, å → a), so that "hoyt" finds
 * "høyt" and "laerer" finds "lærer".
 */
export function foldForSearch(text: string): string {
  return text
    .toLocaleLowerCase('nb')
    .replace(/æ/g, 'ae')
    .replace(/[øœ]/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface MeasureFilter {
  readonly category?: MeasureCategory;
  readonly card?: CardId;
}

/**
 * The built-in measures in a category and for a card (either optional) whose words
 * contain every word of the query, ignoring case and accents; `texts` gives a measure's
 * words in the adult's language. An empty query finds every measure the filter allows.
 * Ids come back in bank order.
 */
export function searchMeasures(
  query: string,
  texts: (id: MeasureId) => string,
  filter: MeasureFilter = {},
): MeasureId[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  return MEASURES.filter(
    (m) =>
      (filter.category === undefined || m.category === filter.category) &&
      (filter.card === undefined || m.cards.includes(filter.card)) &&
      (words.length === 0 || words.every((word) => foldForSearch(texts(m.id)).includes(word))),
  ).map((m) => m.id);
}

/** Custom measure ids are prefixed so they can never collide with built-in ids. */
export type CustomMeasureId = `tiltak-${string}`;

/** A measure the adult writes because none in the bank fits. */
export interface CustomMeasure {
  readonly kind: 'custom';
  readonly id: CustomMeasureId;
  readonly category: MeasureCategory;
  /** The adult's own words, kept as typed (trimmed). */
  readonly text: string;
}

export const CUSTOM_MEASURE_MAX_LENGTH = 200;

export type CustomMeasureProblem = 'empty' | 'too-long' | 'duplicate';

export function checkCustomMeasure(raw: string, existing: readonly CustomMeasure[]): CustomMeasureProblem | null {
  const text = raw.trim();
  if (text === '') return 'empty';
  if (text.length > CUSTOM_MEASURE_MAX_LENGTH) return 'too-long';
  const folded = text.toLocaleLowerCase().replace(/\s+/g, ' ');
  if (existing.some((m) => m.text.trim().toLocaleLowerCase().replace(/\s+/g, ' ') === folded)) return 'duplicate';
  return null;
}

/**
 * One of a list of measures in new words (the school's own list, in the settings). The
 * words are checked as a new measure's are, against the others in the list; the id and
 * the category stay, and plans keep the copies they took. Unchanged words change nothing.
 */
export function rewordCustomMeasure(
  measures: readonly CustomMeasure[],
  id: CustomMeasureId,
  raw: string,
): { ok: true; measures: readonly CustomMeasure[] } | { ok: false; problem: CustomMeasureProblem } {
  const problem = checkCustomMeasure(
    raw,
    measures.filter((measure) => measure.id !== id),
  );
  if (problem) return { ok: false, problem };
  const text = raw.trim();
  if (measures.every((measure) => measure.id !== id || measure.text === text)) return { ok: true, measures };
  return { ok: true, measures: measures.map((measure) => (measure.id === id ? { ...measure, text } : measure)) };
}

export function isCustomMeasureId(id: string): id is CustomMeasureId {
  return /^tiltak-[A-Za-z0-9-]{1,64}$/.test(id);
}

export function createCustomMeasure(text: string, category: MeasureCategory, idSuffix: string): CustomMeasure {
  return { kind: 'custom', id: `tiltak-${idSuffix}`, category, text: text.trim() };
}
