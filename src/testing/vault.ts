/**
 * Test databases are real vaults: encrypted like the app's, but with a cheap key
 * derivation so hundreds of tests stay quick. The production strength is tested in
 * cipher.test.ts and end to end.
 */

import type { DeviceSettings } from '../domain/device-settings';
import { KortpratDatabase } from '../persistence/db';
import {
  type PassphraseResult,
  type Repository,
  type RepositoryOptions,
  openRepository,
} from '../persistence/repository';
import { TEST_NOW } from './fixtures';

export const TEST_PASSPHRASE = 'lilla elefant paraply';
export const TEST_KDF: RepositoryOptions = { kdfIterations: 1_000 };

/** A repository on `name` with the test passphrase set (first time) and unlocked. */
export async function openTestRepository(name: string): Promise<Repository> {
  const repository = openRepository(name, TEST_KDF);
  if ((await repository.vaultState()) === 'new') await repository.createVault(TEST_PASSPHRASE, TEST_NOW);
  else {
    const result = await repository.unlock(TEST_PASSPHRASE, TEST_NOW);
    if (!result.ok) throw new Error(`Test vault did not unlock: ${result.reason}`);
  }
  return repository;
}

/** Tries a passphrase on the database through a connection of its own, as the lock screen would. */
export async function tryPassphrase(name: string, passphrase: string, now: number): Promise<PassphraseResult> {
  const repository = openRepository(name, TEST_KDF);
  try {
    return await repository.unlock(passphrase, now);
  } finally {
    repository.close();
  }
}

/** The settings as stored (unlocked with the test passphrase). */
export async function storedSettings(name: string): Promise<DeviceSettings> {
  const repository = await openTestRepository(name);
  try {
    return await repository.loadSettings();
  } finally {
    repository.close();
  }
}

/** How many rows each table holds, read raw: [pupils, conversations, meta]. */
export async function rowCounts(name: string): Promise<number[]> {
  const db = new KortpratDatabase(name);
  try {
    return [await db.pupils.count(), await db.conversations.count(), await db.meta.count()];
  } finally {
    db.close();
  }
}

/** Stores a run of wrong passphrases, as an earlier session (before a reload) would have left it. */
export async function plantFailedAttempts(name: string, count: number, lastAt: number): Promise<void> {
  const db = new KortpratDatabase(name);
  try {
    await db.meta.put({ id: 'attempts', count, lastAt });
  } finally {
    db.close();
  }
}
