/**
 * Renders the whole app on a fresh, real Dexie database (fake-indexeddb) per test, with
 * a fixed clock and counted ids. Nothing of the store or the repository is mocked; a test
 * proves what was saved by opening the same database again with a new connection.
 */

import { Profiler, StrictMode } from 'react';
import { act, configure, render, waitFor } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel, type UserEvent } from '@testing-library/user-event';
import { afterEach, expect, vi } from 'vitest';
import { App } from '../app/app';
import type { Conversation } from '../domain/conversation';
import type { Pupil } from '../domain/pupil';
import { open, unlockKeyring } from '../persistence/cipher';
import { KortpratDatabase } from '../persistence/db';
import type { DeviceStorage } from '../persistence/device-storage';
import { type LoadedLibrary, type Repository, openRepository } from '../persistence/repository';
import type { ReleaseLock } from '../persistence/tab-lock';
import { flushSaves, resetLibraryForTests } from '../stores/library-store';
import { type ConversationSpec, type Seed, TEST_NOW, aConversation, aPupil } from './fixtures';
import { TEST_KDF, TEST_PASSPHRASE, openTestRepository } from './vault';

export interface RenderAppOptions {
  /** The route to start on; `#/` (the list) by default. */
  hash?: string;
  /** Pupils and conversations stored before the app loads. */
  seed?: Seed;
  /** Runs against the fresh database before the app opens it (e.g. to plant a bad row). */
  prepare?: (databaseName: string) => Promise<void>;
  /** Wraps the real repository the app uses, e.g. to make saves fail. */
  wrapRepository?: (repository: Repository) => Repository;
  /** The tab lock; granted at once by default. */
  claim?: (id: string) => Promise<ReleaseLock | null>;
  /** What the browser says about persistent storage; unknown (no Storage API) by default. */
  deviceStorage?: DeviceStorage;
  /**
   * The vault as the app finds it: unlocked with TEST_PASSPHRASE (the default, as if the
   * adult had just given it), locked (passphrase set, key not in memory) or new (none set).
   */
  vault?: 'unlocked' | 'locked' | 'new';
  /** The app's clock; tests move `clock.now` to let time pass. TEST_NOW by default. */
  clock?: { now: number };
  /** Called for every render React commits to the page (a React Profiler around the app). */
  onCommit?: () => void;
}

export interface RenderedApp {
  user: UserEvent;
  databaseName: string;
  container: HTMLElement;
  /** Waits for pending saves, then reads the database through a new connection. */
  stored(): Promise<LoadedLibrary>;
  /** The database as it is right now, without waiting for or retrying pending saves. */
  storedNow(): Promise<LoadedLibrary>;
  storedConversation(id: string): Promise<Conversation | undefined>;
}

/** Reads a database through a connection of its own, as a reload would (unlocking it with the test passphrase). */
export async function readDatabase(databaseName: string): Promise<LoadedLibrary> {
  const repository = await openTestRepository(databaseName);
  try {
    return await repository.loadAll();
  } finally {
    repository.close();
  }
}

/**
 * A conversation's stored body exactly as it is on disk, before the restore funnel tidies
 * it: for checking what the app wrote, not what a reload would make of it.
 */
export async function readRawConversation(databaseName: string, id: string): Promise<unknown> {
  const db = new KortpratDatabase(databaseName);
  try {
    const row = await db.conversations.get(id);
    const keyring = await db.meta.get('keyring');
    if (!row?.sealed || keyring?.id !== 'keyring') return undefined;
    return await open(await unlockKeyring(keyring.keyring, TEST_PASSPHRASE), row.sealed);
  } finally {
    db.close();
  }
}

async function storeSeed(databaseName: string, seed: Seed): Promise<void> {
  const repository = await openTestRepository(databaseName);
  try {
    const pupils = seed.pupils ?? [];
    const conversations = seed.conversations ?? [];
    const plans = seed.plans ?? [];
    for (const pupil of pupils) {
      await repository.save(
        conversations.filter((c) => c.pupilId === pupil.id),
        [pupil],
        plans.filter((p) => p.pupilId === pupil.id),
      );
    }
    const orphans = conversations.filter((c) => !pupils.some((p) => p.id === c.pupilId));
    if (orphans.length > 0) await repository.save(orphans);
  } finally {
    repository.close();
  }
}

// Lazy screens load their modules the first time a file shows them, which on a busy
// machine takes longer than the defaults allow (1 s for findBy…, 5 s per test).
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 15_000 });

let appRepository: Repository | null = null;

// Whatever a test left queued is written (to its own database) before the next one starts.
afterEach(async () => {
  await act(async () => {
    await flushSaves();
  });
  appRepository?.close();
  appRepository = null;
});

export async function renderApp(options: RenderAppOptions = {}): Promise<RenderedApp> {
  const databaseName = `test-${crypto.randomUUID()}`;
  const vault = options.vault ?? 'unlocked';
  await options.prepare?.(databaseName);
  if (options.seed) await storeSeed(databaseName, options.seed);
  else if (vault !== 'new') await openTestRepository(databaseName).then((repository) => repository.close());

  let nextId = 0;
  const real = vault === 'unlocked' ? await openTestRepository(databaseName) : openRepository(databaseName, TEST_KDF);
  appRepository = real;
  const clock = options.clock ?? { now: TEST_NOW };
  resetLibraryForTests({
    repository: options.wrapRepository ? options.wrapRepository(real) : real,
    now: () => clock.now,
    newId: () => `id-${++nextId}`,
    claim: options.claim ?? (async () => () => {}),
    deviceStorage: async () => options.deviceStorage ?? { persisted: null, usageBytes: null, quotaBytes: null },
  });

  window.location.hash = options.hash ?? '#/';
  // No stylesheet is loaded in jsdom, so checking `pointer-events` up the tree on every
  // click would only cost time.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  // As in main.tsx: StrictMode mounts twice, which the tab lock and the loading must survive.
  const { container } = render(
    <StrictMode>
      <Profiler id="app" onRender={() => options.onCommit?.()}>
        <App />
      </Profiler>
    </StrictMode>,
  );
  if (vault === 'unlocked') {
    await waitFor(() => expect(container.querySelector('[data-hydrated="true"]')).not.toBeNull());
  } else {
    await waitFor(() => expect(container.querySelector(`[data-vault="${vault}"]`)).not.toBeNull());
  }
  // Screens are lazy: wait until the route's screen has replaced the loading line.
  await waitFor(() => expect(container.querySelector('main .loading')).toBeNull());

  const stored = async () => {
    await act(async () => {
      await flushSaves();
    });
    return readDatabase(databaseName);
  };
  return {
    user,
    databaseName,
    container,
    stored,
    storedNow: () => readDatabase(databaseName),
    storedConversation: async (id) => (await stored()).conversations.find((c) => c.id === id),
  };
}

export interface RenderedConversation extends RenderedApp {
  pupil: Pupil;
  conversation: Conversation;
  /** The conversation as stored now (after pending saves). */
  saved(): Promise<Conversation>;
}

/**
 * Stores one pupil ("Mira" unless told) with one conversation built from `spec`, opens it
 * and waits until its step screen is on screen.
 */
export async function renderConversation(
  spec: ConversationSpec = {},
  options: Omit<RenderAppOptions, 'hash' | 'seed'> & { alias?: string } = {},
): Promise<RenderedConversation> {
  const pupil = aPupil(options.alias ?? 'Mira');
  const conversation = aConversation(pupil, spec);
  const rendered = await renderApp({
    ...options,
    hash: `#/samtale/${conversation.id}`,
    seed: { pupils: [pupil], conversations: [conversation] },
  });
  if (!options.claim) {
    // The step screens are lazy; the first one in a file waits for its module.
    await waitFor(() =>
      expect(document.querySelector(`[data-step="${conversation.step}"] .step__title`)).not.toBeNull(),
    );
  }
  return {
    ...rendered,
    pupil,
    conversation,
    saved: async () => {
      const found = await rendered.storedConversation(conversation.id);
      if (!found) throw new Error(`Conversation ${conversation.id} is not in the database`);
      return found;
    },
  };
}

/**
 * An element's text as a screen reader gets it here (no aria-label in play): its text
 * without the parts hidden from assistive technology, such as pictures and initials.
 */
export function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Finding things on the sort and scale boards. Role queries over ~50 cards are slow in
 * jsdom, so these find zones by their id and cards by their visible label; tests then
 * assert the accessible names and states of what they found.
 */
export const board = {
  zone(zoneId: string): HTMLElement {
    const zone = document.querySelector<HTMLElement>(`section[data-zone-id="${zoneId}"]`);
    if (!zone) throw new Error(`No zone ${zoneId}`);
    return zone;
  },
  /** The zone's own button: tapping it places the selected card there. */
  target(zoneId: string): HTMLElement {
    const target = board.zone(zoneId).querySelector<HTMLElement>('.zone__target');
    if (!target) throw new Error(`Zone ${zoneId} has no button`);
    return target;
  },
  /** The card with this visible label in this zone, or null. */
  cardIn(zoneId: string, label: string): HTMLElement | null {
    const labels = board.zone(zoneId).querySelectorAll<HTMLElement>('button[data-card-id] .card__label');
    return [...labels].find((element) => element.textContent === label)?.closest('button') ?? null;
  },
  card(zoneId: string, label: string): HTMLElement {
    const card = board.cardIn(zoneId, label);
    if (!card) throw new Error(`No card "${label}" in zone ${zoneId}`);
    return card;
  },
  labelsIn(zoneId: string): string[] {
    return [...board.zone(zoneId).querySelectorAll('button[data-card-id] .card__label')].map(
      (label) => label.textContent ?? '',
    );
  },
  idsIn(zoneId: string): string[] {
    return [...board.zone(zoneId).querySelectorAll('button[data-card-id]')].map(
      (card) => card.getAttribute('data-card-id') ?? '',
    );
  },
  /** What the live regions (role=status) say right now. */
  announcements(): string[] {
    return [...document.querySelectorAll('[role="status"]')].map((region) => region.textContent ?? '');
  },
};
