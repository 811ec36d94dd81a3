import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALIAS_MAX_LENGTH, checkAlias, createPupil } from './pupil';

const NOW = 1_750_000_000_000;

describe('checkAlias', () => {
  it('refuses an empty or blank alias', () => {
    expect(['', ' ', '   \t\n '].map(checkAlias)).toEqual(['empty', 'empty', 'empty']);
  });

  it('accepts exactly 40 characters and refuses 41', () => {
    expect(ALIAS_MAX_LENGTH).toBe(40);
    expect(checkAlias('a'.repeat(40))).toBeNull();
    expect(checkAlias('a'.repeat(41))).toBe('too-long');
  });

  it('measures the length after trimming', () => {
    expect(checkAlias(`  ${'a'.repeat(40)}  `)).toBeNull();
  });

  it('refuses what looks like a national id number, also inside other text', () => {
    const raws = ['01020312345', '010203 12345', 'Ola 01020312345', '01020312345 Ola', 'nr010203 12345'];
    expect(Object.fromEntries(raws.map((raw) => [raw, checkAlias(raw)]))).toEqual(
      Object.fromEntries(raws.map((raw) => [raw, 'looks-like-id-number'])),
    );
  });

  it('refuses any 11-digit run, with or without the space after the birth date', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^\d{5}$/),
        fc.boolean(),
        (birth, personal, space) => {
          expect(checkAlias(`${birth}${space ? ' ' : ''}${personal}`)).toBe('looks-like-id-number');
        },
      ),
    );
  });

  it('refuses an id number written with dashes, dots or slashes', () => {
    const raws = ['010203-12345', '01.02.03 12345', '01/02/03-12345', '01 02 03 123 45'];
    expect(raws.filter((raw) => checkAlias(raw) !== 'looks-like-id-number')).toEqual([]);
  });

  it('accepts ordinary aliases, including short numbers', () => {
    const raws = ['Ola', 'Kari N.', 'Elev 7B', 'Gutten med 10 kort', '0102 0312', '2010', 'Åse'];
    expect(raws.filter((raw) => checkAlias(raw) !== null)).toEqual([]);
  });
});

describe('createPupil', () => {
  it('trims the alias and keeps id and time', () => {
    expect(createPupil('  Ola  ', 'pupil-1', NOW)).toEqual({ id: 'pupil-1', alias: 'Ola', createdAt: NOW });
  });

  it('throws for an alias checkAlias refuses', () => {
    for (const raw of ['', '   ', '01020312345', 'x'.repeat(41)]) {
      expect(() => createPupil(raw, 'pupil-1', NOW), raw).toThrow(/Invalid alias/);
    }
  });
});
