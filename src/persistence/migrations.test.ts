/**
 * Every database version the app has ever shipped has a fixture here, written out as
 * that version laid it out (raw IndexedDB, not today's schema code). Today's app must
 * open each one and read everything in it. When you add `version(n + 1)` to db.ts, add
 * `fixtures/database-v<n>.json` made by version n, and its store layout below.
 */

import { describe, expect, it } from 'vitest';
import { CONVERSATION_SCHEMA_VERSION } from '../domain/conversation';
import { gradedList } from '../domain/graded-list';
import v1 from './fixtures/database-v1.json';
import { openRepository } from './repository';

interface Fixture {
  databaseVersion: number;
  pupils: { id: string; body: unknown }[];
  conversations: { id: string; pupilId: string; updatedAt: number; body: unknown }[];
}

/** How each shipped version created its stores (Dexie stores version n as 10 × n). */
const LAYOUTS: Record<number, (db: IDBDatabase) => void> = {
  1: (db) => {
    db.createObjectStore('pupils', { keyPath: 'id' });
    const conversations = db.createObjectStore('conversations', { keyPath: 'id' });
    conversations.createIndex('pupilId', 'pupilId');
    conversations.createIndex('updatedAt', 'updatedAt');
  },
};

function writeRaw(name: string, fixture: Fixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, fixture.databaseVersion * 10);
    request.onupgradeneeded = () => LAYOUTS[fixture.databaseVersion]!(request.result);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['pupils', 'conversations'], 'readwrite');
      for (const row of fixture.pupils) tx.objectStore('pupils').put(row);
      for (const row of fixture.conversations) tx.objectStore('conversations').put(row);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const FIXTURES: Fixture[] = [v1];

describe('every earlier database version opens and reads in full', () => {
  it('has a fixture and a layout for every version up to the current one', () => {
    expect(FIXTURES.map((f) => f.databaseVersion)).toEqual(Object.keys(LAYOUTS).map(Number));
    expect(Math.max(...FIXTURES.map((f) => f.databaseVersion))).toBeGreaterThanOrEqual(1);
    expect(CONVERSATION_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });

  it.each(FIXTURES.map((fixture) => [fixture.databaseVersion, fixture] as const))(
    'version %i',
    async (version, fixture) => {
      const name = `migration-v${version}-${crypto.randomUUID()}`;
      await writeRaw(name, fixture);
      const repository = openRepository(name);
      const loaded = await repository.loadAll();
      repository.close();

      expect(loaded.unreadable).toBe(0);
      expect(loaded.pupils.map((p) => p.alias)).toEqual(['Mira']);
      const [conversation] = loaded.conversations;
      expect(conversation?.schemaVersion).toBe(CONVERSATION_SCHEMA_VERSION);
      // What the pupil made is all there: the step, the words, the graded list.
      expect(conversation).toMatchObject({
        step: 'explore',
        causes: { redd: 2, 'noe-annet': 1 },
        causeOtherText: 'Bussen',
        exploreCursor: { card: 0, part: 2 },
      });
      expect(conversation?.answers.matte?.situation?.text).toBe('Tavla');
      expect(gradedList(conversation!).map((entry) => [entry.card.id, entry.rating])).toEqual([
        ['matte', 2],
        ['laerer-1', 4],
        ['norsk', 9],
      ]);
    },
  );
});
