/**
 * The pure, validating half of the encrypted backup file. The persistence layer does the
 * crypto (PBKDF2-SHA-256 → AES-GCM) and the file handling; this module decides what a
 * backup file looks like and treats everything read from one as hostile input:
 *
 *   file text ──parseBackupEnvelope──▶ envelope ──(decrypt, persistence)──▶ payload text
 *   payload text ──restoreBackupPayload──▶ { pupils, conversations, plans } ──mergeBackup──▶ records to write
 *
 * Every JSON text goes through safeParseJson first: a size cap, a nesting-depth pre-scan
 * before JSON.parse, and a walk that refuses prototype-polluting keys and overlong strings.
 * Every record then goes through the one restore funnel (restorePupil, restoreConversation, restorePlan);
 * there is no second schema for pupils or conversations here.
 */

import * as z from 'zod/mini';
import type { Conversation } from './conversation';
import { type CustomMeasure, checkCustomMeasure } from './measures';
import { MAX_CUSTOM_MEASURES, type Plan } from './plan';
import type { Pupil } from './pupil';
import { type RestoreProblem, restoreConversation, restorePlan, restorePupil, restoreSchoolMeasures } from './restore';

// ── Limits ──────────────────────────────────────────────────────────────────

/**
 * The largest backup file, 20 MiB. The caller checks File.size before reading; the parse
 * functions below also refuse a text longer than this (counted in UTF-16 code units, which
 * for UTF-8 text is never more than its byte length).
 */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;
/** Deepest nesting of arrays and objects in any JSON we read. A conversation needs about 7. */
export const MAX_JSON_DEPTH = 24;
/** Longest string (value or key) inside a decrypted payload. Answer texts are at most 1000. */
export const MAX_STRING_LENGTH = 100_000;
export const MAX_BACKUP_PUPILS = 2_000;
export const MAX_BACKUP_CONVERSATIONS = 10_000;

/** PBKDF2 iteration bounds for an envelope: weak enough to refuse below, slow enough to refuse above. */
export const MIN_KDF_ITERATIONS = 100_000;
export const MAX_KDF_ITERATIONS = 10_000_000;
/** What the writer should use (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256). */
export const DEFAULT_KDF_ITERATIONS = 600_000;
export const KDF_SALT_BYTES = 16;
export const AES_GCM_IV_BYTES = 12;
/** AES-GCM appends a 16-byte tag, so a ciphertext of a non-empty payload is longer than that. */
export const AES_GCM_TAG_BYTES = 16;

export interface JsonLimits {
  /** Longest text, in UTF-16 code units. */
  readonly maxLength: number;
  /** Deepest nesting of arrays and objects; a scalar has depth 0, `[]` depth 1. */
  readonly maxDepth: number;
  /** Longest string value or object key. */
  readonly maxStringLength: number;
}

/** The envelope's `data` field holds the whole ciphertext, so its strings may be as long as the file. */
export const ENVELOPE_JSON_LIMITS: JsonLimits = {
  maxLength: MAX_BACKUP_BYTES,
  maxDepth: MAX_JSON_DEPTH,
  maxStringLength: MAX_BACKUP_BYTES,
};

export const PAYLOAD_JSON_LIMITS: JsonLimits = {
  maxLength: MAX_BACKUP_BYTES,
  maxDepth: MAX_JSON_DEPTH,
  maxStringLength: MAX_STRING_LENGTH,
};

// ── Results ─────────────────────────────────────────────────────────────────

/**
 * - too-large: the text, a string in it (see safeParseJson) is over its limit.
 * - not-json: JSON.parse refused the text.
 * - too-deep: arrays/objects nested deeper than MAX_JSON_DEPTH.
 * - hostile: an object key `__proto__`, `constructor` or `prototype` anywhere.
 * - foreign: valid JSON, but not a Kortprat backup (wrong or missing `format`).
 * - newer-version: a Kortprat backup (or a record in it) from a newer version of the app.
 * - invalid: a Kortprat backup with bad fields, bad records, duplicate ids, orphan
 *   conversations or too many records.
 */
export type BackupProblem = 'too-large' | 'not-json' | 'too-deep' | 'hostile' | 'foreign' | 'newer-version' | 'invalid';

/** `detail` is for logs and tests only: a field path or a short reason, never record content. */
export type BackupResult<T> = { ok: true; value: T } | { ok: false; problem: BackupProblem; detail?: string };

function fail(problem: BackupProblem, detail?: string): { ok: false; problem: BackupProblem; detail?: string } {
  return detail === undefined ? { ok: false, problem } : { ok: false, problem, detail };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ── Safe JSON ───────────────────────────────────────────────────────────────

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }

/**
 * Whether arrays/objects in `text` nest deeper than `maxDepth`, scanning the raw text and
 * skipping string contents (a backslash always escapes the next character). For any prefix
 * JSON.parse accepts, this count is exact, so JSON.parse never nests deeper than allowed.
 */
function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth++;
      if (depth > maxDepth) return true;
    } else if ((code === CLOSE_BRACKET || code === CLOSE_BRACE) && depth > 0) {
      depth--;
    }
  }
  return false;
}

/** Keys that could reach an object's prototype if anything downstream ever copied or merged them. */
const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks a parsed value without recursion. JSON.parse defines `__proto__` as an own
 * property (it never sets the prototype), so Object.keys sees it.
 */
function checkParsed(root: unknown, maxStringLength: number): BackupProblem | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.length > maxStringLength) return 'too-large';
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (HOSTILE_KEYS.has(key)) return 'hostile';
        if (key.length > maxStringLength) return 'too-large';
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return null;
}

/**
 * JSON.parse for hostile text. Refuses, in this order: a text over `maxLength`
 * ('too-large'); nesting over `maxDepth`, found before parsing so no input can overflow the
 * stack ('too-deep'); text JSON.parse refuses ('not-json'); a `__proto__`, `constructor` or
 * `prototype` key anywhere ('hostile'); a string value or key over `maxStringLength`
 * ('too-large' — a size limit, like the text's own).
 */
export function safeParseJson(text: string, limits: JsonLimits): BackupResult<unknown> {
  if (text.length > limits.maxLength) return fail('too-large');
  if (nestsDeeperThan(text, limits.maxDepth)) return fail('too-deep');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  const problem = checkParsed(value, limits.maxStringLength);
  if (problem) return fail(problem);
  return { ok: true, value };
}

// ── Base64 ──────────────────────────────────────────────────────────────────

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The number of bytes a standard, padded base64 text (RFC 4648 §4, as btoa writes it)
 * decodes to, or null when it is not one. Computed from the length, without decoding.
 */
export function base64DecodedLength(text: string): number | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

const base64OfLength = (bytes: number) => z.string().check(z.refine((text) => base64DecodedLength(text) === bytes));

// ── Envelope ────────────────────────────────────────────────────────────────

export const BACKUP_FORMAT = 'kortprat-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_SCOPES = ['all', 'pupil'] as const;
export type BackupScope = (typeof BACKUP_SCOPES)[number];

export interface BackupKdf {
  readonly name: 'PBKDF2';
  readonly hash: 'SHA-256';
  readonly iterations: number;
  /** Base64 of KDF_SALT_BYTES bytes. */
  readonly salt: string;
}

/** What the backup file holds, in the clear. Only `data` is secret (AES-GCM ciphertext with its tag). */
export interface BackupEnvelope {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly createdAt: number;
  readonly scope: BackupScope;
  readonly kdf: BackupKdf;
  /** Base64 of AES_GCM_IV_BYTES bytes. */
  readonly iv: string;
  /** Base64 of the ciphertext, more than AES_GCM_TAG_BYTES bytes. */
  readonly data: string;
}

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.number().check(z.int(), z.nonnegative()),
  scope: z.enum(BACKUP_SCOPES),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().check(z.int(), z.minimum(MIN_KDF_ITERATIONS), z.maximum(MAX_KDF_ITERATIONS)),
    salt: base64OfLength(KDF_SALT_BYTES),
  }),
  iv: base64OfLength(AES_GCM_IV_BYTES),
  data: z.string().check(
    z.maxLength(MAX_BACKUP_BYTES),
    z.refine((text) => (base64DecodedLength(text) ?? 0) > AES_GCM_TAG_BYTES),
  ),
});

function isNewerVersion(version: unknown, current: number): boolean {
  return typeof version === 'number' && Number.isInteger(version) && version > current;
}

/** Reads a backup file's text. Unknown extra fields are dropped. */
export function parseBackupEnvelope(text: string): BackupResult<BackupEnvelope> {
  const parsed = safeParseJson(text, ENVELOPE_JSON_LIMITS);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (!isPlainObject(raw) || raw.format !== BACKUP_FORMAT) return fail('foreign');
  if (isNewerVersion(raw.version, BACKUP_VERSION)) return fail('newer-version');
  const checked = envelopeSchema.safeParse(raw);
  if (!checked.success) return fail('invalid', checked.error.issues[0]?.path.join('.'));
  return { ok: true, value: checked.data };
}

/**
 * The text of a backup file, for the writer. Throws if the fields would make a file that
 * parseBackupEnvelope refuses: a backup that cannot be read back is worse than none.
 */
export function makeBackupEnvelope(fields: Omit<BackupEnvelope, 'format' | 'version'>): string {
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: fields.createdAt,
    scope: fields.scope,
    kdf: { name: fields.kdf.name, hash: fields.kdf.hash, iterations: fields.kdf.iterations, salt: fields.kdf.salt },
    iv: fields.iv,
    data: fields.data,
  };
  const text = JSON.stringify(envelope);
  const check = parseBackupEnvelope(text);
  if (!check.ok) throw new Error(`Backup envelope would not read back: ${check.problem} ${check.detail ?? ''}`);
  return text;
}

// ── Payload ─────────────────────────────────────────────────────────────────

export const BACKUP_PAYLOAD_FORMAT = 'kortprat-backup-payload';
export const BACKUP_PAYLOAD_VERSION = 1;

export interface BackupPayload {
  pupils: Pupil[];
  conversations: Conversation[];
  plans: Plan[];
  /** The school's own measures (offered in every plan); a backup of everything carries them. */
  schoolMeasures: CustomMeasure[];
}

const payloadSchema = z.object({
  format: z.literal(BACKUP_PAYLOAD_FORMAT),
  version: z.literal(BACKUP_PAYLOAD_VERSION),
  pupils: z.array(z.unknown()).check(z.maxLength(MAX_BACKUP_PUPILS)),
  conversations: z.array(z.unknown()).check(z.maxLength(MAX_BACKUP_CONVERSATIONS)),
  // Backups made before plans existed have none.
  plans: z._default(z.array(z.unknown()).check(z.maxLength(MAX_BACKUP_CONVERSATIONS)), []),
  // Backups made before the school's measures were kept have none.
  schoolMeasures: z._default(z.array(z.unknown()).check(z.maxLength(MAX_CUSTOM_MEASURES)), []),
});

/**
 * The plaintext the persistence layer encrypts. Throws if it would not restore (a record
 * the funnel refuses, duplicate ids, a conversation whose pupil is not included, too many
 * records): the writer must never produce a backup that cannot be imported.
 */
export function serializeBackupPayload(
  pupils: readonly Pupil[],
  conversations: readonly Conversation[],
  plans: readonly Plan[] = [],
  schoolMeasures: readonly CustomMeasure[] = [],
): string {
  const text = JSON.stringify({
    format: BACKUP_PAYLOAD_FORMAT,
    version: BACKUP_PAYLOAD_VERSION,
    pupils,
    conversations,
    plans,
    schoolMeasures,
  });
  const check = restoreBackupPayload(text);
  if (!check.ok) throw new Error(`Backup payload would not restore: ${check.problem} ${check.detail ?? ''}`);
  return text;
}

/** A record the funnel refused: a newer record stays 'newer-version' (update the app), anything else is 'invalid'. */
function refusedRecord(problem: RestoreProblem, path: string, detail: string | undefined) {
  return fail(problem === 'newer-version' ? 'newer-version' : 'invalid', detail ? `${path}.${detail}` : path);
}

/**
 * Reads a decrypted payload, all or nothing: every pupil through restorePupil, every
 * conversation through restoreConversation; one refused record, a duplicate id, a
 * conversation whose pupil is not in the payload, or too many records refuses the whole.
 */
export function restoreBackupPayload(text: string): BackupResult<BackupPayload> {
  const parsed = safeParseJson(text, PAYLOAD_JSON_LIMITS);
  if (!parsed.ok) return parsed;
  const raw = parsed.value;
  if (!isPlainObject(raw) || raw.format !== BACKUP_PAYLOAD_FORMAT) return fail('foreign');
  if (isNewerVersion(raw.version, BACKUP_PAYLOAD_VERSION)) return fail('newer-version');
  const shape = payloadSchema.safeParse(raw);
  if (!shape.success) return fail('invalid', shape.error.issues[0]?.path.join('.'));

  const pupils: Pupil[] = [];
  const pupilIds = new Set<string>();
  for (const [index, record] of shape.data.pupils.entries()) {
    const restored = restorePupil(record);
    if (!restored.ok) return refusedRecord(restored.problem, `pupils.${index}`, restored.detail);
    if (pupilIds.has(restored.value.id)) return fail('invalid', `pupils.${index}.id: duplicate`);
    pupilIds.add(restored.value.id);
    pupils.push(restored.value);
  }

  const conversations: Conversation[] = [];
  const conversationIds = new Set<string>();
  for (const [index, record] of shape.data.conversations.entries()) {
    const restored = restoreConversation(record);
    if (!restored.ok) return refusedRecord(restored.problem, `conversations.${index}`, restored.detail);
    if (conversationIds.has(restored.value.id)) return fail('invalid', `conversations.${index}.id: duplicate`);
    if (!pupilIds.has(restored.value.pupilId)) return fail('invalid', `conversations.${index}.pupilId: no such pupil`);
    conversationIds.add(restored.value.id);
    conversations.push(restored.value);
  }

  const plans: Plan[] = [];
  const planIds = new Set<string>();
  for (const [index, record] of shape.data.plans.entries()) {
    const restored = restorePlan(record);
    if (!restored.ok) return refusedRecord(restored.problem, `plans.${index}`, restored.detail);
    if (planIds.has(restored.value.id)) return fail('invalid', `plans.${index}.id: duplicate`);
    if (!pupilIds.has(restored.value.pupilId)) return fail('invalid', `plans.${index}.pupilId: no such pupil`);
    planIds.add(restored.value.id);
    plans.push(restored.value);
  }

  const schoolMeasures = restoreSchoolMeasures(shape.data.schoolMeasures);
  if (!schoolMeasures.ok) return refusedRecord(schoolMeasures.problem, 'schoolMeasures', schoolMeasures.detail);

  return { ok: true, value: { pupils, conversations, plans, schoolMeasures: schoolMeasures.value } };
}

// ── Merge ───────────────────────────────────────────────────────────────────

export interface BackupMerge {
  /** Pupils to write: those not on the device yet. */
  pupils: Pupil[];
  /** Conversations to write: new ones, and newer versions of ones on the device. */
  conversations: Conversation[];
  /** Plans to write, by the same rule as conversations. */
  plans: Plan[];
  /** Records (pupils and conversations) new to the device. `pupils.length` of them are pupils. */
  added: number;
  /** Conversations on the device that the backup holds a newer version of. */
  updated: number;
  /**
   * The school's measures with the backup's added (those not on the device by id or by
   * words, up to the limit), or null when the backup adds none.
   */
  schoolMeasures: CustomMeasure[] | null;
  /** Records (pupils and conversations) already on the device and kept as they are. */
  unchanged: number;
}

/**
 * What an import writes. Nothing on the device is ever deleted or made older: a pupil
 * already on the device is kept as it is; a conversation already on the device is replaced
 * only by a strictly newer `updatedAt`, and never moved to another pupil (a different
 * `pupilId` under the same id is kept as it is).
 */
export function mergeBackup(
  existing: {
    readonly pupils: readonly Pupil[];
    readonly conversations: readonly Conversation[];
    readonly plans: readonly Plan[];
    readonly schoolMeasures?: readonly CustomMeasure[];
  },
  incoming: BackupPayload,
): BackupMerge {
  const pupilIds = new Set(existing.pupils.map((pupil) => pupil.id));
  const pupils: Pupil[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;

  /** New records are added; one on the device is replaced only by a strictly newer one of the same pupil. */
  function newerOf<T extends { id: string; pupilId: string; updatedAt: number }>(
    onDeviceList: readonly T[],
    incomingList: readonly T[],
  ): T[] {
    const onDevice = new Map(onDeviceList.map((record) => [record.id, record]));
    const toWrite: T[] = [];
    for (const record of incomingList) {
      const current = onDevice.get(record.id);
      if (!current) {
        added++;
      } else if (record.pupilId === current.pupilId && record.updatedAt > current.updatedAt) {
        updated++;
      } else {
        unchanged++;
        continue;
      }
      onDevice.set(record.id, record);
      toWrite.push(record);
    }
    return toWrite;
  }

  for (const pupil of incoming.pupils) {
    if (pupilIds.has(pupil.id)) {
      unchanged++;
    } else {
      pupilIds.add(pupil.id);
      pupils.push(pupil);
      added++;
    }
  }

  const conversations = newerOf(existing.conversations, incoming.conversations);
  const plans = newerOf(existing.plans, incoming.plans);

  const schoolMeasures = [...(existing.schoolMeasures ?? [])];
  const before = schoolMeasures.length;
  for (const measure of incoming.schoolMeasures) {
    if (schoolMeasures.length >= MAX_CUSTOM_MEASURES) break;
    if (schoolMeasures.some((m) => m.id === measure.id)) continue;
    if (checkCustomMeasure(measure.text, schoolMeasures) !== null) continue;
    schoolMeasures.push(measure);
  }

  return {
    pupils,
    conversations,
    plans,
    added,
    updated,
    unchanged,
    schoolMeasures: schoolMeasures.length > before ? schoolMeasures : null,
  };
}
