import { describe, expect, it } from 'vitest';
import nbPlan from '../../locales/nb/plan.json';
import { BUILT_IN_CARDS, CAUSE_IDS, type CardId, type CauseId } from './catalog';
import {
  CUSTOM_MEASURE_MAX_LENGTH,
  type CustomMeasure,
  MEASURE_CATEGORIES,
  MEASURES,
  type MeasureId,
  checkCustomMeasure,
  createCustomMeasure,
  rewordCustomMeasure,
  foldForSearch,
  isCustomMeasureId,
  isGeneralMeasure,
  isMeasureId,
  measureById,
  searchMeasures,
  suggestMeasures,
} from './measures';

const nb = (id: MeasureId): string => nbPlan.measure[id];
const bankIndex = (id: MeasureId) => MEASURES.findIndex((m) => m.id === id);

describe('the measures bank', () => {
  it('has at least 60 measures, at least 3 in every category', () => {
    expect(MEASURES.length).toBeGreaterThanOrEqual(60);
    for (const category of MEASURE_CATEGORIES) {
      expect(MEASURES.filter((m) => m.category === category).length, category).toBeGreaterThanOrEqual(3);
    }
  });

  it('has twelve categories, and every measure belongs to one of them', () => {
    expect(MEASURE_CATEGORIES).toHaveLength(12);
    expect(new Set(MEASURE_CATEGORIES).size).toBe(12);
    expect(MEASURES.filter((m) => !MEASURE_CATEGORIES.includes(m.category))).toEqual([]);
  });

  it('keeps the measures grouped by category, in category order', () => {
    const order = MEASURES.map((m) => MEASURE_CATEGORIES.indexOf(m.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('has unique kebab-case ids that no custom measure can take', () => {
    const ids = MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(isCustomMeasureId(id)).toBe(false);
      expect(isMeasureId(id)).toBe(true);
      expect(measureById(id).id).toBe(id);
    }
    expect(isMeasureId('tiltak-x')).toBe(false);
  });

  it('tags only real built-in cards and cause boxes, each once', () => {
    const cards = new Set<string>(BUILT_IN_CARDS.map((c) => c.id));
    const causes = new Set<string>(CAUSE_IDS);
    for (const m of MEASURES) {
      expect(
        m.cards.filter((card) => !cards.has(card)),
        m.id,
      ).toEqual([]);
      expect(
        m.causes.filter((cause) => !causes.has(cause)),
        m.id,
      ).toEqual([]);
      expect(new Set(m.cards).size, m.id).toBe(m.cards.length);
      expect(new Set(m.causes).size, m.id).toBe(m.causes.length);
    }
  });

  it('has some general measures that fit any pupil', () => {
    expect(MEASURES.filter(isGeneralMeasure).length).toBeGreaterThan(0);
  });
});

describe('suggestMeasures: the must-have mappings', () => {
  const first = (card: CardId) => suggestMeasures([card], [])[0];
  const top = (cards: CardId[], causes: CauseId[] = [], limit = 6) => suggestMeasures(cards, causes, limit);

  it('changing room → changing alone or at another time', () => {
    expect(first('gym-garderobe')).toBe('garderobe-alene');
  });

  it('shower → no shower required, or showering alone', () => {
    expect(first('gym-dusje')).toBe('dusj-frivillig');
  });

  it('presenting to the class → presenting to the teacher alone first', () => {
    expect(first('presentere-for-klassen')).toBe('presentere-for-laerer-forst');
    expect(top(['presentere-for-klassen'])).toContain('presentere-med-video');
  });

  it('reading aloud in class → reading to the teacher alone first', () => {
    expect(first('lese-hoyt-i-klassen')).toBe('lese-for-laerer-forst');
  });

  it('leaving mum or dad → met by a fixed adult at the gate', () => {
    expect(first('forlate-mor-far')).toBe('moter-ved-porten');
  });

  it('the bell and going in → coming in before the others or by another door', () => {
    expect(first('inn-nar-det-ringer')).toBe('inn-for-de-andre');
    expect(top(['inn-i-skolegarden'], [], 3)).toContain('inn-for-de-andre');
  });

  it('the bus → a fixed seat, a buddy, being driven at first', () => {
    expect(top(['buss-til-skolen'], [], 3)).toEqual(['fast-plass-i-bussen', 'kjoring-i-starten', 'folge-med-medelev']);
  });

  it('breaks → an organised break activity with an adult', () => {
    expect(first('friminutt')).toBe('organisert-friminutt');
  });

  it('tests in class → a separate room, an oral test, extra time', () => {
    expect(top(['prover-i-klassen'], [], 3)).toEqual(['prove-eget-rom', 'muntlig-prove', 'ekstra-tid-pa-prover']);
  });

  it('eating in class → eating somewhere quieter', () => {
    expect(first('spise-i-klassen')).toBe('spise-et-rolig-sted');
  });

  it('talking with classmates → a planned buddy', () => {
    expect(first('snakke-med-medelever')).toBe('fast-makker');
  });

  it('a named teacher → a talk with that teacher, and a fixed contact adult', () => {
    for (const teacher of ['laerer-1', 'laerer-2', 'laerer-3'] as const) {
      expect(top([teacher], [], 2)).toEqual(['samtale-med-laereren', 'fast-kontaktvoksen']);
    }
  });

  it('falling behind in subjects → an adjusted workload', () => {
    expect(top([], ['faglig'])[0]).toBe('tilpasset-arbeidsmengde');
  });

  it('sleep → working with the health nurse', () => {
    expect(top([], ['sovn'], 3)).toContain('helsesykepleier-sovn');
  });

  it('problems at home → a talk with the parents, and support services', () => {
    const home = top([], ['hjemme']);
    expect(home).toContain('samtale-med-foresatte');
    expect(home).toContain('involvere-hjelpetjenester');
  });
});

describe('suggestMeasures: order and limit', () => {
  it('gives six by default, and honours a limit', () => {
    expect(suggestMeasures(['klasserommet'], ['engstelig'])).toHaveLength(6);
    expect(suggestMeasures(['klasserommet'], ['engstelig'], 2)).toHaveLength(2);
    expect(suggestMeasures(['klasserommet'], ['engstelig'], 200)).toHaveLength(
      new Set(suggestMeasures(['klasserommet'], ['engstelig'], 200)).size,
    );
    expect(suggestMeasures(['klasserommet'], [], 0)).toEqual([]);
    expect(suggestMeasures(['klasserommet'], [], -3)).toEqual([]);
  });

  it('puts more matching cards first, then more matching causes, then bank order', () => {
    const cards: CardId[] = ['klasserommet', 'jobbe-individuelt', 'prover-i-klassen'];
    const causes: CauseId[] = ['stress', 'engstelig'];
    const ids = suggestMeasures(cards, causes, 1000);
    const score = (id: MeasureId) => {
      const m = measureById(id);
      return [
        m.cards.filter((c) => cards.includes(c)).length,
        m.causes.filter((c) => causes.includes(c)).length,
        -bankIndex(id),
      ];
    };
    const matching = ids.filter((id) => !isGeneralMeasure(measureById(id)));
    for (let i = 1; i < matching.length; i++) {
      const [a, b] = [score(matching[i - 1]!), score(matching[i]!)];
      const before = a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! > b[2]!)));
      expect(before, `${matching[i - 1]} before ${matching[i]}`).toBe(true);
    }
    // Two cards beat one: the own work room fits both the classroom and working alone.
    expect(ids.indexOf('eget-arbeidsrom')).toBeLessThan(ids.indexOf('mote-i-klasserommet'));
  });

  it('names every measure once, even when cards or causes repeat', () => {
    const ids = suggestMeasures(['gym-garderobe', 'gym-garderobe', 'gym-gymsal'], ['engstelig', 'engstelig'], 1000);
    expect(new Set(ids).size).toBe(ids.length);
    const once = suggestMeasures(['gym-garderobe', 'gym-gymsal'], ['engstelig'], 1000);
    expect(ids).toEqual(once);
  });

  it('leaves out measures made for other situations only', () => {
    const ids = suggestMeasures(['gym-dusje'], [], 1000);
    expect(ids).not.toContain('garderobe-alene');
    expect(ids).not.toContain('prove-eget-rom');
  });

  it('never ranks a general measure above a matching one', () => {
    const ids = suggestMeasures(['gym-dusje'], [], 1000);
    const firstGeneral = ids.findIndex((id) => isGeneralMeasure(measureById(id)));
    const lastMatching = ids.findLastIndex((id) => !isGeneralMeasure(measureById(id)));
    expect(lastMatching).toBeLessThan(firstGeneral);
    expect(ids[0]).toBe('dusj-frivillig');
    expect(ids.slice(1).every((id) => isGeneralMeasure(measureById(id)))).toBe(true);
  });

  it('offers general measures in bank order when nothing is chosen, and ignores custom cards', () => {
    const general = MEASURES.filter(isGeneralMeasure).map((m) => m.id);
    expect(suggestMeasures([], [])).toEqual(general.slice(0, 6));
    expect(suggestMeasures(['egen-hesten-min'], [])).toEqual(general.slice(0, 6));
  });

  it('is deterministic and does not change its inputs', () => {
    const cards: CardId[] = ['friminutt', 'buss-til-skolen'];
    const causes: CauseId[] = ['venner'];
    expect(suggestMeasures(cards, causes)).toEqual(suggestMeasures(cards, causes));
    expect(cards).toEqual(['friminutt', 'buss-til-skolen']);
    expect(causes).toEqual(['venner']);
  });
});

describe('searchMeasures', () => {
  it('finds everything in bank order with no query and no filter', () => {
    expect(searchMeasures('', nb)).toEqual(MEASURES.map((m) => m.id));
    expect(searchMeasures('   ', nb, {})).toEqual(MEASURES.map((m) => m.id));
  });

  it('filters by category', () => {
    const ids = searchMeasures('', nb, { category: 'krav' });
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids.every((id) => measureById(id).category === 'krav')).toBe(true);
    expect(ids).toContain('ekstra-tid-pa-prover');
  });

  it('filters by card', () => {
    const ids = searchMeasures('', nb, { card: 'gym-garderobe' });
    expect(ids).toEqual(['garderobe-alene', 'gym-annen-aktivitet']);
    expect(searchMeasures('', nb, { card: 'egen-noe' })).toEqual([]);
  });

  it('combines category, card and text', () => {
    expect(searchMeasures('', nb, { category: 'oppmote', card: 'buss-til-skolen' })).toEqual([
      'fast-plass-i-bussen',
      'kjoring-i-starten',
    ]);
    expect(searchMeasures('sjåføren', nb, { category: 'oppmote', card: 'buss-til-skolen' })).toEqual([
      'fast-plass-i-bussen',
    ]);
    expect(searchMeasures('sjåføren', nb, { category: 'krav' })).toEqual([]);
  });

  it('searches the given words, ignoring case and accents, in bank order', () => {
    expect(searchMeasures('garderobe', nb)).toEqual(['garderobe-alene']);
    expect(searchMeasures('Garderobe', nb)).toEqual(['garderobe-alene']);
    expect(searchMeasures('GARDEROBE', nb)).toEqual(['garderobe-alene']);
    expect(searchMeasures('hoyt', nb)).toContain('lese-for-laerer-forst');
    expect(searchMeasures('høyt', nb)).toEqual(searchMeasures('hoyt', nb));
    expect(searchMeasures('laereren', nb)).toEqual(searchMeasures('læreren', nb));
    expect(searchMeasures('skolegarden', nb)).toContain('besok-skolegarden');
  });

  it('needs every word of the query, in any order', () => {
    expect(searchMeasures('alene læreren høyt', nb)).toEqual(['lese-for-laerer-forst']);
    const both = searchMeasures('prøver tid', nb);
    expect(both).toContain('ekstra-tid-pa-prover');
    expect(both.every((id) => /prøver/i.test(nb(id)) && /tid/i.test(nb(id)))).toBe(true);
  });

  it('searches the texts it is given, not the ids', () => {
    const english = (id: MeasureId) => (id === 'garderobe-alene' ? 'Changes alone in a separate room' : '');
    expect(searchMeasures('garderobe', english)).toEqual([]);
    expect(searchMeasures('separate', english)).toEqual(['garderobe-alene']);
  });

  it('folds text like the card ids spell it', () => {
    expect(foldForSearch('  Høyt FOR Læreren på  Skolegården ')).toBe('hoyt for laereren pa skolegarden');
    expect(foldForSearch('Élève')).toBe('eleve');
  });
});

describe('custom measures', () => {
  const existing: CustomMeasure[] = [createCustomMeasure('  Eleven får låne en iPad ', 'krav', 'ipad')];

  it('creates a custom measure with a prefixed id and trimmed text', () => {
    expect(existing[0]).toEqual({
      kind: 'custom',
      id: 'tiltak-ipad',
      category: 'krav',
      text: 'Eleven får låne en iPad',
    });
    expect(isCustomMeasureId('tiltak-ipad')).toBe(true);
    expect(isCustomMeasureId('egen-ipad')).toBe(false);
    expect(isCustomMeasureId('tiltak-')).toBe(false);
  });

  it('refuses an empty or blank measure', () => {
    expect(checkCustomMeasure('', [])).toBe('empty');
    expect(checkCustomMeasure(' \n\t ', [])).toBe('empty');
  });

  it('accepts 200 characters and refuses 201, measured after trimming', () => {
    expect(CUSTOM_MEASURE_MAX_LENGTH).toBe(200);
    expect(checkCustomMeasure('a'.repeat(200), [])).toBeNull();
    expect(checkCustomMeasure(`  ${'a'.repeat(200)}  `, [])).toBeNull();
    expect(checkCustomMeasure('a'.repeat(201), [])).toBe('too-long');
  });

  it('refuses a duplicate, ignoring case and spacing', () => {
    expect(checkCustomMeasure('eleven får låne en ipad', existing)).toBe('duplicate');
    expect(checkCustomMeasure('  Eleven  får låne en iPad  ', existing)).toBe('duplicate');
    expect(checkCustomMeasure('Eleven får låne en PC', existing)).toBeNull();
  });

  describe('in new words', () => {
    const typo = createCustomMeasure('Fast plas ved døra', 'struktur', 'plass');
    const list = [...existing, typo];

    it('rewords one measure, trimmed, keeping its id, its category and its place in the list', () => {
      const result = rewordCustomMeasure(list, typo.id, '  Fast plass ved døra ');
      expect(result).toEqual({ ok: true, measures: [existing[0], { ...typo, text: 'Fast plass ved døra' }] });
    });

    it('checks the new words as a new measure, against the others only', () => {
      expect(rewordCustomMeasure(list, typo.id, ' ')).toEqual({ ok: false, problem: 'empty' });
      expect(rewordCustomMeasure(list, typo.id, 'a'.repeat(201))).toEqual({ ok: false, problem: 'too-long' });
      expect(rewordCustomMeasure(list, typo.id, 'eleven får låne en IPAD')).toEqual({
        ok: false,
        problem: 'duplicate',
      });
      // Its own words in other case or spacing are not a duplicate of itself.
      expect(rewordCustomMeasure(list, typo.id, 'fast  PLAS ved døra')).toMatchObject({ ok: true });
    });

    it('returns the same list when the words are unchanged', () => {
      const result = rewordCustomMeasure(list, typo.id, ' Fast plas ved døra ');
      expect(result.ok && result.measures).toBe(list);
    });
  });
});
