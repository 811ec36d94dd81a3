// Every locale must carry every key of the bokmål source, with the same placeholders,
// and every id the domain knows must have a label. A missing text fails here, not in a
// pupil's hands.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CARDS, CAUSE_IDS, DECK_IDS } from '../src/domain/catalog';
import { STEPS } from '../src/domain/conversation';
import { CONCERN_STEPS, GUIDE_TIPS } from '../src/domain/guide';
import { MEASURE_CATEGORIES, MEASURES } from '../src/domain/measures';
import { BEHAVIOUR_IDS, BODY_IDS, FEELING_IDS, THOUGHT_IDS, WISH_IDS } from '../src/domain/prompts';
import { ADULT_LANGUAGES, LANGUAGES } from '../src/lib/i18n';

type Tree = { [key: string]: string | Tree };

const dir = import.meta.dirname;
const load = (language: string, namespace = 'translation'): Tree =>
  JSON.parse(readFileSync(join(dir, language, `${namespace}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const source = flatten(load('nb'));

/**
 * i18next plural keys end in a CLDR category; each language needs its own categories
 * (bokmål: one, other; Polish: one, few, many, other; Arabic: six). A source key
 * `x_one` stands for "x, in every category of the target language".
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;

function expectedKeys(language: string): Map<string, string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const expected = new Map<string, string>();
  for (const [key, text] of source) {
    const plural = PLURAL.exec(key);
    if (!plural) expected.set(key, text);
    else {
      const base = key.slice(0, -plural[0].length);
      for (const category of categories) expected.set(`${base}_${category}`, source.get(`${base}_other`) ?? text);
    }
  }
  return expected;
}
const folders = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('locales', () => {
  it('has a folder for every language the app offers, and offers every folder', () => {
    expect([...folders].sort()).toEqual([...LANGUAGES].sort());
  });

  describe.each(folders.filter((language) => language !== 'nb'))('%s', (language) => {
    const texts = flatten(load(language));
    const expected = expectedKeys(language);

    it("has every key of the source locale, in this language's plural forms, and no others", () => {
      const missing = [...expected.keys()].filter((key) => !texts.has(key));
      const extra = [...texts.keys()].filter((key) => !expected.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('keeps the placeholders of every text', () => {
      const wrong = [...expected].filter(([key, text]) => {
        const translated = texts.get(key);
        if (translated === undefined) return false;
        const want = placeholders(text);
        const got = placeholders(translated);
        // A form for one exact number ("two seconds") may spell the number out.
        const spelled =
          PLURAL.test(key) && !key.endsWith('_other') && want.filter((p) => p !== 'count').join() === got.join();
        return got.join() !== want.join() && !spelled;
      });
      expect(wrong.map(([key]) => key)).toEqual([]);
    });

    it('has no empty text', () => {
      expect([...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    });
  });

  it('labels every card, cause, deck, step, choice and wish the domain knows', () => {
    const needed = [
      ...BUILT_IN_CARDS.map((card) => `card.${card.id}`),
      ...CAUSE_IDS.map((id) => `cause.${id}`),
      ...DECK_IDS.map((id) => `deck.${id}`),
      ...STEPS.map((id) => `steps.${id}`),
      ...FEELING_IDS.map((id) => `feeling.${id}`),
      ...BODY_IDS.map((id) => `body.${id}`),
      ...THOUGHT_IDS.map((id) => `thought.${id}`),
      ...BEHAVIOUR_IDS.map((id) => `behaviour.${id}`),
      ...WISH_IDS.map((id) => `wishes.prompt.${id}`),
    ];
    expect(needed.filter((key) => !source.has(key))).toEqual([]);
  });
});

/**
 * The conversation guide is for the adult only, so its namespace exists in exactly the
 * adult's languages: every one of them has every key of the bokmål guide, and no pupil
 * language carries one that nobody would read.
 */
describe('guide namespace (adult languages only)', () => {
  const guideSource = flatten(load('nb', 'guide'));

  it('is in every adult language and in no other', () => {
    const withGuide = folders.filter((language) => existsSync(join(dir, language, 'guide.json')));
    expect(withGuide.sort()).toEqual([...ADULT_LANGUAGES].sort());
  });

  describe.each(ADULT_LANGUAGES.filter((language) => language !== 'nb'))('%s', (language) => {
    const texts = flatten(load(language, 'guide'));

    it('has every key of the bokmål guide and no others, with the same placeholders', () => {
      const missing = [...guideSource.keys()].filter((key) => !texts.has(key));
      const extra = [...texts.keys()].filter((key) => !guideSource.has(key));
      const wrong = [...guideSource].filter(([key, text]) => {
        const translated = texts.get(key);
        return translated !== undefined && placeholders(translated).join() !== placeholders(text).join();
      });
      expect({ missing, extra, wrong: wrong.map(([key]) => key) }).toEqual({ missing: [], extra: [], wrong: [] });
    });

    it('has no empty text', () => {
      expect([...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    });
  });

  it('words every tip, concern step, feeling and body sign the guide uses', () => {
    const needed = [
      ...STEPS.flatMap((step) =>
        GUIDE_TIPS[step].flatMap((id) => ['advice', 'say', 'sayYoung'].map((part) => `tips.${step}.${id}.${part}`)),
      ),
      ...CONCERN_STEPS.map((id) => `concern.steps.${id}`),
      ...FEELING_IDS.map((id) => `feeling.${id}`),
      ...BODY_IDS.map((id) => `body.${id}`),
    ];
    expect(needed.filter((key) => !guideSource.has(key))).toEqual([]);
    expect([...guideSource].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});

/**
 * The measures bank is read by the adult while planning, so like the guide it exists in
 * exactly the adult's languages, and every category and measure the domain knows has
 * its words there.
 */
describe('plan namespace (adult languages only)', () => {
  const planSource = flatten(load('nb', 'plan'));

  it('is in every adult language and in no other', () => {
    const withPlan = folders.filter((language) => existsSync(join(dir, language, 'plan.json')));
    expect(withPlan.sort()).toEqual([...ADULT_LANGUAGES].sort());
  });

  describe.each(ADULT_LANGUAGES)('%s', (language) => {
    const texts = flatten(load(language, 'plan'));

    it('has every key of the bokmål plan and no others, with the same placeholders', () => {
      const missing = [...planSource.keys()].filter((key) => !texts.has(key));
      const extra = [...texts.keys()].filter((key) => !planSource.has(key));
      const wrong = [...planSource].filter(([key, text]) => {
        const translated = texts.get(key);
        return translated !== undefined && placeholders(translated).join() !== placeholders(text).join();
      });
      expect({ missing, extra, wrong: wrong.map(([key]) => key) }).toEqual({ missing: [], extra: [], wrong: [] });
    });

    it('has no empty text', () => {
      expect([...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    });
  });

  it('names every category and words every measure of the bank', () => {
    const needed = [
      ...MEASURE_CATEGORIES.map((id) => `category.${id}`),
      ...MEASURES.map((measure) => `measure.${measure.id}`),
    ];
    expect(needed.filter((key) => !planSource.has(key))).toEqual([]);
  });

  it('has no words for a category or measure the bank does not know', () => {
    const known = new Set([
      ...MEASURE_CATEGORIES.map((id) => `category.${id}`),
      ...MEASURES.map((measure) => `measure.${measure.id}`),
    ]);
    expect([...planSource.keys()].filter((key) => /^(category|measure)\./.test(key) && !known.has(key))).toEqual([]);
  });
});
