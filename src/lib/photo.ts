/**
 * Makes a photo for a custom card from a picture the adult took or chose on the tablet.
 *
 * Everything happens in this browser tab: the file is decoded with `createImageBitmap`
 * (which turns the picture upright by its EXIF orientation), drawn smaller onto a canvas
 * and kept as a small JPEG data URL. Nothing is uploaded or sent anywhere; the result is
 * stored only inside the conversation, which is encrypted on the tablet. Drawing onto a
 * canvas also drops the file's metadata (EXIF: place, time, camera).
 *
 * `downscalePhoto` depends on nothing but the Blob it is given, so an end-to-end test can
 * call it in a real browser.
 */

import { PHOTO_DATA_URL_PATTERN, PHOTO_MAX_LENGTH, PHOTO_MAX_SIDE } from '../domain/catalog';

/** Files bigger than this are refused before they are decoded (a camera photo is 2–8 MB). */
export const PHOTO_MAX_FILE_BYTES = 25 * 1024 * 1024;

/** JPEG qualities tried in turn until the data URL is short enough. */
const QUALITIES = [0.8, 0.6, 0.4] as const;

export type PhotoProblemReason = 'unreadable' | 'too-large';

/** Why a file cannot be a card's photo: not a picture the browser can decode, or too big. */
export class PhotoProblem extends Error {
  readonly reason: PhotoProblemReason;

  constructor(reason: PhotoProblemReason, options?: { cause?: unknown }) {
    super(`The photo cannot be used: ${reason}`, options);
    this.name = 'PhotoProblem';
    this.reason = reason;
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  if (typeof globalThis.createImageBitmap !== 'function') throw new PhotoProblem('unreadable');
  try {
    return await globalThis.createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (cause) {
    throw new PhotoProblem('unreadable', { cause });
  }
}

/**
 * The file as a JPEG data URL at most PHOTO_MAX_SIDE pixels on its longer side (never
 * enlarged) and at most PHOTO_MAX_LENGTH characters long. Rejects with a PhotoProblem.
 */
export async function downscalePhoto(file: Blob): Promise<string> {
  if (file.size > PHOTO_MAX_FILE_BYTES) throw new PhotoProblem('too-large');
  // Some cameras and file pickers give no type; then decoding decides.
  if (file.type !== '' && !file.type.startsWith('image/')) throw new PhotoProblem('unreadable');

  const bitmap = await decode(file);
  try {
    const { width, height } = bitmap;
    if (width < 1 || height < 1) throw new PhotoProblem('unreadable');
    const scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoProblem('unreadable');
    // JPEG has no transparency: a transparent picture gets white, not black, behind it.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);

    for (const quality of QUALITIES) {
      const dataUrl = canvas.toDataURL('image/jpeg', quality);
      // An empty or broken canvas gives "data:,".
      if (!PHOTO_DATA_URL_PATTERN.test(dataUrl)) throw new PhotoProblem('unreadable');
      if (dataUrl.length <= PHOTO_MAX_LENGTH) return dataUrl;
    }
    throw new PhotoProblem('too-large');
  } finally {
    bitmap.close();
  }
}
