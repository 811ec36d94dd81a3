import { describe, expect, it, vi } from 'vitest';
import { type Conversation, answerPrompt, setCauseOtherText } from '../domain/conversation';
import { DEFAULT_SETTINGS } from '../domain/device-settings';
import { draftPlan, setGoal, setStepText } from '../domain/plan';
import { aConversation, aPupil } from '../testing/fixtures';
import { hashPin } from './cipher';
import { KortpratDatabase } from './db';
import { openRepository } from './repository';

const FAST = { kdfIterations: 1_000 };
const PASSPHRASE = 'grønn sykkel ved fjorden';
let counter = 0;
const freshName = () => `repository-test-${++counter}`;

async function newVault(name = freshName()) {
  const repository = openRepository(name, FAST);
  await repository.createVault(PASSPHRASE, 1_000);
  return { name, repository };
}

/** Every byte IndexedDB holds for this database, as text a search can run over. */
async function rawContents(name: string): Promise<string> {
  const db = new KortpratDatabase(name);
  try {
    const rows = [
      ...(await db.pupils.toArray()),
      ...(await db.conversations.toArray()),
      ...(await db.plans.toArray()),
      ...(await db.meta.toArray()),
    ];
    // Uint8Arrays are spelled out byte by byte and also decoded, so text hidden in them would show.
    return JSON.stringify(rows, (_key, value: unknown) =>
      value instanceof Uint8Array ? `${[...value].join(',')}|${new TextDecoder().decode(value)}` : value,
    );
  } finally {
    db.close();
  }
}

describe('the vault', () => {
  it('is new until a passphrase is set, then locked in every new connection until unlocked', async () => {
    const name = freshName();
    const first = openRepository(name, FAST);
    expect(await first.vaultState()).toBe('new');
    await first.createVault(PASSPHRASE, 1);
    expect(await first.vaultState()).toBe('unlocked');
    first.close();

    const second = openRepository(name, FAST);
    expect(await second.vaultState()).toBe('locked');
    await expect(second.loadAll()).rejects.toMatchObject({ problem: 'locked' });
    await expect(second.save([aConversation(aPupil('Mia'))])).rejects.toMatchObject({ problem: 'locked' });
    expect(await second.unlock(PASSPHRASE, 2)).toEqual({ ok: true });
    expect(await second.vaultState()).toBe('unlocked');
    second.lock();
    expect(await second.vaultState()).toBe('locked');
    second.close();
  });

  it('stores nothing of the pupil in the clear: no alias, no typed word, no card text', async () => {
    const { name, repository } = await newVault();
    const pupil = aPupil('Solveig Hansen');
    let conversation: Conversation = aConversation(pupil, { step: 'explore', ratings: { matte: 2 } });
    conversation = setCauseOtherText(conversation, 'Bussen om morgenen', 5);
    conversation = answerPrompt(
      conversation,
      'matte',
      'situation',
      { choices: [], text: 'Når læreren spør meg', unknown: false, typedByAdult: false },
      6,
    );
    await repository.save([conversation], [pupil]);
    await repository.saveSettings({ ...DEFAULT_SETTINGS, inactivityMinutes: 10, reminderDays: 90 });
    repository.close();

    const raw = await rawContents(name);
    for (const secret of ['Solveig', 'Hansen', 'Bussen', 'morgenen', 'læreren', 'matte', 'explore', PASSPHRASE]) {
      expect(raw).not.toContain(secret);
    }
    // …and the same database, unlocked, gives it all back.
    const reopened = openRepository(name, FAST);
    await reopened.unlock(PASSPHRASE, 7);
    const loaded = await reopened.loadAll();
    expect(loaded.pupils).toEqual([pupil]);
    expect(loaded.conversations).toEqual([conversation]);
    expect((await reopened.loadSettings()).inactivityMinutes).toBe(10);
    reopened.close();
  });

  it('makes every write with a fresh IV', async () => {
    const { name, repository } = await newVault();
    const conversation = aConversation(aPupil('Mia'));
    const ivs = new Set<string>();
    const db = new KortpratDatabase(name);
    for (let i = 0; i < 5; i++) {
      await repository.save([conversation]);
      ivs.add((await db.conversations.get(conversation.id))!.sealed!.iv.join());
    }
    db.close();
    repository.close();
    expect(ivs.size).toBe(5);
  });

  it('refuses a wrong passphrase, then makes each next attempt wait longer, across reloads', async () => {
    const { name, repository } = await newVault();
    repository.close();

    const tab = openRepository(name, FAST);
    expect(await tab.unlock('feil', 10_000)).toEqual({ ok: false, reason: 'wrong', retryAt: 11_000 });
    // Too early: refused without even trying, the right passphrase included.
    expect(await tab.unlock(PASSPHRASE, 10_500)).toEqual({ ok: false, reason: 'too-soon', retryAt: 11_000 });
    expect(await tab.unlock('feil igjen', 11_000)).toEqual({ ok: false, reason: 'wrong', retryAt: 13_000 });
    tab.close();

    // A reload does not reset the count.
    const reloaded = openRepository(name, FAST);
    expect(await reloaded.unlock('feil', 13_000)).toEqual({ ok: false, reason: 'wrong', retryAt: 18_000 });
    expect(await reloaded.vaultState()).toBe('locked');
    expect(await reloaded.unlock(PASSPHRASE, 18_000)).toEqual({ ok: true });
    // The right one clears it.
    reloaded.lock();
    expect(await reloaded.unlock('feil', 20_000)).toEqual({ ok: false, reason: 'wrong', retryAt: 21_000 });
    reloaded.close();
  });

  it('changes the passphrase by re-wrapping the same key: the records stay as they are', async () => {
    const { name, repository } = await newVault();
    const conversation = aConversation(aPupil('Mia'));
    await repository.save([conversation]);
    const db = new KortpratDatabase(name);
    const before = await db.conversations.get(conversation.id);

    expect(await repository.changePassphrase('feil', 'ny lang frase', 2)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await repository.changePassphrase(PASSPHRASE, 'ny lang frase', 3_000)).toEqual({ ok: true });
    expect(await db.conversations.get(conversation.id)).toEqual(before);
    db.close();
    repository.close();

    const reopened = openRepository(name, FAST);
    expect(await reopened.unlock(PASSPHRASE, 4_000)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await reopened.unlock('ny lang frase', 10_000)).toEqual({ ok: true });
    expect((await reopened.loadAll()).conversations).toEqual([conversation]);
    reopened.close();
  });

  it('raises a keyring made with fewer iterations when it is unlocked', async () => {
    const { name, repository } = await newVault();
    repository.close();
    const stronger = openRepository(name, { kdfIterations: 2_000 });
    await stronger.unlock(PASSPHRASE, 2);
    stronger.close();
    const db = new KortpratDatabase(name);
    const keyring = await db.meta.get('keyring');
    db.close();
    expect(keyring?.id === 'keyring' && keyring.keyring.kdf.iterations).toBe(2_000);
    const again = openRepository(name, FAST);
    expect(await again.unlock(PASSPHRASE, 3)).toEqual({ ok: true });
    again.close();
  });

  it('lets the adult through pupil mode with the PIN, which counts wrong guesses like wrong passphrases', async () => {
    const { repository } = await newVault();
    expect(await repository.checkAdult('4711', 10_000)).toMatchObject({ ok: false, reason: 'wrong' });
    // No PIN set: only the passphrase opens.
    expect(await repository.checkAdult(PASSPHRASE, 11_000)).toEqual({ ok: true });

    await repository.saveSettings({ ...DEFAULT_SETTINGS, pin: await hashPin('4711') });
    expect(await repository.checkAdult('4711', 12_000)).toEqual({ ok: true });
    expect(await repository.checkAdult('1234', 13_000)).toEqual({ ok: false, reason: 'wrong', retryAt: 14_000 });
    // The wait applies to the PIN too: no quick run through all 10,000.
    expect(await repository.checkAdult('4711', 13_500)).toMatchObject({ ok: false, reason: 'too-soon' });
    expect(await repository.checkAdult('4711', 14_000)).toEqual({ ok: true });
    // The PIN is a gate, not a key: it does not unlock the vault.
    repository.lock();
    expect(await repository.unlock('4711', 20_000)).toMatchObject({ ok: false, reason: 'wrong' });
    repository.close();
  });

  it('erases everything: records, settings and key', async () => {
    const { name, repository } = await newVault();
    await repository.save([aConversation(aPupil('Mia'))], [aPupil('Mia')]);
    await repository.eraseEverything();
    expect(await repository.vaultState()).toBe('new');
    repository.close();
    expect(await rawContents(name)).toBe('[]');
  });

  it('starts writes in the order they were asked for, so the newest version stays', async () => {
    const { name, repository } = await newVault();
    const conversation = aConversation(aPupil('Mia'));
    // A big older version takes longer to seal than the small newer one that follows it.
    const big = setCauseOtherText(conversation, 'x'.repeat(8_000_000), 1);
    const small = setCauseOtherText(conversation, 'siste', 2);
    await Promise.all([repository.save([big]), repository.save([small])]);
    repository.close();
    const reopened = openRepository(name, FAST);
    await reopened.unlock(PASSPHRASE, 99);
    expect((await reopened.loadAll()).conversations.map((c) => c.causeOtherText)).toEqual(['siste']);
    reopened.close();
  });
});

describe('loading everything', () => {
  it('restores a slice at a time, giving the page a turn between slices, and keeps every record', async () => {
    const { name, repository } = await newVault();
    const pupil = aPupil('Mia');
    const conversations = Array.from({ length: 6 }, (_, i) => aConversation(pupil, { id: `c-${i}` }));
    await repository.save(conversations, [pupil]);
    repository.close();

    const yieldToPage = vi.fn(() => Promise.resolve());
    // No time at all per slice: the page gets its turn before every record.
    const reader = openRepository(name, { ...FAST, restoreSliceMs: 0, yieldToPage });
    await reader.unlock(PASSPHRASE, 2);
    const loaded = await reader.loadAll();
    expect(loaded.pupils.map((p) => p.id)).toEqual([pupil.id]);
    expect(loaded.conversations.map((c) => c.id).sort()).toEqual(conversations.map((c) => c.id).sort());
    expect(loaded.unreadable).toBe(0);
    expect(yieldToPage).toHaveBeenCalledTimes(1 + conversations.length);
    reader.close();
  });
});

describe('a failed save', () => {
  it('writes nothing of its batch: the versions on disk stay as they were', async () => {
    const { name, repository } = await newVault();
    const mia = aConversation(aPupil('Mia'), { id: 'c-mia' });
    const ola = aConversation(aPupil('Ola'), { id: 'c-ola' });
    await repository.save([mia, ola]);
    const realPut = IDBObjectStore.prototype.put;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    // The second row of the batch cannot be stored (as when the disk is full).
    put.mockImplementationOnce(function (this: IDBObjectStore, ...args) {
      return realPut.apply(this, args);
    });
    put.mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await expect(
        repository.save([setCauseOtherText(mia, 'ny Mia', 2), setCauseOtherText(ola, 'ny Ola', 2)]),
      ).rejects.toMatchObject({ problem: 'quota' });
    } finally {
      put.mockRestore();
    }
    repository.close();
    const reopened = openRepository(name, FAST);
    await reopened.unlock(PASSPHRASE, 99);
    const stored = (await reopened.loadAll()).conversations;
    expect(stored.map((c) => c.causeOtherText)).toEqual(['', '']);
    reopened.close();
  });

  it('after another tab opened a newer schema is refused as blocked, and the database is not opened again', async () => {
    const { name, repository } = await newVault();
    const conversation = aConversation(aPupil('Mia'));
    await repository.save([conversation]);
    // A newer app in another tab: our connection steps aside so its upgrade can run.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10_000);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await expect(repository.save([setCauseOtherText(conversation, 'etter', 2)])).rejects.toMatchObject({
      problem: 'blocked',
    });
    newer.close();
    repository.close();
  });
});

describe('plans', () => {
  function planFor(pupilAlias: string, id: string) {
    const pupil = aPupil(pupilAlias, { id: `elev-${id}` });
    const conversation = aConversation(pupil, { id: `samtale-${id}`, ratings: { matte: 1, 'gym-garderobe': 2 } });
    let next = 0;
    let plan = draftPlan({ id, conversation, from: '2026-11-23', now: 10, newId: () => `${id}-trinn-${++next}` });
    plan = setGoal(plan, 'Hele skoledager før jul', 11);
    plan = setStepText(plan, plan.steps[0]!.id, 'support', 'Egen garderobe med Kari', 12);
    return { pupil, conversation, plan };
  }

  it('are sealed like conversations, read back through the restore funnel, and deleted with their pupil', async () => {
    const { name, repository } = await newVault();
    const mira = planFor('Mira', 'plan-a');
    const ola = planFor('Ola', 'plan-b');
    await repository.save([mira.conversation, ola.conversation], [mira.pupil, ola.pupil]);
    await repository.save([], [], [mira.plan, ola.plan]);

    const raw = await rawContents(name);
    expect(raw).not.toContain('Hele skoledager');
    expect(raw).not.toContain('Egen garderobe med Kari');
    expect(raw).not.toContain('gym-garderobe');

    const loaded = await repository.loadAll();
    expect(loaded.plans.sort((a, b) => a.id.localeCompare(b.id))).toEqual([mira.plan, ola.plan]);

    await repository.deletePupil(mira.pupil.id);
    expect((await repository.loadAll()).plans.map((plan) => plan.id)).toEqual(['plan-b']);
    await repository.deletePlan('plan-b');
    expect((await repository.loadAll()).plans).toEqual([]);
    repository.close();
  });

  it('counts an unreadable plan and leaves it on disk; erasing everything clears plans too', async () => {
    const { name, repository } = await newVault();
    const { plan } = planFor('Mira', 'plan-a');
    await repository.save([], [], [plan]);
    const db = new KortpratDatabase(name);
    await db.plans.put({
      id: 'plan-broken',
      pupilId: 'x',
      updatedAt: 1,
      sealed: (await db.plans.get('plan-a'))!.sealed!,
    });
    const stored = await db.plans.get('plan-broken');
    await db.plans.put({ ...stored!, sealed: { ...stored!.sealed!, iv: new Uint8Array(12) } });
    const loaded = await repository.loadAll();
    expect(loaded.plans.map((p) => p.id)).toEqual(['plan-a']);
    expect(loaded.unreadable).toBe(1);
    expect(await db.plans.count()).toBe(2);

    await repository.eraseEverything();
    expect(await db.plans.count()).toBe(0);
    db.close();
    repository.close();
  });
});
