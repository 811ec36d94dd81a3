/**
 * The one persistence module features reach storage through. It speaks domain types in
 * and out; every row it reads passes the domain's restore funnel, and a row that fails
 * is reported and left untouched on disk (never deleted, never overwritten).
 *
 * It also keeps the vault: every record is sealed with the data key before it is written
 * and opened after it is read, and the key exists only in this closure's memory between
 * `unlock` and `lock`. Without it, nothing can be read or written.
 */

import type { Conversation } from '../domain/conversation';
import { DEFAULT_SETTINGS, type DeviceSettings, PIN_PATTERN } from '../domain/device-settings';
import type { Plan } from '../domain/plan';
import type { Pupil } from '../domain/pupil';
import type { Restored } from '../domain/restore';
import { type FailedAttempts, NO_FAILED_ATTEMPTS, nextAttemptAt, recordFailure } from '../domain/vault';
import {
  KDF_ITERATIONS,
  type Keyring,
  WrongPassphraseError,
  createKeyring,
  open,
  rewrapKeyring,
  seal,
  unlockKeyring,
  verifyPin,
} from './cipher';
import type { ConversationRow, KortpratDatabase, PlanRow, PupilRow } from './db';
import { StorageError, classifyStorageError } from './errors';
import { probeVault } from './vault-probe';

/**
 * The restore funnel (zod and every schema) is needed only once the vault is open, so it
 * loads then, not with the lock screen.
 */
const restoreFunnel = () => import('../domain/restore');

export interface LoadedLibrary {
  pupils: Pupil[];
  conversations: Conversation[];
  plans: Plan[];
  /** Rows that could not be read; kept on disk as they are. */
  unreadable: number;
}

/** 'new': no passphrase yet. 'locked': there is one, the key is not in memory. */
export type VaultState = 'new' | 'locked' | 'unlocked';

/** The answer to a passphrase: right, wrong, or asked again before the wait was over. */
export type PassphraseResult = { ok: true } | { ok: false; reason: 'wrong' | 'too-soon'; retryAt: number };

export interface Repository {
  vaultState(): Promise<VaultState>;
  /** When the next passphrase may be tried (0 when at once), so a fresh lock screen can show a running wait. */
  nextAttemptAt(): Promise<number>;
  /** Sets the first passphrase: makes the data key and seals any rows stored before there was one. */
  createVault(passphrase: string, now: number): Promise<void>;
  unlock(passphrase: string, now: number): Promise<PassphraseResult>;
  /** Checks the passphrase (counting wrong ones) without changing what is unlocked. */
  checkPassphrase(passphrase: string, now: number): Promise<PassphraseResult>;
  /** Checks the adult's PIN (when one is set) or passphrase; a wrong one counts as a wrong passphrase. */
  checkAdult(secret: string, now: number): Promise<PassphraseResult>;
  /** Wraps the same data key under a new passphrase; the stored records are not touched. */
  changePassphrase(current: string, next: string, now: number): Promise<PassphraseResult>;
  /** Forgets the data key. */
  lock(): void;
  /** Deletes every record, the settings and the key: the way back from a forgotten passphrase. */
  eraseEverything(): Promise<void>;

  loadAll(): Promise<LoadedLibrary>;
  /** The stored conversation as it is now (another tab may have changed it), or null. */
  loadConversation(id: string): Promise<Conversation | null>;
  /** Saves conversations and pupils in one transaction. */
  /** Writes records in one transaction: all of them or none. */
  save(conversations: readonly Conversation[], pupils?: readonly Pupil[], plans?: readonly Plan[]): Promise<void>;
  deleteConversation(id: string): Promise<void>;
  deletePlan(id: string): Promise<void>;
  /** Deletes a pupil and every conversation with them. */
  deletePupil(id: string): Promise<void>;
  loadSettings(): Promise<DeviceSettings>;
  saveSettings(settings: DeviceSettings): Promise<void>;
  close(): void;
}

export interface RepositoryOptions {
  /** PBKDF2 iterations for new and re-wrapped keyrings; tests lower it to stay quick. */
  kdfIterations?: number;
  /** How long restoring loaded records may hold the page before it yields (see `restoreInSlices`). */
  restoreSliceMs?: number;
  /** How the restore gives the page back between slices; tests count the calls. */
  yieldToPage?: () => Promise<void>;
}

/** Gives the page a turn: `scheduler.yield()` where the browser has it, else a new task. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Restores records through the funnel a slice at a time, giving the page back between
 * slices. A thousand conversations take a few hundred milliseconds to check on a slow
 * tablet; in one piece that would freeze the screen just as the adult unlocks.
 * Returns the records that pass, in order, and how many did not.
 */
async function restoreInSlices<T>(
  bodies: readonly unknown[],
  restore: (body: unknown) => Restored<T>,
  slice: { ms: number; yieldToPage(): Promise<void> },
): Promise<{ values: T[]; unreadable: number }> {
  const values: T[] = [];
  let unreadable = 0;
  let sliceStart = performance.now();
  for (const body of bodies) {
    if (performance.now() - sliceStart >= slice.ms) {
      await slice.yieldToPage();
      sliceStart = performance.now();
    }
    const restored = body === UNREADABLE ? null : restore(body);
    if (restored?.ok) values.push(restored.value);
    else unreadable++;
  }
  return { values, unreadable };
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StorageError(classifyStorageError(error), error);
  }
}

const UNREADABLE = Symbol('unreadable');

/** Rows to write, by table. */
interface Rows {
  pupils: readonly PupilRow[];
  conversations: readonly ConversationRow[];
  plans: readonly PlanRow[];
}

/**
 * Writes rows in one transaction on IndexedDB itself, not through Dexie: only the tables
 * written to, every put started at once, and `commit()` right after them, so the browser
 * commits without waiting for the page to hear back about each put. That is the path of
 * every typed letter, and on a slow tablet Dexie's promise machinery around the same
 * writes added about a third to it. Strict durability: saved means on disk. Anything that
 * goes wrong aborts the whole transaction, so a save lands whole or not at all.
 */
async function putRows(db: KortpratDatabase, rows: Rows): Promise<void> {
  const written = (Object.keys(rows) as (keyof Rows)[]).filter((table) => rows[table].length > 0);
  if (written.length === 0) return;
  // Closed for another tab's newer schema (see `versionchange`): never open it again from here.
  if (db.hasBeenClosed()) throw new StorageError('blocked');
  if (!db.isOpen()) await db.open();
  const transaction = db.backendDB().transaction(written, 'readwrite', { durability: 'strict' });
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
  try {
    for (const table of written) {
      const store = transaction.objectStore(table);
      for (const row of rows[table]) store.put(row);
    }
  } catch (error) {
    done.catch(() => undefined);
    transaction.abort();
    throw error;
  }
  transaction.commit();
  await done;
}

export function openRepository(name?: string, options: RepositoryOptions = {}): Repository {
  const iterations = options.kdfIterations ?? KDF_ITERATIONS;
  const slice = { ms: options.restoreSliceMs ?? 8, yieldToPage: options.yieldToPage ?? yieldToPage };
  // Dexie and the schema load with the first real use (unlocking, choosing a passphrase),
  // not with the lock screen: until then `probeVault` answers what the lock screen asks.
  let opened: Promise<KortpratDatabase> | null = null;
  const database = (): Promise<KortpratDatabase> =>
    (opened ??= import('./db').then(({ KortpratDatabase }) => {
      const db = new KortpratDatabase(name);
      // Another tab opening a newer schema asks us to step aside; closing lets it upgrade,
      // and the next write then reports 'blocked' instead of silently failing.
      db.on('versionchange', () => {
        db.close();
        return false;
      });
      return db;
    }));

  let key: CryptoKey | null = null;
  const requireKey = (): CryptoKey => {
    if (!key) throw new StorageError('locked');
    return key;
  };

  /**
   * Sealing is asynchronous and cannot run inside an IndexedDB transaction, so records
   * are sealed first and written after. Writes still start their transactions in the
   * order they were asked for, so the newest version of a record is the one that stays.
   */
  let writeTurn: Promise<unknown> = Promise.resolve();
  function inOrder<P>(prepared: Promise<P>, write: (rows: P) => Promise<unknown>): Promise<void> {
    const started = writeTurn.then(() => prepared).then((rows) => ({ done: write(rows) }));
    writeTurn = started.catch(() => undefined);
    return guard(async () => {
      await (
        await started
      ).done;
    });
  }

  async function openRow(row: PupilRow | ConversationRow | PlanRow, dataKey: CryptoKey): Promise<unknown> {
    if (!row.sealed) return row.body;
    try {
      return await open(dataKey, row.sealed);
    } catch {
      return UNREADABLE;
    }
  }

  async function readAttempts(): Promise<FailedAttempts> {
    const row = await (await database()).meta.get('attempts');
    return row?.id === 'attempts' ? { count: row.count, lastAt: row.lastAt } : NO_FAILED_ATTEMPTS;
  }

  async function readKeyring(): Promise<Keyring | null> {
    const row = await (await database()).meta.get('keyring');
    return row?.id === 'keyring' ? row.keyring : null;
  }

  /** Tries a passphrase against the stored keyring, keeping count of wrong ones. */
  async function attempt(
    passphrase: string,
    now: number,
  ): Promise<{ ok: true; key: CryptoKey; keyring: Keyring } | Extract<PassphraseResult, { ok: false }>> {
    // Storage loads while the key is derived (the slow part), not before it.
    void database().catch(() => undefined);
    const probe = await probeVault(name);
    const attempts = probe.attempts ?? NO_FAILED_ATTEMPTS;
    const retryAt = nextAttemptAt(attempts);
    if (now < retryAt) return { ok: false, reason: 'too-soon', retryAt };
    const { keyring } = probe;
    if (!keyring) throw new StorageError('unknown');
    try {
      const unlocked = await unlockKeyring(keyring, passphrase);
      if (attempts.count > 0) await (await database()).meta.delete('attempts');
      return { ok: true, key: unlocked, keyring };
    } catch (error) {
      if (!(error instanceof WrongPassphraseError)) throw error;
      const failed = recordFailure(attempts, now);
      await (await database()).meta.put({ id: 'attempts', ...failed });
      return { ok: false, reason: 'wrong', retryAt: nextAttemptAt(failed) };
    }
  }

  async function readSettings(dataKey: CryptoKey): Promise<DeviceSettings> {
    const row = await (await database()).meta.get('settings');
    if (row?.id !== 'settings') return DEFAULT_SETTINGS;
    const [{ restoreSettings }, body] = await Promise.all([
      restoreFunnel(),
      open(dataKey, row.sealed).catch(() => undefined),
    ]);
    return restoreSettings(body);
  }

  const sealRow = async <R extends PupilRow | ConversationRow>(row: R, dataKey: CryptoKey): Promise<R> => {
    if (row.sealed) return row;
    const { body, ...envelope } = row;
    return { ...envelope, sealed: await seal(dataKey, body) } as R;
  };

  return {
    vaultState: () =>
      guard(async () => {
        if (key) return 'unlocked';
        return (await probeVault(name)).keyring ? 'locked' : 'new';
      }),

    nextAttemptAt: () => guard(async () => nextAttemptAt((await probeVault(name)).attempts ?? NO_FAILED_ATTEMPTS)),

    createVault: (passphrase, now) =>
      guard(async () => {
        if (await readKeyring()) throw new Error('This device already has a passphrase');
        const created = await createKeyring(passphrase, now, iterations);
        const db = await database();
        // Rows from before there was a passphrase (database version 1) are sealed now,
        // in the same transaction that stores the keyring: either both happen or neither.
        const [pupilRows, conversationRows] = await db.transaction('r', db.pupils, db.conversations, () =>
          Promise.all([db.pupils.toArray(), db.conversations.toArray()]),
        );
        const [pupils, conversations, settings] = await Promise.all([
          Promise.all(pupilRows.map((row) => sealRow(row, created.key))),
          Promise.all(conversationRows.map((row) => sealRow(row, created.key))),
          seal(created.key, DEFAULT_SETTINGS),
        ]);
        await db.transaction('rw', db.meta, db.pupils, db.conversations, async () => {
          if (await db.meta.get('keyring')) throw new Error('This device already has a passphrase');
          await db.meta.bulkPut([
            { id: 'keyring', keyring: created.keyring },
            { id: 'settings', sealed: settings },
          ]);
          await db.pupils.bulkPut(pupils);
          await db.conversations.bulkPut(conversations);
        });
        key = created.key;
      }),

    unlock: (passphrase, now) =>
      guard(async () => {
        const result = await attempt(passphrase, now);
        if (!result.ok) return result;
        key = result.key;
        // Keyrings made with an older, weaker setting are raised while the passphrase is at hand.
        if (result.keyring.kdf.iterations < iterations) {
          const keyring = await rewrapKeyring(result.keyring, passphrase, passphrase, now, iterations);
          await (await database()).meta.put({ id: 'keyring', keyring });
        }
        return { ok: true };
      }),

    checkPassphrase: (passphrase, now) =>
      guard(async () => {
        const result = await attempt(passphrase, now);
        return result.ok ? { ok: true } : result;
      }),

    checkAdult: (secret, now) =>
      guard(async () => {
        const attempts = await readAttempts();
        const retryAt = nextAttemptAt(attempts);
        if (now < retryAt) return { ok: false, reason: 'too-soon', retryAt };
        const { pin } = await readSettings(requireKey());
        if (pin && PIN_PATTERN.test(secret) && (await verifyPin(secret, pin))) {
          if (attempts.count > 0) await (await database()).meta.delete('attempts');
          return { ok: true };
        }
        const result = await attempt(secret, now);
        return result.ok ? { ok: true } : result;
      }),

    changePassphrase: (current, next, now) =>
      guard(async () => {
        const result = await attempt(current, now);
        if (!result.ok) return result;
        const keyring = await rewrapKeyring(
          result.keyring,
          current,
          next,
          now,
          Math.max(iterations, result.keyring.kdf.iterations),
        );
        await (await database()).meta.put({ id: 'keyring', keyring });
        return { ok: true };
      }),

    lock: () => {
      key = null;
    },

    eraseEverything: () =>
      guard(async () => {
        const db = await database();
        await db.transaction('rw', [db.meta, db.pupils, db.conversations, db.plans], async () => {
          await Promise.all([db.pupils.clear(), db.conversations.clear(), db.plans.clear(), db.meta.clear()]);
        });
        key = null;
      }),

    loadAll: () =>
      guard(async () => {
        const dataKey = requireKey();
        const db = await database();
        const [pupilRows, conversationRows, planRows] = await db.transaction(
          'r',
          db.pupils,
          db.conversations,
          db.plans,
          () => Promise.all([db.pupils.toArray(), db.conversations.toArray(), db.plans.toArray()]),
        );
        const { restoreConversation, restorePlan, restorePupil } = await restoreFunnel();
        const [pupilBodies, conversationBodies, planBodies] = await Promise.all([
          Promise.all(pupilRows.map((row) => openRow(row, dataKey))),
          Promise.all(conversationRows.map((row) => openRow(row, dataKey))),
          Promise.all(planRows.map((row) => openRow(row, dataKey))),
        ]);
        const pupils = await restoreInSlices(pupilBodies, restorePupil, slice);
        const conversations = await restoreInSlices(conversationBodies, restoreConversation, slice);
        const plans = await restoreInSlices(planBodies, restorePlan, slice);
        return {
          pupils: pupils.values,
          conversations: conversations.values,
          plans: plans.values,
          unreadable: pupils.unreadable + conversations.unreadable + plans.unreadable,
        };
      }),

    loadConversation: (id) =>
      guard(async () => {
        const dataKey = requireKey();
        const row = await (await database()).conversations.get(id);
        if (!row) return null;
        const [{ restoreConversation }, body] = await Promise.all([restoreFunnel(), openRow(row, dataKey)]);
        const restored = body === UNREADABLE ? null : restoreConversation(body);
        return restored?.ok ? restored.value : null;
      }),

    save: (conversations, pupils = [], plans = []) => {
      const prepared = (async () => {
        const dataKey = requireKey();
        return Promise.all([
          Promise.all(pupils.map(async (p) => ({ id: p.id, sealed: await seal(dataKey, p) }))),
          Promise.all(
            conversations.map(async (c) => ({
              id: c.id,
              pupilId: c.pupilId,
              updatedAt: c.updatedAt,
              sealed: await seal(dataKey, c),
            })),
          ),
          Promise.all(
            plans.map(async (plan) => ({
              id: plan.id,
              pupilId: plan.pupilId,
              updatedAt: plan.updatedAt,
              sealed: await seal(dataKey, plan),
            })),
          ),
        ]);
      })();
      return inOrder(prepared, async ([pupils, conversations, plans]) =>
        putRows(await database(), { pupils, conversations, plans }),
      );
    },

    deleteConversation: (id) => inOrder(database(), (db) => db.conversations.delete(id)),

    deletePlan: (id) => inOrder(database(), (db) => db.plans.delete(id)),

    deletePupil: (id) =>
      inOrder(database(), (db) =>
        db.transaction('rw', db.pupils, db.conversations, db.plans, async () => {
          await db.conversations.where('pupilId').equals(id).delete();
          await db.plans.where('pupilId').equals(id).delete();
          await db.pupils.delete(id);
        }),
      ),

    loadSettings: () => guard(() => readSettings(requireKey())),

    saveSettings: (settings) => {
      const prepared = (async () => seal(requireKey(), settings))();
      return inOrder(prepared, async (sealed) => (await database()).meta.put({ id: 'settings', sealed }));
    },

    close: () => {
      key = null;
      void opened?.then((db) => db.close());
    },
  };
}
