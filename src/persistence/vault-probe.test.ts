import { describe, expect, it } from 'vitest';
import { KortpratDatabase } from './db';
import { openRepository } from './repository';
import { probeVault } from './vault-probe';

const FAST = { kdfIterations: 1_000 };
let counter = 0;
const freshName = () => `probe-test-${++counter}`;

async function exists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === name);
}

describe('the vault probe (what the lock screen asks before storage loads)', () => {
  it('finds nothing on a new device and leaves no database behind', async () => {
    const name = freshName();
    expect(await probeVault(name)).toEqual({ keyring: null, attempts: null });
    expect(await exists(name)).toBe(false);
    // The repository answers the same without creating it either.
    const repository = openRepository(name, FAST);
    expect(await repository.vaultState()).toBe('new');
    expect(await repository.nextAttemptAt()).toBe(0);
    expect(await exists(name)).toBe(false);
  });

  it('finds nothing in a database from before the vault (version 1, no meta table)', async () => {
    const name = freshName();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(name, 10);
      opening.onupgradeneeded = () => opening.result.createObjectStore('pupils', { keyPath: 'id' });
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
    raw.close();
    expect(await probeVault(name)).toEqual({ keyring: null, attempts: null });
  });

  it('reads the keyring and the wrong tries of a vault, as the repository wrote them', async () => {
    const name = freshName();
    const repository = openRepository(name, FAST);
    await repository.createVault('riktig passordfrase', 1_000);
    repository.close();

    const lockScreen = openRepository(name, FAST);
    expect(await lockScreen.vaultState()).toBe('locked');
    expect(await lockScreen.unlock('feil passordfrase', 5_000)).toMatchObject({ ok: false, reason: 'wrong' });
    const probe = await probeVault(name);
    expect(probe.keyring).not.toBeNull();
    expect(probe.attempts).toEqual({ count: 1, lastAt: 5_000 });
    // The wait after a wrong try is the one the lock screen shows.
    expect(await openRepository(name, FAST).nextAttemptAt()).toBe(await lockScreen.nextAttemptAt());
    expect(await lockScreen.nextAttemptAt()).toBeGreaterThan(5_000);
    lockScreen.close();

    const db = new KortpratDatabase(name);
    expect((await db.meta.get('keyring'))?.id).toBe('keyring');
    db.close();
  });
});
