import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, LOCK_WARNING_MS, checkNewPin, idlePhase, isOld } from './device-settings';
import { restoreSettings } from './restore';

const MINUTE = 60_000;

describe('the inactivity lock', () => {
  const settings = { ...DEFAULT_SETTINGS, inactivityMinutes: 5 as const };

  it('warns for at least 20 seconds before it locks', () => {
    expect(LOCK_WARNING_MS).toBeGreaterThanOrEqual(20_000);
    expect(idlePhase(0, 5 * MINUTE - LOCK_WARNING_MS - 1, settings)).toBe('active');
    expect(idlePhase(0, 5 * MINUTE - LOCK_WARNING_MS, settings)).toBe('warning');
    expect(idlePhase(0, 5 * MINUTE - 1, settings)).toBe('warning');
    expect(idlePhase(0, 5 * MINUTE, settings)).toBe('locked');
  });

  it('follows the chosen time', () => {
    expect(idlePhase(0, 9 * MINUTE, { ...settings, inactivityMinutes: 10 })).toBe('active');
    expect(idlePhase(0, 9 * MINUTE, settings)).toBe('locked');
  });
});

describe('a new PIN', () => {
  it('is 4 to 8 digits, typed the same twice', () => {
    expect(checkNewPin('123', '123')).toBe('not-digits');
    expect(checkNewPin('12a4', '12a4')).toBe('not-digits');
    expect(checkNewPin('123456789', '123456789')).toBe('not-digits');
    expect(checkNewPin('4711', '4712')).toBe('mismatch');
    expect(checkNewPin('4711', '4711')).toBeNull();
    expect(checkNewPin('12345678', '12345678')).toBeNull();
  });
});

describe('old conversations', () => {
  it('are those unchanged for longer than the reminder age', () => {
    const day = 24 * 60 * MINUTE;
    const settings = { ...DEFAULT_SETTINGS, reminderDays: 90 as const };
    expect(isOld(0, settings, 90 * day)).toBe(false);
    expect(isOld(0, settings, 90 * day + 1)).toBe(true);
  });
});

describe('restoring settings', () => {
  it('keeps valid choices', () => {
    const stored = {
      inactivityMinutes: 15,
      reminderDays: 365,
      lastBackupAt: 123,
      pin: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 100_000 },
      schoolMeasures: [{ kind: 'custom', id: 'tiltak-a1', category: 'krav', text: 'Lekser på skolen' }],
    };
    expect(restoreSettings(stored)).toEqual(stored);
    // Settings stored before the school's own measures existed get an empty list.
    const { schoolMeasures: _none, ...older } = stored;
    expect(restoreSettings(older)).toEqual({ ...older, schoolMeasures: [] });
  });

  it('falls back to defaults value by value, never failing', () => {
    expect(restoreSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(restoreSettings({ inactivityMinutes: 7, reminderDays: 30, lastBackupAt: -1, pin: 'x' })).toEqual({
      ...DEFAULT_SETTINGS,
      reminderDays: 30,
    });
  });

  it("keeps the school's own measures one by one: a damaged or repeated entry costs only itself", () => {
    const kept = { kind: 'custom', id: 'tiltak-1', category: 'trygghet', text: 'Fast plass ved døra' };
    const restored = restoreSettings({
      ...DEFAULT_SETTINGS,
      schoolMeasures: [
        kept,
        { kind: 'custom', id: 'not a measure id', category: 'trygghet', text: 'Feil id' },
        { kind: 'custom', id: 'tiltak-2', category: 'ukjent', text: 'Ukjent kategori' },
        { kind: 'custom', id: 'tiltak-3', category: 'krav', text: '   ' },
        { ...kept, text: 'Samme id igjen' },
        'nonsense',
      ],
    });
    expect(restored.schoolMeasures).toEqual([kept]);
    expect(restoreSettings({ ...DEFAULT_SETTINGS, schoolMeasures: 'nonsense' }).schoolMeasures).toEqual([]);
  });
});
