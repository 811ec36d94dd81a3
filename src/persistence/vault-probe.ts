/**
 * What the lock screen needs to know before anything else loads: whether this device has
 * a passphrase yet, and how many wrong ones were tried. Read with the browser's own
 * IndexedDB API, so Dexie (and the rest of storage) loads only when the adult unlocks or
 * chooses a passphrase. The probe never creates, upgrades or writes the database: a
 * database that does not exist yet stays absent for Dexie to create.
 */

import type { Keyring } from './cipher';
import type { MetaRow } from './db';

export const DATABASE_NAME = 'kortprat';

export interface VaultProbe {
  keyring: Keyring | null;
  attempts: { count: number; lastAt: number } | null;
}

const NOTHING: VaultProbe = { keyring: null, attempts: null };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function probeVault(name: string = DATABASE_NAME): Promise<VaultProbe> {
  return new Promise((resolve, reject) => {
    let absent = false;
    const opening = indexedDB.open(name);
    // No version asked for, so an upgrade means the database does not exist: undo it.
    opening.onupgradeneeded = () => {
      absent = true;
      opening.transaction?.abort();
    };
    opening.onerror = (event) => {
      if (absent) {
        event.preventDefault();
        resolve(NOTHING);
      } else reject(opening.error);
    };
    opening.onsuccess = () => {
      const db = opening.result;
      if (!db.objectStoreNames.contains('meta')) {
        db.close();
        resolve(NOTHING);
        return;
      }
      const meta = db.transaction('meta', 'readonly').objectStore('meta');
      Promise.all([
        request(meta.get('keyring') as IDBRequest<MetaRow | undefined>),
        request(meta.get('attempts') as IDBRequest<MetaRow | undefined>),
      ])
        .then(([keyring, attempts]) =>
          resolve({
            keyring: keyring?.id === 'keyring' ? keyring.keyring : null,
            attempts: attempts?.id === 'attempts' ? { count: attempts.count, lastAt: attempts.lastAt } : null,
          }),
        )
        .catch(reject)
        .finally(() => db.close());
    };
  });
}
