/**
 * Nothing leaves the device: during a whole conversation (every step's screen and
 * lazy chunk, a drag, typed words, the graded list) every request goes to the app's own
 * origin, the Content-Security-Policy is in force, and nothing breaks it. No text field is
 * spellchecked: Chrome's enhanced spellcheck and Edge's Microsoft Editor send what is typed
 * into a checked field to their servers. And what stays on the device is ciphertext: the
 * raw IndexedDB holds none of the pupil's words.
 */

import { type Page, expect, test } from '@playwright/test';
import {
  card,
  click,
  createConversation,
  expectStep,
  finishExplore,
  mouseDrag,
  nextButton,
  onlyOnProject,
  PASSPHRASE,
  tapMove,
  walkTo,
} from './support/kortprat';

onlyOnProject('desktop');

/** The text fields on screen that the browser would spellcheck, by name. */
function spellchecked(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('textarea, input, [contenteditable]')]
      .filter((field) => !(field instanceof HTMLInputElement) || ['text', 'search'].includes(field.type))
      .filter((field) => field.spellcheck)
      .map((field) => field.getAttribute('aria-label') ?? field.id),
  );
}

test('a whole conversation sends no request to any other origin and breaks no content policy', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await createConversation(page, { alias: 'Vera', grade: '8', withoutDecks: ['Lærere', 'Situasjoner'] });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  // Inline script only by hash: the one the build writes to pick the lock screen's language.
  expect(policy).toMatch(/(^|; )script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(policy).not.toContain('unsafe');

  await walkTo(page, 'sort');
  await mouseDrag(page, card(page, 'matte'), 'applies');
  await tapMove(page, click, card(page, 'norsk'), 'applies');
  await nextButton(page).click();
  await expectStep(page, 'scale');
  await mouseDrag(page, card(page, 'matte'), '2');
  await tapMove(page, click, card(page, 'norsk'), '9');
  await nextButton(page).click();
  await expectStep(page, 'explore');
  await expect(page.getByLabel('Med egne ord')).toBeVisible();
  expect(await spellchecked(page)).toEqual([]);
  await page.getByLabel('Med egne ord').fill('Det er mye bråk');
  await nextButton(page).click();
  await page.getByRole('button', { name: /Alle ser på meg/ }).click();
  await finishExplore(page);
  await page.getByRole('textbox').first().fill('En fast voksen i porten');
  expect(await spellchecked(page)).toEqual([]);
  await nextButton(page).click();
  await expectStep(page, 'recap');
  await page.getByRole('button', { name: 'Ja, det stemmer' }).click();
  await expectStep(page, 'handover');
  await expect(page.locator('tr[data-card-id]')).toHaveCount(2);

  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);

  // Every row of every store, with byte arrays spelled out and decoded as text too, and
  // all of localStorage: none of it holds the alias, a typed word or the passphrase.
  const raw = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kortprat');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const rows: unknown[] = [];
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => rows.push(name, ...all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(
              JSON.stringify([rows, { ...localStorage }], (_key, value: unknown) =>
                value instanceof Uint8Array ? `${[...value].join(',')}|${new TextDecoder().decode(value)}` : value,
              ),
            );
          };
        };
      }),
  );
  expect(raw).toContain('conversations');
  expect(raw).toContain('sealed');
  for (const secret of ['Vera', 'Det er mye bråk', 'bråk', 'En fast voksen i porten', 'porten', PASSPHRASE]) {
    expect(raw).not.toContain(secret);
  }
});
