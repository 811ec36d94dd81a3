import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setCauseOtherText } from '../domain/conversation';
import { createCustomMeasure } from '../domain/measures';
import { draftPlan, setGoal } from '../domain/plan';
import { aConversation, aPupil } from '../testing/fixtures';
import { exportBackup, importBackup } from './backup-file';
import { KortpratDatabase } from './db';
import { type Repository, openRepository } from './repository';

const FAST = { kdfIterations: 1_000 };
// Backup files use at least 100,000 iterations (the format refuses fewer); enough for tests.
const FILE_ITERATIONS = 100_000;
let counter = 0;

const names = new WeakMap<Repository, string>();

async function vaultWith(passphrase: string, ...batches: Parameters<Repository['save']>[]) {
  const name = `backup-test-${++counter}`;
  const repository = openRepository(name, FAST);
  names.set(repository, name);
  await repository.createVault(passphrase, 1);
  for (const [conversations, pupils, plans] of batches) await repository.save(conversations, pupils, plans);
  return repository;
}

/** The vault's rows exactly as stored, through a connection of its own. */
async function rawRows(repository: Repository) {
  const db = new KortpratDatabase(names.get(repository));
  try {
    return [await db.pupils.toArray(), await db.conversations.toArray(), await db.plans.toArray()];
  } finally {
    db.close();
  }
}

const mia = aPupil('Mia Strand', { id: 'pupil-mia' });
const ola = aPupil('Ola Nordmann', { id: 'pupil-ola' });
const miasTalk = setCauseOtherText(aConversation(mia, { id: 'talk-mia', step: 'scale' }), 'Bussen', 5);
const olasTalk = aConversation(ola, { id: 'talk-ola', step: 'sort' });
const miasPlan = setGoal(
  draftPlan({
    id: 'plan-mia',
    conversation: aConversation(mia, { ratings: { matte: 1 } }),
    from: '2026-11-23',
    now: 5,
    newId: () => 'trinn-1',
  }),
  'Hele dager før jul',
  6,
);

describe('backup files', () => {
  it('restore everything on another tablet with the passphrase they were made with', async () => {
    const source = await vaultWith('skolens frase', [[miasTalk, olasTalk], [mia, ola], [miasPlan]]);
    const made = await exportBackup(source, 'skolens frase', 10_000, null, FILE_ITERATIONS);
    if (!made.ok) throw new Error('export failed');
    expect(made).toMatchObject({ pupils: 2, conversations: 2 });
    // The file holds no name and no word in the clear (base64 has no spaces, so a name
    // with one cannot turn up in the ciphertext by chance).
    expect(made.text).not.toMatch(/Mia Strand|Ola Nordmann|Bussen|Hele dager/);

    const target = await vaultWith('et annet nettbrett');
    expect(await importBackup(target, made.text, 'skolens frase')).toEqual({
      ok: true,
      added: 5,
      updated: 0,
      unchanged: 0,
    });
    const loaded = await target.loadAll();
    expect(loaded.pupils.map((p) => p.alias).sort()).toEqual(['Mia Strand', 'Ola Nordmann']);
    expect(loaded.conversations.find((c) => c.id === 'talk-mia')).toEqual(miasTalk);
    expect(loaded.plans).toEqual([miasPlan]);
  });

  it('of one pupil hold only that pupil', async () => {
    const source = await vaultWith('skolens frase', [[miasTalk, olasTalk], [mia, ola], [miasPlan]]);
    const made = await exportBackup(source, 'skolens frase', 10_000, ola.id, FILE_ITERATIONS);
    if (!made.ok) throw new Error('export failed');
    const target = await vaultWith('et annet nettbrett');
    await importBackup(target, made.text, 'skolens frase');
    expect((await target.loadAll()).conversations.map((c) => c.id)).toEqual(['talk-ola']);
    expect((await target.loadAll()).plans).toEqual([]);
  });

  it("of everything bring the school's own measures back; a pupil's backup leaves them out", async () => {
    const school = [
      createCustomMeasure('Fast plass ved døra', 'struktur', 'a'),
      createCustomMeasure('Pause med miljøarbeider', 'trygghet', 'b'),
    ];
    const source = await vaultWith('skolens frase', [[miasTalk], [mia]]);
    await source.saveSettings({ ...(await source.loadSettings()), schoolMeasures: school });
    const all = await exportBackup(source, 'skolens frase', 10_000, null, FILE_ITERATIONS);
    const one = await exportBackup(source, 'skolens frase', 20_000, mia.id, FILE_ITERATIONS);
    if (!all.ok || !one.ok) throw new Error('export failed');

    const fromOne = await vaultWith('et annet nettbrett');
    await importBackup(fromOne, one.text, 'skolens frase');
    expect((await fromOne.loadSettings()).schoolMeasures).toEqual([]);

    // A tablet with a measure of its own keeps it, and gets the school's others beside it.
    const own = createCustomMeasure('Følge til klasserommet', 'trygghet', 'c');
    const target = await vaultWith('et annet nettbrett');
    await target.saveSettings({ ...(await target.loadSettings()), schoolMeasures: [own] });
    await importBackup(target, all.text, 'skolens frase');
    expect((await target.loadSettings()).schoolMeasures).toEqual([own, ...school]);
  });

  it('are made only with the right passphrase, counted like any other attempt', async () => {
    const source = await vaultWith('skolens frase', [[miasTalk], [mia]]);
    expect(await exportBackup(source, 'gjett', 10_000, null, FILE_ITERATIONS)).toEqual({
      ok: false,
      reason: 'wrong',
      retryAt: 11_000,
    });
    expect(await exportBackup(source, 'skolens frase', 10_500, null, FILE_ITERATIONS)).toMatchObject({
      ok: false,
      reason: 'too-soon',
    });
  });

  it('never overwrite a newer conversation on the tablet, and delete nothing', async () => {
    const source = await vaultWith('frase en', [[miasTalk], [mia]]);
    const made = await exportBackup(source, 'frase en', 10_000, null, FILE_ITERATIONS);
    if (!made.ok) throw new Error('export failed');
    const newer = setCauseOtherText(miasTalk, 'Bussen og toget', 20_000);
    const target = await vaultWith('frase to', [
      [newer, olasTalk],
      [mia, ola],
    ]);
    expect(await importBackup(target, made.text, 'frase en')).toEqual({
      ok: true,
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    const loaded = await target.loadAll();
    expect(loaded.conversations.find((c) => c.id === 'talk-mia')?.causeOtherText).toBe('Bussen og toget');
    expect(loaded.conversations).toHaveLength(2);
  });

  it('refuse a wrong passphrase, a changed header or changed bytes, and change nothing', async () => {
    const source = await vaultWith('frase en', [[miasTalk], [mia]]);
    const made = await exportBackup(source, 'frase en', 10_000, null, FILE_ITERATIONS);
    if (!made.ok) throw new Error('export failed');
    const target = await vaultWith('frase to', [[olasTalk], [ola]]);
    const before = await rawRows(target);

    expect(await importBackup(target, made.text, 'frase to')).toEqual({ ok: false, problem: 'wrong-passphrase' });
    const envelope = JSON.parse(made.text) as { createdAt: number; data: string };
    const reDated = JSON.stringify({ ...envelope, createdAt: envelope.createdAt + 1 });
    expect(await importBackup(target, reDated, 'frase en')).toEqual({ ok: false, problem: 'wrong-passphrase' });
    const flipped = envelope.data.startsWith('A') ? `B${envelope.data.slice(1)}` : `A${envelope.data.slice(1)}`;
    const damaged = JSON.stringify({ ...envelope, data: flipped });
    expect(await importBackup(target, damaged, 'frase en')).toEqual({ ok: false, problem: 'wrong-passphrase' });

    expect(await rawRows(target)).toEqual(before);
  });

  it('refuse foreign, broken and hostile files without changing anything', async () => {
    const target = await vaultWith('frase to', [[olasTalk], [ola]]);
    const before = await rawRows(target);
    const cases: [string, string][] = [
      ['{"hello": "world"}', 'foreign'],
      ['{"format": "kortprat-backup", "version": 9}', 'newer-version'],
      ['{"format": "kortprat-backup", "version": 1, "__proto__": {"polluted": true}}', 'hostile'],
      ['[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', 'too-deep'],
      ['PK\u0003\u0004 not json at all', 'not-json'],
      ['{"format": "kortprat-backup", "version": 1, "scope": "all"}', 'invalid'],
    ];
    for (const [text, problem] of cases) {
      expect(await importBackup(target, text, 'frase to')).toEqual({ ok: false, problem });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await rawRows(target)).toEqual(before);
  });

  it('survive any text thrown at the importer: a result every time, the vault unchanged', async () => {
    const target = await vaultWith('frase to', [[olasTalk], [ola]]);
    const before = await rawRows(target);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), async (text) => {
        const result = await importBackup(target, text, 'frase to');
        return result.ok === false;
      }),
      { numRuns: 150 },
    );
    expect(await rawRows(target)).toEqual(before);
  });
});
