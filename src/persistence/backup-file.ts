/**
 * Encrypted backup files. A backup holds every pupil, conversation and plan and the
 * school's own measures (or one pupil's records), sealed with a key derived from the
 * adult's passphrase, so the file can be restored on any tablet by whoever knows that
 * passphrase, and by no one else. Reading one treats the file as hostile: the domain's
 * limits apply before and after decryption, and every record passes the one restore
 * funnel before anything is written.
 */

import {
  type BackupProblem,
  type BackupScope,
  makeBackupEnvelope,
  mergeBackup,
  parseBackupEnvelope,
  restoreBackupPayload,
  serializeBackupPayload,
} from '../domain/backup';
import { KDF_ITERATIONS, WrongPassphraseError, fromBase64, openText, sealText, toBase64 } from './cipher';
import type { PassphraseResult, Repository } from './repository';

/** The envelope's plain fields, bound to the ciphertext as authenticated data. */
const header = (fields: { createdAt: number; scope: BackupScope }) =>
  `kortprat-backup/1/${fields.scope}/${fields.createdAt}`;

export type ExportResult =
  { ok: true; text: string; pupils: number; conversations: number } | Extract<PassphraseResult, { ok: false }>;

/**
 * Makes the backup text, after checking the passphrase (counted like any other attempt,
 * so an unattended unlocked tablet cannot be emptied into a file under a new one).
 */
export async function exportBackup(
  repository: Repository,
  passphrase: string,
  now: number,
  pupilId: string | null,
  iterations = KDF_ITERATIONS,
): Promise<ExportResult> {
  const checked = await repository.checkPassphrase(passphrase, now);
  if (!checked.ok) return checked;
  const library = await repository.loadAll();
  const pupils = pupilId ? library.pupils.filter((p) => p.id === pupilId) : library.pupils;
  const ids = new Set(pupils.map((p) => p.id));
  const conversations = library.conversations.filter((c) => ids.has(c.pupilId));
  const plans = library.plans.filter((plan) => ids.has(plan.pupilId));
  const scope: BackupScope = pupilId ? 'pupil' : 'all';
  // The school's own measures belong to the school, not to a pupil: only a backup of everything carries them.
  const schoolMeasures = scope === 'all' ? (await repository.loadSettings()).schoolMeasures : [];
  const payload = serializeBackupPayload(pupils, conversations, plans, schoolMeasures);
  const text = await sealBackupText(payload, passphrase, now, scope, iterations);
  return { ok: true, text, pupils: pupils.length, conversations: conversations.length };
}

/**
 * Seals a serialized payload under the passphrase and wraps it in the file's envelope:
 * the one place the file format is written (the export, and the benchmark's big backups).
 */
export async function sealBackupText(
  payloadText: string,
  passphrase: string,
  createdAt: number,
  scope: BackupScope,
  iterations = KDF_ITERATIONS,
): Promise<string> {
  const sealed = await sealText(payloadText, passphrase, header({ createdAt, scope }), iterations);
  return makeBackupEnvelope({
    createdAt,
    scope,
    kdf: { ...sealed.kdf, salt: toBase64(sealed.kdf.salt) },
    iv: toBase64(sealed.iv),
    data: toBase64(sealed.data),
  });
}

export type ImportProblem = BackupProblem | 'wrong-passphrase';

export type ImportResult =
  { ok: true; added: number; updated: number; unchanged: number } | { ok: false; problem: ImportProblem };

/**
 * Restores a backup's text into the vault. All or nothing: a file that fails any check
 * changes nothing, and the records it brings are written in one transaction. Records
 * already on the tablet are never deleted; a conversation is replaced only by a newer one.
 */
export async function importBackup(repository: Repository, text: string, passphrase: string): Promise<ImportResult> {
  const envelope = parseBackupEnvelope(text);
  if (!envelope.ok) return { ok: false, problem: envelope.problem };
  const { kdf, iv, data } = envelope.value;
  const sealed = { kdf: { ...kdf, salt: fromBase64(kdf.salt) }, iv: fromBase64(iv), data: fromBase64(data) };
  let plain: string;
  try {
    plain = await openText(sealed, passphrase, header(envelope.value));
  } catch (error) {
    if (error instanceof WrongPassphraseError) return { ok: false, problem: 'wrong-passphrase' };
    throw error;
  }
  const payload = restoreBackupPayload(plain);
  if (!payload.ok) return { ok: false, problem: payload.problem };
  const settings = await repository.loadSettings();
  const merge = mergeBackup(
    { ...(await repository.loadAll()), schoolMeasures: settings.schoolMeasures },
    payload.value,
  );
  if (merge.pupils.length > 0 || merge.conversations.length > 0 || merge.plans.length > 0) {
    await repository.save(merge.conversations, merge.pupils, merge.plans);
  }
  // After the records: if this write fails, the measures already on the tablet stay as they were.
  if (merge.schoolMeasures) await repository.saveSettings({ ...settings, schoolMeasures: merge.schoolMeasures });
  return { ok: true, added: merge.added, updated: merge.updated, unchanged: merge.unchanged };
}
