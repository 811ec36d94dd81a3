// What of the photo path runs in jsdom: refusals before decoding, decoding failures, and
// (with a stand-in canvas) the size and quality arithmetic. The real canvas is tested in a
// browser, end to end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PHOTO_MAX_LENGTH } from '../domain/catalog';
import { PHOTO_MAX_FILE_BYTES, PhotoProblem, downscalePhoto } from './photo';

const jpeg = (bytes = 16) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });

async function problemOf(promise: Promise<unknown>): Promise<PhotoProblem> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoProblem);
  return error as PhotoProblem;
}

function fakeBitmap(width: number, height: number) {
  const close = vi.fn();
  const decode = vi.fn(() => Promise.resolve({ width, height, close } as unknown as ImageBitmap));
  vi.stubGlobal('createImageBitmap', decode);
  return { decode, close };
}

/** A stand-in 2D canvas: records the drawing and answers toDataURL with `answer(quality)`. */
function fakeCanvas(answer: (quality: number) => string) {
  const drawImage = vi.fn();
  const context = { fillRect: vi.fn(), drawImage } as unknown as CanvasRenderingContext2D;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
  const toDataURL = vi
    .spyOn(HTMLCanvasElement.prototype, 'toDataURL')
    .mockImplementation((_type?: string, quality?: unknown) => answer(quality as number));
  return { drawImage, toDataURL };
}

const dataUrl = (length: number) => `data:image/jpeg;base64,${'A'.repeat(length - 'data:image/jpeg;base64,'.length)}`;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downscalePhoto', () => {
  it('refuses a file over 25 MB before decoding it', async () => {
    const { decode } = fakeBitmap(100, 100);
    const big = new Blob([new Uint8Array(PHOTO_MAX_FILE_BYTES + 1)], { type: 'image/jpeg' });
    expect((await problemOf(downscalePhoto(big))).reason).toBe('too-large');
    expect(decode).not.toHaveBeenCalled();
  });

  it('refuses a file that is not a picture before decoding it', async () => {
    const { decode } = fakeBitmap(100, 100);
    const text = new Blob(['hello'], { type: 'text/plain' });
    expect((await problemOf(downscalePhoto(text))).reason).toBe('unreadable');
    expect(decode).not.toHaveBeenCalled();
  });

  it('says unreadable when the browser cannot decode pictures at all', async () => {
    vi.stubGlobal('createImageBitmap', undefined);
    expect((await problemOf(downscalePhoto(jpeg()))).reason).toBe('unreadable');
  });

  it('says unreadable when decoding fails', async () => {
    vi.stubGlobal(
      'createImageBitmap',
      vi.fn(() => Promise.reject(new DOMException('bad', 'InvalidStateError'))),
    );
    expect((await problemOf(downscalePhoto(new Blob([new Uint8Array(8)])))).reason).toBe('unreadable');
  });

  it('draws the longer side at 320 px, turned upright, and frees the decoded picture', async () => {
    const { decode, close } = fakeBitmap(4000, 3000);
    const { drawImage } = fakeCanvas(() => dataUrl(20_000));
    expect(await downscalePhoto(jpeg())).toBe(dataUrl(20_000));
    expect(decode).toHaveBeenCalledWith(expect.any(Blob), { imageOrientation: 'from-image' });
    expect(drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 320, 240);
    expect(close).toHaveBeenCalled();
  });

  it('never enlarges a small picture', async () => {
    fakeBitmap(90, 200);
    const { drawImage } = fakeCanvas(() => dataUrl(5_000));
    await downscalePhoto(jpeg());
    expect(drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 90, 200);
  });

  it('lowers the quality until the photo is small enough', async () => {
    fakeBitmap(640, 480);
    const { toDataURL } = fakeCanvas((quality) => dataUrl(quality > 0.5 ? PHOTO_MAX_LENGTH + 1 : PHOTO_MAX_LENGTH));
    expect(await downscalePhoto(jpeg())).toHaveLength(PHOTO_MAX_LENGTH);
    expect(toDataURL.mock.calls.map(([, quality]) => quality)).toEqual([0.8, 0.6, 0.4]);
  });

  it('says too large when even the lowest quality is too long, and still frees the picture', async () => {
    const { close } = fakeBitmap(640, 480);
    fakeCanvas(() => dataUrl(PHOTO_MAX_LENGTH + 1));
    expect((await problemOf(downscalePhoto(jpeg()))).reason).toBe('too-large');
    expect(close).toHaveBeenCalled();
  });

  it('says unreadable when the canvas gives nothing', async () => {
    fakeBitmap(640, 480);
    fakeCanvas(() => 'data:,');
    expect((await problemOf(downscalePhoto(jpeg()))).reason).toBe('unreadable');
  });
});
