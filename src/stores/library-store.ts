/**
 * The app's one zustand store: the pupils and conversations on this device, and the
 * conversation being held right now. An action is always: domain command → new state →
 * persisted through the repository. Writes are queued latest-wins per conversation and
 * serialized, so typing saves every keystroke without piling up transactions.
 */

import { useState } from 'react';
import { create } from 'zustand';
import { type Conversation, type ConversationSettings, createConversation } from '../domain/conversation';
import { DEFAULT_SETTINGS, type DeviceSettings } from '../domain/device-settings';
import type { MeasureCategory } from '../domain/measures';
import { type AnswerView, EMPTY_ANSWER, type PromptAnswer } from '../domain/prompts';
import type { Plan } from '../domain/plan';
import { type IsoDate, isoDateOf } from '../domain/dates';
import { type Pupil, createPupil } from '../domain/pupil';
import type { ExportResult, ImportResult } from '../persistence/backup-file';
import { hashPin } from '../persistence/cipher';
import { type DeviceStorage, requestPersistentStorage } from '../persistence/device-storage';
import { type StorageProblem, classifyStorageError } from '../persistence/errors';
import {
  type LoadedLibrary,
  type PassphraseResult,
  type Repository,
  type VaultState,
  openRepository,
} from '../persistence/repository';
import { type ReleaseLock, claimConversation } from '../persistence/tab-lock';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';
export type OpenStatus = 'none' | 'opening' | 'open' | 'locked-elsewhere' | 'missing';

export interface LibraryState {
  /** Whether the data key is in memory; nothing else is loaded until it is. */
  vault: 'checking' | VaultState;
  status: LoadStatus;
  loadProblem: StorageProblem | null;
  pupils: Record<string, Pupil>;
  conversations: Record<string, Conversation>;
  /** Step-up plans, by id (made and edited from the review; see domain/plan.ts). */
  plans: Record<string, Plan>;
  unreadable: number;
  activeId: string | null;
  openStatus: OpenStatus;
  /** The last write failed; what the pupil did is still on screen and is retried. */
  saveProblem: StorageProblem | null;
  /** Whether the browser promised to keep our storage, and how much is used. */
  deviceStorage: DeviceStorage | null;
  settings: DeviceSettings;
  /**
   * A conversation has been opened on this tablet since the adult last gave the
   * passphrase: the adult's screens stay behind the passphrase until they give it again.
   */
  pupilModeId: string | null;
}

export type ConversationCommand = (conversation: Conversation, now: number) => Conversation;

interface Dependencies {
  repository: Repository;
  now: () => number;
  newId: () => string;
  claim: (id: string) => Promise<ReleaseLock | null>;
  deviceStorage: () => Promise<DeviceStorage>;
}

const initialState: LibraryState = {
  vault: 'checking',
  status: 'idle',
  loadProblem: null,
  pupils: {},
  conversations: {},
  plans: {},
  unreadable: 0,
  activeId: null,
  openStatus: 'none',
  saveProblem: null,
  deviceStorage: null,
  settings: DEFAULT_SETTINGS,
  pupilModeId: null,
};

let deps: Dependencies | null = null;
function dependencies(): Dependencies {
  deps ??= {
    repository: openRepository(),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    claim: claimConversation,
    deviceStorage: () => requestPersistentStorage(navigator.storage),
  };
  return deps;
}

export const useLibrary = create<LibraryState>()(() => ({ ...initialState }));

// ---- the write queue -------------------------------------------------------------------

/** Records changed in memory and not yet on disk, newest version of each. */
const unsaved = {
  conversations: new Map<string, Conversation>(),
  plans: new Map<string, Plan>(),
  get size(): number {
    return this.conversations.size + this.plans.size;
  },
  clear(): void {
    this.conversations.clear();
    this.plans.clear();
  },
};
let draining: Promise<void> | null = null;

interface Batch {
  conversations: Conversation[];
  plans: Plan[];
}

/** Writes one batch in one transaction; on failure keeps it for the next attempt and reports the problem. */
async function writeBatch(batch: Batch): Promise<boolean> {
  try {
    await dependencies().repository.save(batch.conversations, [], batch.plans);
    // Only when there was a problem: setting the store wakes every subscriber, once a letter.
    if (useLibrary.getState().saveProblem !== null) useLibrary.setState({ saveProblem: null });
    return true;
  } catch (error) {
    // Keep the batch for the next attempt unless a newer version was queued meanwhile.
    for (const conversation of batch.conversations) {
      if (!unsaved.conversations.has(conversation.id)) unsaved.conversations.set(conversation.id, conversation);
    }
    for (const plan of batch.plans) if (!unsaved.plans.has(plan.id)) unsaved.plans.set(plan.id, plan);
    useLibrary.setState({ saveProblem: classifyStorageError(error) });
    return false;
  }
}

function takeUnsaved(): Batch {
  const batch = { conversations: [...unsaved.conversations.values()], plans: [...unsaved.plans.values()] };
  unsaved.clear();
  return batch;
}

async function writeUnsaved(): Promise<void> {
  while (unsaved.size > 0) {
    if (!(await writeBatch(takeUnsaved()))) return;
  }
}

function startDraining(): Promise<void> {
  draining ??= writeUnsaved().finally(() => {
    draining = null;
  });
  return draining;
}

function queueSave(conversation: Conversation): Promise<void> {
  unsaved.conversations.set(conversation.id, conversation);
  return startDraining();
}

function queuePlanSave(plan: Plan): Promise<void> {
  unsaved.plans.set(plan.id, plan);
  return startDraining();
}

/**
 * Starts writing everything not yet written at once, without waiting for the write in
 * flight (IndexedDB runs the two transactions in the order they were started, so the
 * newest still wins), then waits for both. Called when the page is hidden or closed.
 */
export async function flushSaves(): Promise<void> {
  const now = unsaved.size > 0 ? writeBatch(takeUnsaved()) : null;
  await Promise.all([draining, now]);
}

// ---- actions ---------------------------------------------------------------------------

function libraryState(loaded: LoadedLibrary): Pick<LibraryState, 'pupils' | 'conversations' | 'plans' | 'unreadable'> {
  return {
    pupils: Object.fromEntries(loaded.pupils.map((p) => [p.id, p])),
    conversations: Object.fromEntries(loaded.conversations.map((c) => [c.id, c])),
    plans: Object.fromEntries(loaded.plans.map((p) => [p.id, p])),
    unreadable: loaded.unreadable,
  };
}

export async function loadLibrary(): Promise<void> {
  if (useLibrary.getState().status === 'loading') return;
  useLibrary.setState({ status: 'loading', loadProblem: null });
  try {
    const { repository } = dependencies();
    const [loaded, settings] = await Promise.all([repository.loadAll(), repository.loadSettings()]);
    if (useLibrary.getState().vault !== 'unlocked') return;
    useLibrary.setState({ status: 'ready', ...libraryState(loaded), settings });
    void refreshDeviceStorage();
  } catch (error) {
    useLibrary.setState({ status: 'failed', loadProblem: classifyStorageError(error) });
  }
}

/** Asks for persistent storage (once granted, asking again is free) and reads the usage. */
export async function refreshDeviceStorage(): Promise<void> {
  useLibrary.setState({ deviceStorage: await dependencies().deviceStorage() });
}

export interface NewConversationInput {
  /** An existing pupil, or a new one by alias. */
  pupil: { id: string } | { alias: string };
  settings: ConversationSettings;
}

/** Creates the conversation (and the pupil if new) and waits until both are stored. */
export async function startConversation(input: NewConversationInput): Promise<Conversation> {
  const { repository, now, newId } = dependencies();
  const time = now();
  const newPupil = 'alias' in input.pupil ? createPupil(input.pupil.alias, newId(), time) : undefined;
  const pupilId = newPupil?.id ?? (input.pupil as { id: string }).id;
  const conversation = createConversation({ id: newId(), pupilId, settings: input.settings, now: time });
  await repository.save([conversation], newPupil ? [newPupil] : []);
  useLibrary.setState((state) => ({
    pupils: newPupil ? { ...state.pupils, [newPupil.id]: newPupil } : state.pupils,
    conversations: { ...state.conversations, [conversation.id]: conversation },
  }));
  return conversation;
}

// ---- plans -------------------------------------------------------------------------------

// The plan's commands and the measures bank load with the first plan, not the first screen.
const planCommands = () => import('../domain/plan');

/**
 * Drafts a step-up plan from a conversation's graded list, starting `from` (the adult
 * picks the date; today by default), and stores it at once.
 */
export async function createPlan(conversationId: string, from?: IsoDate): Promise<Plan | null> {
  const { now, newId } = dependencies();
  const conversation = useLibrary.getState().conversations[conversationId];
  if (!conversation) return null;
  const { draftPlan } = await planCommands();
  const time = now();
  const plan = draftPlan({
    id: newId(),
    conversation,
    from: from ?? isoDateOf(time, new Date(time).getTimezoneOffset()),
    now: time,
    newId,
  });
  useLibrary.setState((state) => ({ plans: { ...state.plans, [plan.id]: plan } }));
  await queuePlanSave(plan);
  return plan;
}

/** Applies a domain command to a plan and saves the result at once (through the same queue as answers). */
export function applyToPlan(planId: string, command: (plan: Plan, now: number) => Plan): Promise<void> {
  const current = useLibrary.getState().plans[planId];
  if (!current) return Promise.resolve();
  const next = command(current, dependencies().now());
  if (next === current) return Promise.resolve();
  useLibrary.setState((state) => ({ plans: { ...state.plans, [next.id]: next } }));
  return queuePlanSave(next);
}

/**
 * A command that needs fresh ids (splitting, a setback, a new step or row, the school's
 * own measure): gets a generator of ids along with the time.
 */
export function applyToPlanWithIds(
  planId: string,
  command: (plan: Plan, now: number, newId: () => string) => Plan,
): Promise<void> {
  const { newId } = dependencies();
  return applyToPlan(planId, (plan, now) => command(plan, now, newId));
}

/** Brings a plan up to date with a newer conversation with the pupil (see `updatePlanFrom`). */
export async function updatePlanFromConversation(planId: string, conversationId: string): Promise<void> {
  const conversation = useLibrary.getState().conversations[conversationId];
  if (!conversation) return;
  const { updatePlanFrom } = await planCommands();
  await applyToPlanWithIds(planId, (plan, now, newId) => updatePlanFrom(plan, conversation, { now, newId }));
}

/**
 * The school's own measure, written for one step: added to the plan (so the plan and its
 * agreement carry it) and to the school's list on this tablet, offered in every plan.
 */
export async function addSchoolMeasure(
  planId: string,
  stepId: string,
  text: string,
  category: MeasureCategory,
): Promise<void> {
  const [{ addCustomMeasure, MAX_CUSTOM_MEASURES }, { createCustomMeasure }] = await Promise.all([
    planCommands(),
    import('../domain/measures'),
  ]);
  const measure = createCustomMeasure(text, category, dependencies().newId());
  await applyToPlan(planId, (plan, now) => addCustomMeasure(plan, measure, stepId, now));
  const school = useLibrary.getState().settings.schoolMeasures;
  const known = school.some((m) => m.text.toLocaleLowerCase() === measure.text.toLocaleLowerCase());
  if (!known && school.length < MAX_CUSTOM_MEASURES) await updateSettings({ schoolMeasures: [...school, measure] });
}

/** Each pupil's step-up plan (one per pupil; the newest if an import left more), in one pass. */
export function newestPlanByPupil(plans: LibraryState['plans']): ReadonlyMap<string, Plan> {
  const newest = new Map<string, Plan>();
  for (const plan of Object.values(plans)) {
    const known = newest.get(plan.pupilId);
    if (!known || plan.updatedAt > known.updatedAt) newest.set(plan.pupilId, plan);
  }
  return newest;
}

// Worked out once per version of the plans, however many components ask.
const plansByPupil = new WeakMap<LibraryState['plans'], ReadonlyMap<string, Plan>>();

/** The pupil's step-up plan (a selector: cheap on every store change). */
export function planOfPupil(state: LibraryState, pupilId: string): Plan | undefined {
  let byPupil = plansByPupil.get(state.plans);
  if (!byPupil) {
    byPupil = newestPlanByPupil(state.plans);
    plansByPupil.set(state.plans, byPupil);
  }
  return byPupil.get(pupilId);
}

export async function deletePlan(id: string): Promise<void> {
  await flushSaves();
  await dependencies().repository.deletePlan(id);
  useLibrary.setState((state) => {
    const { [id]: _removed, ...plans } = state.plans;
    return { plans };
  });
}

// ---- the tab lock ----------------------------------------------------------------------
// Closing releases the lock on the next tick, so closing and reopening the same
// conversation (React's StrictMode does exactly that) keeps it instead of refusing itself.

let held: { id: string; release: ReleaseLock; pendingRelease: ReturnType<typeof setTimeout> | null } | null = null;
let claiming: { id: string; result: Promise<ReleaseLock | null> } | null = null;

function dropLock(): void {
  if (!held) return;
  if (held.pendingRelease) clearTimeout(held.pendingRelease);
  held.release();
  held = null;
}

async function holdLock(id: string): Promise<boolean> {
  if (held?.id === id) {
    if (held.pendingRelease) clearTimeout(held.pendingRelease);
    held.pendingRelease = null;
    return true;
  }
  dropLock();
  if (claiming?.id !== id) {
    const attempt = { id, result: dependencies().claim(id) };
    claiming = attempt;
    void attempt.result.finally(() => {
      if (claiming === attempt) claiming = null;
    });
  }
  const release = await claiming!.result;
  if (!release) return false;
  if (held?.id !== id) {
    dropLock();
    held = { id, release, pendingRelease: null };
  }
  return true;
}

/** Makes a conversation the active one, if no other tab is holding it. */
export async function openConversation(id: string): Promise<void> {
  useLibrary.setState({ activeId: id, openStatus: 'opening' });
  if (!useLibrary.getState().conversations[id]) {
    useLibrary.setState({ openStatus: 'missing' });
    return;
  }
  const granted = await holdLock(id);
  if (useLibrary.getState().activeId !== id) return;
  if (!granted) {
    useLibrary.setState({ openStatus: 'locked-elsewhere' });
    return;
  }
  // Another tab may have changed the conversation since this tab loaded its list: once
  // the lock is ours, the stored copy is the truth, never the one in memory.
  // (Writes still queued in this tab go first, so the read sees them too.)
  let latest: Conversation | null;
  try {
    await flushSaves();
    latest = await dependencies().repository.loadConversation(id);
  } catch (error) {
    useLibrary.setState({ status: 'failed', loadProblem: classifyStorageError(error) });
    return;
  }
  if (useLibrary.getState().activeId !== id) return;
  if (!latest) {
    useLibrary.setState({ openStatus: 'missing' });
    return;
  }
  useLibrary.setState((state) => ({
    openStatus: 'open',
    // A conversation under way puts the tablet in pupil mode; a finished one opened to
    // read the result is the adult's own screen.
    pupilModeId: latest.finishedAt === null ? id : state.pupilModeId,
    conversations: { ...state.conversations, [id]: latest },
  }));
}

export function closeConversation(): void {
  if (held && !held.pendingRelease) {
    held.pendingRelease = setTimeout(dropLock, 0);
  }
  useLibrary.setState({ activeId: null, openStatus: 'none' });
}

/** Applies a domain command to the active conversation and saves the result at once. */
export function applyToActive(command: ConversationCommand): Promise<void> {
  const { activeId, openStatus, conversations } = useLibrary.getState();
  const current = activeId ? conversations[activeId] : undefined;
  if (!current || openStatus !== 'open') return Promise.resolve();
  const next = command(current, dependencies().now());
  if (next === current) return Promise.resolve();
  useLibrary.setState({ conversations: { ...conversations, [next.id]: next } });
  return queueSave(next);
}

export async function deleteConversation(id: string): Promise<void> {
  await flushSaves();
  await dependencies().repository.deleteConversation(id);
  useLibrary.setState((state) => {
    const { [id]: _removed, ...conversations } = state.conversations;
    return { conversations };
  });
}

export async function deletePupil(id: string): Promise<void> {
  await flushSaves();
  await dependencies().repository.deletePupil(id);
  useLibrary.setState((state) => {
    const { [id]: _removed, ...pupils } = state.pupils;
    const conversations = Object.fromEntries(
      Object.entries(state.conversations).filter(([, conversation]) => conversation.pupilId !== id),
    );
    const plans = Object.fromEntries(Object.entries(state.plans).filter(([, plan]) => plan.pupilId !== id));
    return { pupils, conversations, plans };
  });
}

/** Retries a failed save; the banner's "try again" button calls this. */
export function retrySaves(): Promise<void> {
  return flushSaves();
}

// ---- the vault -------------------------------------------------------------------------

/** The clock the app runs on (a test's clock in tests). */
export function currentTime(): number {
  return dependencies().now();
}

/** Finds out whether there is a passphrase yet, and whether the key is already in memory. */
export async function checkVault(): Promise<void> {
  try {
    const vault = await dependencies().repository.vaultState();
    // A retry after a failed start clears the failure.
    useLibrary.setState({ vault, status: 'idle', loadProblem: null });
  } catch (error) {
    useLibrary.setState({ status: 'failed', loadProblem: classifyStorageError(error) });
  }
}

export async function createVault(passphrase: string): Promise<void> {
  const { repository, now } = dependencies();
  await repository.createVault(passphrase, now());
  useLibrary.setState({ vault: 'unlocked', status: 'idle' });
}

export async function unlockVault(passphrase: string): Promise<PassphraseResult> {
  const { repository, now } = dependencies();
  const result = await repository.unlock(passphrase, now());
  // The adult has just proved they are here: their screens are open to them.
  if (result.ok) useLibrary.setState({ vault: 'unlocked', status: 'idle', pupilModeId: null });
  return result;
}

/** When the next passphrase may be tried, if a wait after wrong ones is still running (else null). */
export async function runningWait(): Promise<number | null> {
  const { repository, now } = dependencies();
  const retryAt = await repository.nextAttemptAt();
  return retryAt > now() ? retryAt : null;
}

/** The gate out of pupil mode: the adult's passphrase (or PIN) opens the adult's screens again. */
export async function leavePupilMode(secret: string): Promise<PassphraseResult> {
  const { repository, now } = dependencies();
  const result = await repository.checkAdult(secret, now());
  if (result.ok) useLibrary.setState({ pupilModeId: null });
  return result;
}

export function changePassphrase(current: string, next: string): Promise<PassphraseResult> {
  const { repository, now } = dependencies();
  return repository.changePassphrase(current, next, now());
}

/**
 * Locks the app: writes everything first, then forgets the key and every decrypted
 * record. If something could not be written, it stays unlocked (and says so) rather
 * than lose the pupil's answers.
 */
export async function lockVault(): Promise<boolean> {
  if (useLibrary.getState().vault !== 'unlocked') return true;
  await flushSaves();
  if (unsaved.size > 0) return false;
  dropLock();
  claiming = null;
  dependencies().repository.lock();
  useLibrary.setState({ ...initialState, vault: 'locked' }, true);
  return true;
}

/** Deletes every pupil, conversation, setting and the key; the app starts over. */
export async function eraseEverything(): Promise<void> {
  unsaved.clear();
  await draining;
  dropLock();
  claiming = null;
  await dependencies().repository.eraseEverything();
  useLibrary.setState({ ...initialState, vault: 'new' }, true);
}

/** Sets the adult PIN (only its salted hash is kept), or removes it with null. */
export async function setPin(pin: string | null): Promise<void> {
  await updateSettings({ pin: pin === null ? null : await hashPin(pin) });
}

export async function updateSettings(change: Partial<DeviceSettings>): Promise<void> {
  const settings = { ...useLibrary.getState().settings, ...change };
  await dependencies().repository.saveSettings(settings);
  useLibrary.setState({ settings });
}

// ---- backups ---------------------------------------------------------------------------

// Backup files (their limits, format and merge) load when the adult makes or reads one.
const backupFiles = () => import('../persistence/backup-file');

/** Makes an encrypted backup of everything (pupilId null) or of one pupil. */
export async function exportBackupFile(passphrase: string, pupilId: string | null): Promise<ExportResult> {
  const { repository, now } = dependencies();
  await flushSaves();
  const { exportBackup } = await backupFiles();
  const result = await exportBackup(repository, passphrase, now(), pupilId);
  if (result.ok && pupilId === null) await updateSettings({ lastBackupAt: now() });
  return result;
}

/** Restores a backup file's text, then reads the library again from storage. */
export async function importBackupFile(text: string, passphrase: string): Promise<ImportResult> {
  await flushSaves();
  const { repository } = dependencies();
  const { importBackup } = await backupFiles();
  const result = await importBackup(repository, text, passphrase);
  // Read back what is stored now (the school's measures too), without leaving the screen the adult is on.
  if (result.ok) {
    const [library, settings] = await Promise.all([repository.loadAll(), repository.loadSettings()]);
    useLibrary.setState({ ...libraryState(library), settings });
  }
  return result;
}

// ---- for tests -------------------------------------------------------------------------

/** Swaps the side effects (a fresh database per test, a fixed clock) and clears state. */
export function resetLibraryForTests(overrides: Partial<Dependencies> = {}): void {
  deps?.repository.close();
  deps = null;
  deps = { ...dependencies(), ...overrides };
  unsaved.clear();
  draining = null;
  dropLock();
  claiming = null;
  useLibrary.setState({ ...initialState }, true);
}

export function activeConversation(state: LibraryState): Conversation | undefined {
  return state.activeId ? state.conversations[state.activeId] : undefined;
}

const NO_CONVERSATION = Symbol('no conversation');
const wholeConversation = (conversation: Conversation) => conversation;

/** The conversation on screen, all of it. Step screens render only while one is open. */
export function useActiveConversation(): Conversation {
  return useActivePart(wholeConversation);
}

/**
 * One part of the conversation on screen. A component that reads only a part renders
 * again only when that part changes: a typed letter changes the answers, so the frame
 * around the answer field (which reads the settings and the ratings) is left alone.
 * `pick` returns a part as it is stored (or a plain value), never a new object.
 */
export function useActivePart<T>(pick: (conversation: Conversation) => T): T {
  const part = useLibrary((state) => {
    const conversation = activeConversation(state);
    return conversation ? pick(conversation) : NO_CONVERSATION;
  });
  if (part === NO_CONVERSATION) throw new Error('No conversation is open');
  return part;
}

/**
 * One answer of the open conversation as its field shows it (see AnswerView): the field
 * renders again when a choice or "vet ikke" changes, never for a typed letter.
 */
export function useActiveAnswer(pick: (conversation: Conversation) => PromptAnswer | undefined): AnswerView {
  const chosen = useActivePart((conversation) => pick(conversation)?.choices ?? EMPTY_ANSWER.choices);
  const unknown = useActivePart((conversation) => pick(conversation)?.unknown ?? false);
  const [initialText] = useState(() => {
    const conversation = activeConversation(useLibrary.getState());
    return (conversation && pick(conversation)?.text) ?? '';
  });
  return { chosen, unknown, initialText };
}
