/**
 * The IndexedDB schema. Rows keep an envelope of plain keys (for indexes) around the
 * record itself, which is stored `sealed` (AES-GCM ciphertext, see cipher.ts). Version 1
 * stored it as a plain `body`; such rows are sealed when the adult sets a passphrase and
 * are never written again.
 *
 * Versions are append-only: never edit a published `version(n)`; add `version(n + 1)`
 * with its upgrade and a fixture test that opens a database of version n.
 */

import Dexie, { type Table } from 'dexie';
import type { Keyring, Sealed } from './cipher';
import { DATABASE_NAME } from './vault-probe';

interface SealedRow {
  id: string;
  /** The record, encrypted. */
  sealed?: Sealed;
  /** Version 1 only: the record in plain text, until a passphrase is set. */
  body?: unknown;
}

export type PupilRow = SealedRow;

export interface ConversationRow extends SealedRow {
  pupilId: string;
  updatedAt: number;
}

export interface PlanRow extends SealedRow {
  pupilId: string;
  updatedAt: number;
}

/** Records about the vault itself; only `settings` holds anything about the school, and it is sealed. */
export type MetaRow =
  | { id: 'keyring'; keyring: Keyring }
  | { id: 'attempts'; count: number; lastAt: number }
  | { id: 'settings'; sealed: Sealed };

export class KortpratDatabase extends Dexie {
  pupils!: Table<PupilRow, string>;
  conversations!: Table<ConversationRow, string>;
  plans!: Table<PlanRow, string>;
  meta!: Table<MetaRow, MetaRow['id']>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: an answer counts as saved only once it is on disk.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      pupils: 'id',
      conversations: 'id, pupilId, updatedAt',
    });
    // The vault: the wrapped data key, the count of wrong passphrases, sealed settings.
    this.version(2).stores({
      meta: 'id',
    });
    // Step-up plans (sealed from the start: they came after the vault).
    this.version(3).stores({
      plans: 'id, pupilId, updatedAt',
    });
  }
}
