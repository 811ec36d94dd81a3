/**
 * The one persistence module features reach storage through. It speaks domain types in
 * and out; every row it reads passes the domain's restore funnel, and a row that fails
 * is reported and left untouched on disk (never deleted, never overwritten).
 */

import type { Conversation } from '../domain/conversation';
import type { Pupil } from '../domain/pupil';
import { restoreConversation, restorePupil } from '../domain/restore';
import { KortpratDatabase } from './db';
import { StorageError, classifyStorageError } from './errors';

export interface LoadedLibrary {
  pupils: Pupil[];
  conversations: Conversation[];
  /** Rows that could not be read; kept on disk as they are. */
  unreadable: number;
}

export interface Repository {
  loadAll(): Promise<LoadedLibrary>;
  /** The stored conversation as it is now (another tab may have changed it), or null. */
  loadConversation(id: string): Promise<Conversation | null>;
  /** Saves conversations (and a new pupil) in one transaction. */
  save(conversations: readonly Conversation[], pupil?: Pupil): Promise<void>;
  deleteConversation(id: string): Promise<void>;
  /** Deletes a pupil and every conversation with them. */
  deletePupil(id: string): Promise<void>;
  close(): void;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StorageError(classifyStorageError(error), error);
  }
}

export function openRepository(name?: string): Repository {
  const db = new KortpratDatabase(name);
  // Another tab opening a newer schema asks us to step aside; closing lets it upgrade,
  // and the next write then reports 'blocked' instead of silently failing.
  db.on('versionchange', () => {
    db.close();
    return false;
  });

  return {
    loadAll: () =>
      guard(async () => {
        const [pupilRows, conversationRows] = await db.transaction('r', db.pupils, db.conversations, () =>
          Promise.all([db.pupils.toArray(), db.conversations.toArray()]),
        );
        let unreadable = 0;
        const pupils: Pupil[] = [];
        for (const row of pupilRows) {
          const restored = restorePupil(row.body);
          if (restored.ok) pupils.push(restored.value);
          else unreadable++;
        }
        const conversations: Conversation[] = [];
        for (const row of conversationRows) {
          const restored = restoreConversation(row.body);
          if (restored.ok) conversations.push(restored.value);
          else unreadable++;
        }
        return { pupils, conversations, unreadable };
      }),

    loadConversation: (id) =>
      guard(async () => {
        const row = await db.conversations.get(id);
        if (!row) return null;
        const restored = restoreConversation(row.body);
        return restored.ok ? restored.value : null;
      }),

    save: (conversations, pupil) =>
      guard(() =>
        db.transaction('rw', db.pupils, db.conversations, async () => {
          if (pupil) await db.pupils.put({ id: pupil.id, body: pupil });
          await db.conversations.bulkPut(
            conversations.map((c) => ({ id: c.id, pupilId: c.pupilId, updatedAt: c.updatedAt, body: c })),
          );
        }),
      ),

    deleteConversation: (id) => guard(() => db.conversations.delete(id)),

    deletePupil: (id) =>
      guard(() =>
        db.transaction('rw', db.pupils, db.conversations, async () => {
          await db.conversations.where('pupilId').equals(id).delete();
          await db.pupils.delete(id);
        }),
      ),

    close: () => db.close(),
  };
}
