import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FAILED_ATTEMPTS, checkNewPassphrase, nextAttemptAt, recordFailure, waitAfter } from './vault';

describe('a new passphrase', () => {
  it('must be at least eight characters, counted as the adult sees them', () => {
    expect(checkNewPassphrase('kort', 'kort')).toBe('too-short');
    expect(checkNewPassphrase('æøåæøåæ', 'æøåæøåæ')).toBe('too-short');
    expect(checkNewPassphrase('æøåæøåæø', 'æøåæøåæø')).toBeNull();
  });

  it('must be typed the same twice', () => {
    expect(checkNewPassphrase('blå elefant', 'blå elefanT')).toBe('mismatch');
    // The same letters typed as composed or decomposed characters are the same passphrase.
    expect(checkNewPassphrase('blå elefant', 'bla\u030a elefant')).toBeNull();
  });

  it('has an upper bound', () => {
    const long = 'a'.repeat(201);
    expect(checkNewPassphrase(long, long)).toBe('too-long');
  });
});

describe('waiting after wrong passphrases', () => {
  it('lets the first attempt through at once', () => {
    expect(nextAttemptAt(NO_FAILED_ATTEMPTS)).toBe(0);
  });

  it('waits longer after every failure in a row, up to a ceiling', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map(waitAfter);
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 5000, 15_000]);
    expect(waits.at(-1)).toBe(15 * 60_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => waitAfter(n + 1) >= waitAfter(n) && waitAfter(n) > 0),
    );
  });

  it('counts from the last failure', () => {
    let attempts = recordFailure(NO_FAILED_ATTEMPTS, 10_000);
    attempts = recordFailure(attempts, 20_000);
    attempts = recordFailure(attempts, 30_000);
    expect(attempts.count).toBe(3);
    expect(nextAttemptAt(attempts)).toBe(35_000);
  });
});
