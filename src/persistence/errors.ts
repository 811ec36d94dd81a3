/** What went wrong with storage, in words the UI can turn into a message. */
/** 'locked': the vault is locked, so nothing can be read or written until the passphrase is given. */
export type StorageProblem = 'quota' | 'blocked' | 'unavailable' | 'locked' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    cause?: unknown,
  ) {
    super(`Storage failed: ${problem}`, { cause });
    this.name = 'StorageError';
  }
}

function names(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  // Dexie wraps the browser's DOMException in `inner`; look through the chain.
  for (let depth = 0; current && depth < 5; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') found.push(name);
    current = inner ?? cause;
  }
  return found;
}

export function classifyStorageError(error: unknown): StorageProblem {
  if (error instanceof StorageError) return error.problem;
  const all = names(error);
  if (all.some((name) => name === 'QuotaExceededError')) return 'quota';
  if (all.some((name) => name === 'VersionError' || name === 'DatabaseClosedError' || name === 'BlockedError'))
    return 'blocked';
  if (all.some((name) => name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'OpenFailedError'))
    return 'unavailable';
  return 'unknown';
}
