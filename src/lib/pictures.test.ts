import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PICTURE_DIR, pictureFiles } from '../../scripts/pictures.mjs';
import { BUILT_IN_CARDS, CAUSE_IDS } from '../domain/catalog';
import { SCALE_KINDS } from '../domain/conversation';
import { BEHAVIOUR_IDS, BODY_IDS, FEELING_IDS, THOUGHT_IDS, WISH_IDS } from '../domain/prompts';
import map from './pictures.json';
import { PICTURE_LIBRARY, type PictureGroup, isBundledGlyph, pictureOf } from './pictures';

const EXPECTED: Record<PictureGroup, readonly string[]> = {
  cards: BUILT_IN_CARDS.map((card) => card.id),
  causes: CAUSE_IDS,
  thoughts: THOUGHT_IDS,
  feelings: FEELING_IDS,
  body: BODY_IDS,
  behaviour: BEHAVIOUR_IDS,
  wishes: WISH_IDS,
  scale: SCALE_KINDS.flatMap((kind) => [`${kind}-high`, `${kind}-low`]),
};

describe('the picture map', () => {
  it.each(Object.entries(EXPECTED))(
    'gives every id in %s a picture of one glyph or a glyph and a badge',
    (group, ids) => {
      expect(Object.keys(map[group as PictureGroup]).sort()).toEqual([...ids].sort());
      for (const id of ids) {
        const picture = pictureOf(group as PictureGroup, id);
        expect(picture?.glyphs.length, `${group}/${id}`).toBeGreaterThanOrEqual(1);
        expect(picture!.glyphs.length).toBeLessThanOrEqual(2);
        expect(new Set(picture!.glyphs).size, `${group}/${id} repeats a glyph`).toBe(picture!.glyphs.length);
      }
    },
  );

  it('tells situations apart: no two cards share the same picture', () => {
    const pictures = EXPECTED.cards
      .filter((id) => !id.startsWith('laerer-'))
      .map((id) => pictureOf('cards', id)!.glyphs.join('+'));
    expect(new Set(pictures).size).toBe(pictures.length);
  });

  it('offers custom cards the library and the built-in pictures, each once', () => {
    expect(new Set(PICTURE_LIBRARY).size).toBe(PICTURE_LIBRARY.length);
    expect(PICTURE_LIBRARY).toContain('soccer-ball');
    expect(PICTURE_LIBRARY).toContain('shower');
    expect(isBundledGlyph('face-screaming-in-fear')).toBe(true);
    expect(isBundledGlyph('pile-of-poo')).toBe(false);
  });
});

describe('the bundled picture files', () => {
  it('are exactly the glyphs the map uses, as copied from the npm package (run `npm run pictures` if this fails)', () => {
    const expected = pictureFiles();
    expect(readdirSync(PICTURE_DIR).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) {
      expect(readFileSync(join(PICTURE_DIR, name), 'utf8'), name).toBe(text);
    }
  });

  it('are small, self-contained SVGs that load nothing from elsewhere', () => {
    for (const name of readdirSync(PICTURE_DIR).filter((file) => file.endsWith('.svg'))) {
      const text = readFileSync(join(PICTURE_DIR, name), 'utf8');
      expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'), name).toBe(true);
      expect(text, name).not.toMatch(/href=|url\((?!#)|<script|<image/i);
      expect(text.length, name).toBeLessThan(12_000);
    }
  });

  it('credit the set and its licence', () => {
    const licence = readFileSync(join(PICTURE_DIR, 'LICENSE.txt'), 'utf8');
    expect(licence).toMatch(/Fluent Emoji Flat/);
    expect(licence).toMatch(/MIT License/);
    expect(licence).toMatch(/Copyright \(c\) Microsoft Corporation/);
  });
});
