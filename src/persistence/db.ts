/**
 * The IndexedDB schema. Rows keep an envelope of plain keys (for indexes) around an opaque
 * `body`, which is the domain record as it was saved; at-rest encryption will later
 * replace `body` with ciphertext without touching any feature.
 *
 * Versions are append-only: never edit a published `version(n)`; add `version(n + 1)`
 * with its upgrade and a fixture test that opens a database of version n.
 */

import Dexie, { type Table } from 'dexie';

export interface PupilRow {
  id: string;
  body: unknown;
}

export interface ConversationRow {
  id: string;
  pupilId: string;
  updatedAt: number;
  body: unknown;
}

export const DATABASE_NAME = 'kortprat';

export class KortpratDatabase extends Dexie {
  pupils!: Table<PupilRow, string>;
  conversations!: Table<ConversationRow, string>;

  constructor(name: string = DATABASE_NAME) {
    // Strict durability: an answer counts as saved only once it is on disk.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      pupils: 'id',
      conversations: 'id, pupilId, updatedAt',
    });
  }
}
