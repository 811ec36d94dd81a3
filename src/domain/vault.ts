/**
 * Rules for the adult's passphrase: how long it must be, and how long to wait after
 * wrong guesses. The waits grow with every failure in a row and survive a reload (the
 * count is stored), so guessing through the lock screen is slow; the real protection
 * against someone who copies the database is the key derivation's cost.
 */

export const PASSPHRASE_MIN_LENGTH = 8;
export const PASSPHRASE_MAX_LENGTH = 200;

export type PassphraseProblem = 'too-short' | 'too-long' | 'mismatch';

export function checkNewPassphrase(passphrase: string, repeated: string): PassphraseProblem | null {
  if ([...passphrase.normalize('NFC')].length < PASSPHRASE_MIN_LENGTH) return 'too-short';
  if (passphrase.length > PASSPHRASE_MAX_LENGTH) return 'too-long';
  if (passphrase.normalize('NFC') !== repeated.normalize('NFC')) return 'mismatch';
  return null;
}

/** Seconds to wait after 1, 2, 3, … wrong passphrases in a row; the last one repeats. */
const WAIT_SECONDS = [1, 2, 5, 15, 30, 60, 120, 300, 900] as const;

export interface FailedAttempts {
  /** Wrong passphrases in a row since the last right one. */
  readonly count: number;
  readonly lastAt: number;
}

export const NO_FAILED_ATTEMPTS: FailedAttempts = { count: 0, lastAt: 0 };

export function waitAfter(failures: number): number {
  if (failures <= 0) return 0;
  return WAIT_SECONDS[Math.min(failures, WAIT_SECONDS.length) - 1]! * 1000;
}

/** When the next attempt is allowed (a time in ms; in the past means now). */
export function nextAttemptAt(attempts: FailedAttempts): number {
  return attempts.count === 0 ? 0 : attempts.lastAt + waitAfter(attempts.count);
}

export function recordFailure(attempts: FailedAttempts, now: number): FailedAttempts {
  return { count: attempts.count + 1, lastAt: now };
}
