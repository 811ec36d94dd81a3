/**
 * Encryption at rest. A random data key (AES-GCM, 256 bit) encrypts every stored body
 * with a fresh 96-bit IV per write. The data key is stored only wrapped by a key derived
 * from the adult's passphrase (PBKDF2-SHA-256), with the KDF parameters stored beside it
 * so they can be raised later. Unwrapped keys are non-extractable and live in memory
 * only; nothing here ever touches localStorage.
 */

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

async function deriveWrappingKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
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
    ['wrapKey', 'unwrapKey'],
  );
}

async function wrap(dataKey: CryptoKey, passphrase: string, iterations: number, now: number): Promise<Keyring> {
  const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: random(SALT_BYTES) };
  const wrapIv = random(IV_BYTES);
  const wrappingKey = await deriveWrappingKey(passphrase, kdf);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, { name: 'AES-GCM', iv: wrapIv });
  return { version: 1, kdf, wrapIv, wrappedKey: new Uint8Array(wrapped), createdAt: now };
}

/**
 * Unwraps the data key. `extractable` is true only while the passphrase is being
 * changed, so the key can be wrapped again; the key used for data never is.
 */
async function unwrap(keyring: Keyring, passphrase: string, extractable: boolean): Promise<CryptoKey> {
  const wrappingKey = await deriveWrappingKey(passphrase, keyring.kdf);
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
  const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const keyring = await wrap(dataKey, passphrase, iterations, now);
  return { keyring, key: await unwrap(keyring, passphrase, false) };
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
