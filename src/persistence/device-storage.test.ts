import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from './device-storage';

function fakeStorage(overrides: Partial<StorageManager>): StorageManager {
  return {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => true),
    estimate: vi.fn(async () => ({ usage: 1_500_000, quota: 2_000_000_000 })),
    getDirectory: vi.fn(),
    ...overrides,
  } as StorageManager;
}

describe('requestPersistentStorage', () => {
  it('asks for persistence when it is not granted yet, and reports usage', async () => {
    const storage = fakeStorage({});
    expect(await requestPersistentStorage(storage)).toEqual({
      persisted: true,
      usageBytes: 1_500_000,
      quotaBytes: 2_000_000_000,
    });
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when it is already granted', async () => {
    const storage = fakeStorage({ persisted: vi.fn(async () => true) });
    expect((await requestPersistentStorage(storage)).persisted).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal as false', async () => {
    const storage = fakeStorage({ persist: vi.fn(async () => false) });
    expect((await requestPersistentStorage(storage)).persisted).toBe(false);
  });

  it('answers unknown without the Storage API or when it throws', async () => {
    expect(await requestPersistentStorage(undefined)).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
    const broken = fakeStorage({
      persisted: vi.fn(async () => Promise.reject(new Error('no'))),
      estimate: vi.fn(async () => Promise.reject(new Error('no'))),
    });
    expect(await requestPersistentStorage(broken)).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
  });
});
