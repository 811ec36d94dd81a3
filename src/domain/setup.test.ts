import { describe, expect, it } from 'vitest';
import { type CustomCard, MAX_CUSTOM_CARDS } from './catalog';
import { checkCustomCard, checkGrade, checkTeacherName, createCustomCard } from './setup';

function customCards(count: number): CustomCard[] {
  return Array.from({ length: count }, (_, index) => createCustomCard(`Kort ${index + 1}`, `kort-${index + 1}`));
}

describe('checkGrade', () => {
  const results = (raws: string[]) => Object.fromEntries(raws.map((raw) => [raw, checkGrade(raw)]));
  const all = <T>(raws: string[], value: T) => Object.fromEntries(raws.map((raw) => [raw, value]));

  it('refuses what is not a whole number', () => {
    const raws = ['', ' ', 'fem', '5a', '-1', '1.5', '2,5', '1e1', '+3', '0x5'];
    expect(results(raws)).toEqual(all(raws, 'not-a-number'));
  });

  it('refuses grades outside 1-10', () => {
    const raws = ['0', '11', '100', '00'];
    expect(results(raws)).toEqual(all(raws, 'out-of-range'));
  });

  it('accepts grades 1-10, also with spaces or a leading zero', () => {
    const raws = ['1', '4', '10', ' 7 ', '05'];
    expect(results(raws)).toEqual(all(raws, null));
  });
});

describe('checkCustomCard', () => {
  it('refuses an empty or blank card', () => {
    expect(checkCustomCard('', [])).toBe('empty');
    expect(checkCustomCard('   ', [])).toBe('empty');
  });

  it('accepts 60 characters and refuses 61, measured after trimming', () => {
    expect(checkCustomCard('a'.repeat(60), [])).toBeNull();
    expect(checkCustomCard(`  ${'a'.repeat(60)}  `, [])).toBeNull();
    expect(checkCustomCard('a'.repeat(61), [])).toBe('too-long');
  });

  it('refuses a duplicate regardless of case and surrounding spaces', () => {
    const existing = [createCustomCard('Spise i kantina', 'kantina')];
    expect(checkCustomCard('Spise i kantina', existing)).toBe('duplicate');
    expect(checkCustomCard('  SPISE I KANTINA ', existing)).toBe('duplicate');
    expect(checkCustomCard('Spise i kantina nå', existing)).toBeNull();
  });

  it('compares Norwegian letters case-insensitively too', () => {
    const existing = [createCustomCard('Gå på ÅPEN skole', 'apen')];
    expect(checkCustomCard('gå på åpen skole', existing)).toBe('duplicate');
  });

  it(`allows up to ${MAX_CUSTOM_CARDS} custom cards`, () => {
    expect(MAX_CUSTOM_CARDS).toBe(20);
    expect(checkCustomCard('Et nytt kort', customCards(19))).toBeNull();
    expect(checkCustomCard('Et nytt kort', customCards(20))).toBe('too-many');
  });
});

describe('createCustomCard', () => {
  it('makes a custom card with a prefixed id and trimmed text', () => {
    expect(createCustomCard('  Skoletur ', 'abc')).toEqual({
      kind: 'custom',
      id: 'egen-abc',
      deck: 'egne',
      text: 'Skoletur',
      picture: null,
    });
  });
});

describe('checkTeacherName', () => {
  it('accepts an empty name (the card keeps its placeholder) and 30 characters', () => {
    expect(checkTeacherName('')).toBeNull();
    expect(checkTeacherName('x'.repeat(30))).toBeNull();
    expect(checkTeacherName(`  ${'x'.repeat(30)}  `)).toBeNull();
  });

  it('refuses more than 30 characters', () => {
    expect(checkTeacherName('x'.repeat(31))).toBe('too-long');
  });
});
