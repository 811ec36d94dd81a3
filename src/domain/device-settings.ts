/**
 * Settings of this tablet that the adult chooses: how soon an idle app locks, when to
 * remind about old conversations, when the last backup was made, and the school's own
 * measures for step-up plans. Stored encrypted like everything else, and restored
 * through the one restore funnel.
 */

import type { CustomMeasure } from './measures';

/** Minutes without a touch or key press before the app locks. */
export const INACTIVITY_MINUTES = [2, 5, 10, 15, 30] as const;
export type InactivityMinutes = (typeof INACTIVITY_MINUTES)[number];

/** Conversations older than this many days are pointed out on the adult's list. */
export const REMINDER_DAYS = [30, 90, 180, 365] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

/** The warning before an inactivity lock lasts this long (WCAG 2.2.1 asks for at least 20 s). */
export const LOCK_WARNING_MS = 30_000;

/**
 * The adult PIN, a quicker way than the passphrase out of pupil mode. It is a gate, not
 * a key: it opens nothing that is encrypted. Only a salted hash is kept (inside the
 * sealed settings); wrong PINs count as wrong passphrases, so guessing meets the same waits.
 */
export interface PinHash {
  /** Base64 of the random salt. */
  readonly salt: string;
  /** Base64 of PBKDF2-SHA-256(pin, salt, iterations). */
  readonly hash: string;
  readonly iterations: number;
}

export interface DeviceSettings {
  readonly inactivityMinutes: InactivityMinutes;
  readonly reminderDays: ReminderDays;
  /** When the last backup file was made on this tablet, or null for never. */
  readonly lastBackupAt: number | null;
  readonly pin: PinHash | null;
  /** Measures the school wrote for one plan, offered again in every plan on this tablet. */
  readonly schoolMeasures: readonly CustomMeasure[];
}

export const DEFAULT_SETTINGS: DeviceSettings = {
  inactivityMinutes: 5,
  reminderDays: 180,
  lastBackupAt: null,
  pin: null,
  schoolMeasures: [],
};

export const PIN_PATTERN = /^\d{4,8}$/;

export type PinProblem = 'not-digits' | 'mismatch';

export function checkNewPin(pin: string, repeated: string): PinProblem | null {
  if (!PIN_PATTERN.test(pin)) return 'not-digits';
  return pin === repeated ? null : 'mismatch';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a conversation last changed at `updatedAt` is older than the reminder age. */
export function isOld(updatedAt: number, settings: DeviceSettings, now: number): boolean {
  return now - updatedAt > settings.reminderDays * DAY_MS;
}

export type IdlePhase = 'active' | 'warning' | 'locked';

/** Where an idle app is: active, showing the lock warning, or due to lock. */
export function idlePhase(lastActivityAt: number, now: number, settings: DeviceSettings): IdlePhase {
  const idle = now - lastActivityAt;
  const limit = settings.inactivityMinutes * 60_000;
  if (idle >= limit) return 'locked';
  return idle >= limit - LOCK_WARNING_MS ? 'warning' : 'active';
}
