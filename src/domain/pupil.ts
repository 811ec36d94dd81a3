/**
 * A pupil is known by an alias only. The alias is what the adult and pupil agree to call
 * them in the app; a national id number is refused outright (data minimisation).
 */

export interface Pupil {
  readonly id: string;
  readonly alias: string;
  readonly createdAt: number;
}

export const ALIAS_MAX_LENGTH = 40;

export type AliasProblem = 'empty' | 'too-long' | 'looks-like-id-number';

/**
 * Eleven digits in a row, once spaces, dots, dashes and slashes are taken out, is what a
 * fødselsnummer looks like ("010203 12345", "01.02.03-12345").
 */
const ID_NUMBER = /\d{11}/;
const SEPARATORS = /[\s./-]/g;

export function checkAlias(raw: string): AliasProblem | null {
  const alias = raw.trim();
  if (alias === '') return 'empty';
  if (alias.length > ALIAS_MAX_LENGTH) return 'too-long';
  if (ID_NUMBER.test(alias.replace(SEPARATORS, ''))) return 'looks-like-id-number';
  return null;
}

export function createPupil(alias: string, id: string, now: number): Pupil {
  const problem = checkAlias(alias);
  if (problem) throw new Error(`Invalid alias: ${problem}`);
  return { id, alias: alias.trim(), createdAt: now };
}
