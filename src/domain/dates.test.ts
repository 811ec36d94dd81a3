import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isoDateOf } from './dates';

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-23', 13)).toBe('2026-12-06');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days between, negative backwards', () => {
    expect(daysBetween('2026-11-23', '2026-12-07')).toBe(14);
    expect(daysBetween('2026-12-07', '2026-11-23')).toBe(-14);
  });

  it('knows real dates from lookalikes', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-1-1')).toBe(false);
  });

  it('agrees with the platform calendar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -800, max: 800 }), (day, step) => {
        const date = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const later = new Date(Date.UTC(2000, 0, 1) + (day + step) * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(date, step)).toBe(later);
        expect(daysBetween(date, later)).toBe(step);
        expect(isIsoDate(date)).toBe(true);
      }),
    );
  });

  it("takes the local date of an instant from the clock's offset", () => {
    const instant = Date.UTC(2026, 10, 22, 23, 30);
    expect(isoDateOf(instant)).toBe('2026-11-22');
    // Oslo in winter is UTC+1: getTimezoneOffset() is -60.
    expect(isoDateOf(instant, -60)).toBe('2026-11-23');
  });
});
