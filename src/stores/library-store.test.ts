import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, rateCard, sortCard, setCauseOtherText } from '../domain/conversation';
import { setGoal } from '../domain/plan';
import { KortpratDatabase } from '../persistence/db';
import type { Repository } from '../persistence/repository';
import { openTestRepository } from '../testing/vault';
import {
  applyToActive,
  applyToPlan,
  checkVault,
  closeConversation,
  createPlan,
  deletePlan,
  deletePupil,
  flushSaves,
  loadLibrary,
  lockVault,
  openConversation,
  planOfPupil,
  resetLibraryForTests,
  retrySaves,
  startConversation,
  useLibrary,
} from './library-store';

let counter = 0;
/** A store on a fresh (or the named) database, unlocked with the test passphrase. */
async function freshStore(
  name = `store-test-${++counter}`,
  overrides: Partial<Parameters<typeof resetLibraryForTests>[0]> = {},
) {
  let id = 0;
  let time = 1_000;
  resetLibraryForTests({
    repository: overrides.repository ?? (await openTestRepository(name)),
    now: () => (time += 1_000),
    newId: () => `id-${++id}`,
    claim: async () => () => {},
    ...overrides,
  });
  await checkVault();
  return name;
}

async function startMia() {
  const conversation = await startConversation({ pupil: { alias: ' Mia ' }, settings: defaultSettings(6, 'nb') });
  await openConversation(conversation.id);
  return conversation;
}

/** A repository whose writes fail until `heal()` is called. */
async function flakyRepository(name: string) {
  const real = await openTestRepository(name);
  let broken = false;
  const repository: Repository = {
    ...real,
    save: (...args) =>
      broken
        ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
        : real.save(...args),
  };
  return { repository, breakWrites: () => (broken = true), heal: () => (broken = false), real };
}

describe('library store', () => {
  it('stores a new pupil (alias trimmed) with the conversation, and loads both back', async () => {
    const name = await freshStore();
    const started = await startMia();
    expect(useLibrary.getState().pupils[started.pupilId]?.alias).toBe('Mia');

    await freshStore(name);
    await loadLibrary();
    const state = useLibrary.getState();
    expect(state.status).toBe('ready');
    expect(Object.values(state.pupils).map((p) => p.alias)).toEqual(['Mia']);
    expect(state.conversations[started.id]).toEqual(started);
  });

  it('saves every change at once, and the last of many quick changes wins', async () => {
    const name = await freshStore();
    const started = await startMia();
    for (let i = 1; i <= 40; i++) void applyToActive((c, now) => setCauseOtherText(c, 'x'.repeat(i), now));
    await flushSaves();

    const loaded = await (await openTestRepository(name)).loadAll();
    expect(loaded.conversations.find((c) => c.id === started.id)?.causeOtherText).toBe('x'.repeat(40));
  });

  it('a change wakes the store once: a save that goes well changes nothing more', async () => {
    await freshStore();
    await startMia();
    await flushSaves();
    const woken = vi.fn();
    const unsubscribe = useLibrary.subscribe(woken);
    await applyToActive((c, now) => setCauseOtherText(c, 'Bussen', now));
    await flushSaves();
    unsubscribe();
    expect(woken).toHaveBeenCalledTimes(1);
  });

  it('keeps a failed answer on screen, reports the problem, and stores it on retry', async () => {
    const name = `store-test-${++counter}`;
    const flaky = await flakyRepository(name);
    await freshStore(name, { repository: flaky.repository });
    const started = await startMia();
    await applyToActive((c, now) => sortCard(c, 'matte', 'applies', now));

    flaky.breakWrites();
    await applyToActive((c, now) => rateCard(c, 'matte', 4, now));
    expect(useLibrary.getState().saveProblem).toBe('quota');
    expect(useLibrary.getState().conversations[started.id]?.ratings.matte).toBe(4);
    // What was saved before the failure is intact.
    const before = await flaky.real.loadAll();
    expect(before.conversations[0]?.piles.matte).toBe('applies');
    expect(before.conversations[0]?.ratings.matte).toBeUndefined();

    flaky.heal();
    await retrySaves();
    expect(useLibrary.getState().saveProblem).toBeNull();
    const after = await flaky.real.loadAll();
    expect(after.conversations[0]?.ratings.matte).toBe(4);
  });

  it('refuses to edit a conversation another tab holds', async () => {
    await freshStore(undefined, { claim: async () => null });
    const started = await startConversation({ pupil: { alias: 'Mia' }, settings: defaultSettings(6, 'nb') });
    await openConversation(started.id);
    expect(useLibrary.getState().openStatus).toBe('locked-elsewhere');

    await applyToActive((c, now) => sortCard(c, 'matte', 'applies', now));
    expect(useLibrary.getState().conversations[started.id]?.piles.matte).toBeUndefined();
  });

  it('keeps its own lock when a conversation is closed and at once reopened', async () => {
    const claim = vi.fn(async () => () => {});
    await freshStore(undefined, { claim });
    const started = await startConversation({ pupil: { alias: 'Mia' }, settings: defaultSettings(6, 'nb') });
    const first = openConversation(started.id);
    closeConversation();
    await Promise.all([first, openConversation(started.id)]);
    expect(useLibrary.getState().openStatus).toBe('open');
    expect(claim).toHaveBeenCalledTimes(1);
  });

  it('opens the stored copy, not the one this tab loaded earlier', async () => {
    const name = await freshStore();
    const started = await startConversation({ pupil: { alias: 'Mia' }, settings: defaultSettings(6, 'nb') });
    // Another tab moves on meanwhile and saves.
    const otherTab = await openTestRepository(name);
    await otherTab.save([sortCard(started, 'matte', 'applies', 99_000)]);
    otherTab.close();

    await openConversation(started.id);
    expect(useLibrary.getState().conversations[started.id]?.piles.matte).toBe('applies');
  });

  it('reports a conversation that does not exist', async () => {
    await freshStore();
    await loadLibrary();
    await openConversation('nope');
    expect(useLibrary.getState().openStatus).toBe('missing');
  });

  it('deletes a pupil together with every conversation with them', async () => {
    const name = await freshStore();
    const mia = await startMia();
    const other = await startConversation({ pupil: { alias: 'Ola' }, settings: defaultSettings(3, 'nb') });
    await startConversation({ pupil: { id: mia.pupilId }, settings: defaultSettings(6, 'nb') });
    closeConversation();

    await deletePupil(mia.pupilId);
    expect(Object.keys(useLibrary.getState().conversations)).toEqual([other.id]);
    const loaded = await (await openTestRepository(name)).loadAll();
    expect(loaded.pupils.map((p) => p.alias)).toEqual(['Ola']);
    expect(loaded.conversations.map((c) => c.id)).toEqual([other.id]);
  });

  it('counts unreadable rows and leaves them on disk untouched', async () => {
    const name = await freshStore();
    await startMia();
    const db = new KortpratDatabase(name);
    await db.conversations.put({ id: 'broken', pupilId: 'x', updatedAt: 1, body: { schemaVersion: 1, junk: true } });
    await db.pupils.put({ id: 'from-the-future', body: 'not a pupil' });

    await freshStore(name);
    await loadLibrary();
    expect(useLibrary.getState().unreadable).toBe(2);
    expect(await db.conversations.get('broken')).toBeDefined();
    expect(await db.pupils.get('from-the-future')).toBeDefined();
    db.close();
  });

  it('recovers on "try again" when the database could not be opened at first', async () => {
    const real = await openTestRepository(`store-test-${++counter}`);
    let failures = 1;
    const flaky: Repository = {
      ...real,
      vaultState: () =>
        failures-- > 0 ? Promise.reject(Object.assign(new Error('no'), { name: 'BlockedError' })) : real.vaultState(),
    };
    await freshStore(undefined, { repository: flaky });
    expect(useLibrary.getState()).toMatchObject({ status: 'failed', loadProblem: 'blocked' });
    await checkVault();
    expect(useLibrary.getState()).toMatchObject({ status: 'idle', loadProblem: null, vault: 'unlocked' });
    await loadLibrary();
    expect(useLibrary.getState().status).toBe('ready');
  });

  it('says so when the database cannot be read at all', async () => {
    const failing: Repository = {
      ...(await openTestRepository(`store-test-${++counter}`)),
      loadAll: () => Promise.reject(Object.assign(new Error('no'), { name: 'MissingAPIError' })),
    };
    await freshStore(undefined, { repository: failing });
    await loadLibrary();
    expect(useLibrary.getState()).toMatchObject({ status: 'failed', loadProblem: 'unavailable' });
  });
});

describe('plans in the store', () => {
  async function ratedConversation() {
    const started = await startMia();
    await applyToActive((c, now) => sortCard(c, 'matte', 'applies', now));
    await applyToActive((c, now) => rateCard(c, 'matte', 2, now));
    return started;
  }

  it('drafts a plan from a conversation, stores it, and saves every edit at once', async () => {
    const name = await freshStore();
    const started = await ratedConversation();
    const plan = await createPlan(started.id, '2026-11-23');
    expect(plan?.steps.map((step) => step.situations)).toEqual([['matte']]);
    for (let i = 1; i <= 20; i++) void applyToPlan(plan!.id, (p, now) => setGoal(p, `Mål ${i}`, now));
    await flushSaves();

    const loaded = await (await openTestRepository(name)).loadAll();
    expect(loaded.plans).toHaveLength(1);
    expect(loaded.plans[0]).toEqual(useLibrary.getState().plans[plan!.id]);
    expect(loaded.plans[0]!.goal).toBe('Mål 20');
  });

  it('keeps a plan edit that could not be written, and writes it on retry; locking waits for it', async () => {
    const name = `store-test-${++counter}`;
    const flaky = await flakyRepository(name);
    await freshStore(name, { repository: flaky.repository });
    const started = await ratedConversation();
    const plan = (await createPlan(started.id, '2026-11-23'))!;

    flaky.breakWrites();
    await applyToPlan(plan.id, (p, now) => setGoal(p, 'Hele dager', now));
    expect(useLibrary.getState().saveProblem).toBe('quota');
    expect(useLibrary.getState().plans[plan.id]?.goal).toBe('Hele dager');
    expect(await lockVault()).toBe(false);
    expect((await flaky.real.loadAll()).plans[0]?.goal).toBe('');

    flaky.heal();
    await retrySaves();
    expect((await flaky.real.loadAll()).plans[0]?.goal).toBe('Hele dager');
    expect(await lockVault()).toBe(true);
    expect(useLibrary.getState().plans).toEqual({});
  });

  it("finds the pupil's newest plan when an import left two, and follows a change to them", async () => {
    await freshStore();
    const started = await ratedConversation();
    const first = (await createPlan(started.id, '2026-11-23'))!;
    const second = (await createPlan(started.id, '2026-12-07'))!;
    const state = useLibrary.getState();
    expect(planOfPupil(state, started.pupilId)?.id).toBe(second.id);
    expect(planOfPupil(state, 'nobody')).toBeUndefined();

    await applyToPlan(first.id, (p, now) => setGoal(p, 'Hele dager', now + 1000));
    expect(planOfPupil(useLibrary.getState(), started.pupilId)?.id).toBe(first.id);
  });

  it("deletes a plan, and a pupil's plans go with the pupil", async () => {
    const name = await freshStore();
    const started = await ratedConversation();
    const first = (await createPlan(started.id, '2026-11-23'))!;
    const second = (await createPlan(started.id, '2026-12-07'))!;
    await deletePlan(first.id);
    expect(Object.keys(useLibrary.getState().plans)).toEqual([second.id]);
    closeConversation();
    await deletePupil(started.pupilId);
    expect(useLibrary.getState().plans).toEqual({});
    expect((await (await openTestRepository(name)).loadAll()).plans).toEqual([]);
  });
});
