import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CARDS,
  CAUSE_IDS,
  SITUATION_CARD_IDS,
  SUBJECT_CARD_IDS,
  TEACHER_CARD_IDS,
  isBuiltInCardId,
  isCustomCardId,
  isTeacherCardId,
} from './catalog';

describe('the built-in catalog', () => {
  it('has the 15 subject cards of the paper toolkit in the "fag" deck', () => {
    expect(SUBJECT_CARD_IDS).toHaveLength(15);
    const fag = BUILT_IN_CARDS.filter((card) => card.deck === 'fag').map((card) => card.id);
    expect(fag).toEqual([...SUBJECT_CARD_IDS]);
  });

  it('has 3 teacher cards in the "laerere" deck', () => {
    expect(TEACHER_CARD_IDS).toHaveLength(3);
    const laerere = BUILT_IN_CARDS.filter((card) => card.deck === 'laerere').map((card) => card.id);
    expect(laerere).toEqual(['laerer-1', 'laerer-2', 'laerer-3']);
  });

  it('has 27 situation cards in the "annet" deck', () => {
    expect(SITUATION_CARD_IDS).toHaveLength(27);
    const annet = BUILT_IN_CARDS.filter((card) => card.deck === 'annet').map((card) => card.id);
    expect(annet).toEqual([...SITUATION_CARD_IDS]);
  });

  it('lists all 45 built-in cards in catalog order: subjects, teachers, situations', () => {
    expect(BUILT_IN_CARDS.map((card) => card.id)).toEqual([
      ...SUBJECT_CARD_IDS,
      ...TEACHER_CARD_IDS,
      ...SITUATION_CARD_IDS,
    ]);
    expect(BUILT_IN_CARDS.every((card) => card.kind === 'built-in')).toBe(true);
  });

  it('has unique card ids, usable as locale keys', () => {
    const ids = BUILT_IN_CARDS.map((card) => card.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cardId of ids) expect(cardId).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has 11 unique cause ids', () => {
    expect(CAUSE_IDS).toHaveLength(11);
    expect(new Set(CAUSE_IDS).size).toBe(11);
  });
});

describe('card id guards', () => {
  it('isCustomCardId accepts the egen- prefix with 1-64 letters, digits or dashes', () => {
    const accepted = ['egen-abc', 'egen-1', 'egen-a-b-9', 'egen-ABC123', `egen-${'x'.repeat(64)}`];
    expect(accepted.filter((cardId) => !isCustomCardId(cardId))).toEqual([]);
  });

  it('isCustomCardId rejects built-in ids and junk', () => {
    const rejected = [
      '',
      'egen',
      'egen-',
      'Egen-abc',
      ' egen-abc',
      'egen-abc ',
      'egen-abc\n',
      'egen-abc def',
      'egen-blåbær',
      'egen-a/b',
      `egen-${'x'.repeat(65)}`,
      'matte',
      'laerer-1',
      'friminutt',
      'toString',
      '__proto__',
    ];
    expect(rejected.filter((cardId) => isCustomCardId(cardId))).toEqual([]);
  });

  it('never mistakes a built-in id for a custom one, or the other way round', () => {
    for (const card of BUILT_IN_CARDS) {
      expect(isBuiltInCardId(card.id)).toBe(true);
      expect(isCustomCardId(card.id)).toBe(false);
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/), (suffix) => {
        expect(isCustomCardId(`egen-${suffix}`)).toBe(true);
        expect(isBuiltInCardId(`egen-${suffix}`)).toBe(false);
      }),
    );
  });

  it('isBuiltInCardId rejects unknown ids', () => {
    expect(isBuiltInCardId('Matte')).toBe(false);
    expect(isBuiltInCardId('laerer-4')).toBe(false);
    expect(isBuiltInCardId('')).toBe(false);
  });

  it('isTeacherCardId accepts exactly the teacher cards', () => {
    const teachers = BUILT_IN_CARDS.filter((card) => isTeacherCardId(card.id)).map((card) => card.id);
    expect(teachers).toEqual(['laerer-1', 'laerer-2', 'laerer-3']);
    expect(isTeacherCardId('laerer-4')).toBe(false);
    expect(isTeacherCardId('egen-laerer-1')).toBe(false);
  });
});
