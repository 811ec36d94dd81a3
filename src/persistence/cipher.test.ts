import { describe, expect, it } from 'vitest';
import { WrongPassphraseError, createKeyring, open, rewrapKeyring, seal, unlockKeyring } from './cipher';

// Few iterations keep the tests quick; the production default is checked on its own.
const FAST = 1_000;

describe('cipher', () => {
  it('seals and opens a value; the sealed bytes do not contain the words', async () => {
    const { key } = await createKeyring('hemmelig frase', 1, FAST);
    const value = { alias: 'Mia', text: 'Jeg gruer meg til gymmen' };
    const sealed = await seal(key, value);
    expect(new TextDecoder().decode(sealed.data)).not.toContain('Mia');
    expect(sealed.iv).toHaveLength(12);
    expect(await open(key, sealed)).toEqual(value);
  });

  it('uses a fresh IV for every write', async () => {
    const { key } = await createKeyring('hemmelig frase', 1, FAST);
    const ivs = new Set<string>();
    for (let i = 0; i < 50; i++) ivs.add((await seal(key, 'same')).iv.join());
    expect(ivs.size).toBe(50);
  });

  it('unlocks with the right passphrase and refuses a wrong one', async () => {
    const { keyring, key } = await createKeyring('riktig frase', 1, FAST);
    const sealed = await seal(key, { n: 1 });
    expect(await open(await unlockKeyring(keyring, 'riktig frase'), sealed)).toEqual({ n: 1 });
    await expect(unlockKeyring(keyring, 'feil frase')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('keeps its KDF parameters, with at least 600,000 iterations by default', async () => {
    const { keyring } = await createKeyring('riktig frase', 1);
    expect(keyring.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(keyring.kdf.salt).toHaveLength(16);
  });

  it('never hands out the data key', async () => {
    const { key } = await createKeyring('riktig frase', 1, FAST);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('changing the passphrase rewraps the same data key', async () => {
    const { keyring, key } = await createKeyring('gammel frase', 1, FAST);
    const sealed = await seal(key, 'svar');
    const renewed = await rewrapKeyring(keyring, 'gammel frase', 'ny frase', 2, FAST);
    expect(await open(await unlockKeyring(renewed, 'ny frase'), sealed)).toBe('svar');
    await expect(unlockKeyring(renewed, 'gammel frase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(rewrapKeyring(keyring, 'feil', 'ny frase', 2, FAST)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a tampered body', async () => {
    const { key } = await createKeyring('riktig frase', 1, FAST);
    const sealed = await seal(key, 'svar');
    const data = new Uint8Array(sealed.data);
    data[0] = data[0]! ^ 1;
    await expect(open(key, { iv: sealed.iv, data })).rejects.toThrow();
  });
});
