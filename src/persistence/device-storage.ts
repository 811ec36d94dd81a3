/**
 * Asks the browser to keep this app's storage even when space runs low (otherwise it may
 * evict IndexedDB, and with it every conversation), and reports how much is used.
 * Browsers without the Storage API answer null: unknown, not refused.
 */

export interface DeviceStorage {
  /** true: kept until the user clears it; false: may be evicted; null: unknown. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

export async function requestPersistentStorage(storage: StorageManager | undefined): Promise<DeviceStorage> {
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  let persisted: boolean | null = null;
  try {
    persisted = (await storage.persisted?.()) ?? null;
    if (persisted === false && storage.persist) persisted = await storage.persist();
  } catch {
    persisted = null;
  }
  try {
    const estimate = await storage.estimate?.();
    return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
  } catch {
    return { persisted, usageBytes: null, quotaBytes: null };
  }
}
