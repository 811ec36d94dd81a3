/**
 * Encryption at rest. A random data key (AES-GCM, 256 bit) encrypts every stored body
 * with a fresh 96-bit IV per write. The data key is stored only wrapped by a key derived
 * from the adult's passphrase (PBKDF2-SHA-256), with the KDF parameters stored beside it
 * so they can be raised later. Unwrapped keys are non-extractable and live in memory
 * only; nothing here ever touches localStorage.
 */

import type { PinHash } from '../domain/device-settings';

export const KDF_ITERATIONS = 600_000;
/** Bytes backed by a plain ArrayBuffer, as WebCrypto wants them. */
export type Bytes = Uint8Array<ArrayBuffer>;

const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface KdfParams {
  readonly name: 'PBKDF2';
  readonly hash: 'SHA-256';
  readonly iterations: number;
  readonly salt: Bytes;
}

/** What is stored: the wrapped data key and how to derive the key that unwraps it. */
export interface Keyring {
  readonly version: 1;
  readonly kdf: KdfParams;
  readonly wrapIv: Bytes;
  readonly wrappedKey: Bytes;
  readonly createdAt: number;
}

/** An encrypted body as stored in a row. */
export interface Sealed {
  readonly iv: Bytes;
  readonly data: Bytes;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not unlock this keyring');
    this.name = 'WrongPassphraseError';
  }
}

const random = (bytes: number) => crypto.getRandomValues(new Uint8Array(bytes));

/** The AES key a passphrase yields under these KDF parameters. */
async function deriveKey(passphrase: string, kdf: KdfParams, usages: KeyUsage[]): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: kdf.hash, salt: kdf.salt, iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    usages,
  );
}

async function wrap(dataKey: CryptoKey, passphrase: string, iterations: number, now: number): Promise<Keyring> {
  const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: random(SALT_BYTES) };
  const wrapIv = random(IV_BYTES);
  const wrappingKey = await deriveKey(passphrase, kdf, ['wrapKey', 'unwrapKey']);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, { name: 'AES-GCM', iv: wrapIv });
  return { version: 1, kdf, wrapIv, wrappedKey: new Uint8Array(wrapped), createdAt: now };
}

/**
 * Unwraps the data key. `extractable` is true only while the passphrase is being
 * changed, so the key can be wrapped again; the key used for data never is.
 */
async function unwrap(keyring: Keyring, passphrase: string, extractable: boolean): Promise<CryptoKey> {
  const wrappingKey = await deriveKey(passphrase, keyring.kdf, ['wrapKey', 'unwrapKey']);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      keyring.wrappedKey,
      wrappingKey,
      { name: 'AES-GCM', iv: keyring.wrapIv },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    // AES-GCM authenticates: a wrong passphrase fails here rather than yielding garbage.
    throw new WrongPassphraseError();
  }
}

/** Creates a new random data key and the keyring that stores it under the passphrase. */
export async function createKeyring(
  passphrase: string,
  now: number,
  iterations = KDF_ITERATIONS,
): Promise<{ keyring: Keyring; key: CryptoKey }> {
  const exportable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const keyring = await wrap(exportable, passphrase, iterations, now);
  // The copy kept for use cannot be exported; the exportable one goes out of scope here.
  const raw = await crypto.subtle.exportKey('raw', exportable);
  const key = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  new Uint8Array(raw).fill(0);
  return { keyring, key };
}

export function unlockKeyring(keyring: Keyring, passphrase: string): Promise<CryptoKey> {
  return unwrap(keyring, passphrase, false);
}

/** Wraps the same data key under a new passphrase (and current KDF strength). */
export async function rewrapKeyring(
  keyring: Keyring,
  oldPassphrase: string,
  newPassphrase: string,
  now: number,
  iterations = Math.max(keyring.kdf.iterations, KDF_ITERATIONS),
): Promise<Keyring> {
  const dataKey = await unwrap(keyring, oldPassphrase, true);
  return wrap(dataKey, newPassphrase, iterations, now);
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = random(IV_BYTES);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
  return { iv, data: new Uint8Array(data) };
}

export async function open(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

// ---- files sealed with a passphrase (backups) -------------------------------------------

/** A value encrypted under a key derived from a passphrase, with what is needed to derive it again. */
export interface PassphraseSealed {
  readonly kdf: KdfParams;
  readonly iv: Bytes;
  readonly data: Bytes;
}

/**
 * Seals a text under a passphrase. `header` is authenticated but not encrypted (AES-GCM
 * additional data): a file's plain-text fields cannot be changed without opening failing.
 */
export async function sealText(
  text: string,
  passphrase: string,
  header: string,
  iterations = KDF_ITERATIONS,
): Promise<PassphraseSealed> {
  const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: random(SALT_BYTES) };
  const iv = random(IV_BYTES);
  const key = await deriveKey(passphrase, kdf, ['encrypt', 'decrypt']);
  const additionalData = new TextEncoder().encode(header);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData },
    key,
    new TextEncoder().encode(text),
  );
  return { kdf, iv, data: new Uint8Array(data) };
}

/** Opens a passphrase-sealed text; a wrong passphrase, changed bytes or a changed header all throw WrongPassphraseError. */
export async function openText(sealed: PassphraseSealed, passphrase: string, header: string): Promise<string> {
  const key = await deriveKey(passphrase, sealed.kdf, ['encrypt', 'decrypt']);
  try {
    const additionalData = new TextEncoder().encode(header);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, key, sealed.data);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new WrongPassphraseError();
  }
}

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Bytes {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// ---- the adult PIN ---------------------------------------------------------------------

const PIN_ITERATIONS = 100_000;

async function pinBits(pin: string, salt: Bytes, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256),
  );
}

/** A salted hash of the PIN, to keep inside the sealed settings. */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = random(SALT_BYTES);
  return { salt: toBase64(salt), hash: toBase64(await pinBits(pin, salt, PIN_ITERATIONS)), iterations: PIN_ITERATIONS };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await pinBits(pin, fromBase64(stored.salt), stored.iterations);
  let difference = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) difference |= expected[i]! ^ (actual[i] ?? 0);
  return difference === 0;
}
