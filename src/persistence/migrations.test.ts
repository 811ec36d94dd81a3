/**
 * Every database version the app has ever shipped has a fixture here, written out as
 * that version laid it out (raw IndexedDB, not today's schema code). Today's app must
 * open each one and read everything in it. When you add `version(n + 1)` to db.ts, add
 * `fixtures/database-v<n>.json` made by version n, and its store layout below.
 *
 * Version 1 had no passphrase: its rows are plain, and today's app asks for a passphrase
 * first, then seals every one of them before anything else happens.
 */

import { describe, expect, it } from 'vitest';
import { CONVERSATION_SCHEMA_VERSION } from '../domain/conversation';
import { gradedList } from '../domain/graded-list';
import v1 from './fixtures/database-v1.json';
import { KortpratDatabase } from './db';
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
      const repository = openRepository(name, { kdfIterations: 1_000 });
      expect(await repository.vaultState()).toBe('new');
      await repository.createVault('en passordfrase', 1);
      repository.close();

      // No plain record is left on disk: every row is sealed, none carries a body.
      const db = new KortpratDatabase(name);
      const rows = [...(await db.pupils.toArray()), ...(await db.conversations.toArray())];
      db.close();
      expect(rows).toHaveLength(fixture.pupils.length + fixture.conversations.length);
      for (const row of rows) expect(row).toEqual(expect.objectContaining({ sealed: expect.anything() }));
      expect(rows.some((row) => 'body' in row)).toBe(false);
      expect(JSON.stringify(rows)).not.toMatch(/Mira|Tavla|Bussen/);

      // A reload opens it with the passphrase and finds everything.
      const reopened = openRepository(name, { kdfIterations: 1_000 });
      expect(await reopened.unlock('en passordfrase', 2)).toEqual({ ok: true });
      const loaded = await reopened.loadAll();
      reopened.close();

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
