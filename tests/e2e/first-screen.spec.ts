/**
 * The first screen stays small: the JavaScript a cold start loads until the lock screen
 * (or, on a new tablet, choosing the passphrase) can be used is at most 120 KB gzip —
 * storage, the restore funnel, the plan, the extra languages and the service worker's
 * code load later. Sizes are the built files gzipped at level 9, as the benchmark
 * counts them. And the lock screen itself is in index.html, drawn before the script runs,
 * in the language the adult chose.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Page, expect, test } from '@playwright/test';
import { onlyOnProject, setPassphrase } from './support/kortprat';

onlyOnProject('desktop');

const BUDGET = 120 * 1024;

/** Records the app's scripts the page loads, as paths under dist/. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js') && !url.pathname.endsWith('/sw.js')) scripts.push(url.pathname);
  });
  return scripts;
}

function gzipBytes(paths: readonly string[]): number {
  return [...new Set(paths)].reduce(
    (sum, path) => sum + gzipSync(readFileSync(join('dist', path)), { level: 9 }).length,
    0,
  );
}

test('the first screen loads at most 120 KB gzip of JavaScript, and no storage library', async ({ page }) => {
  const firstStart = recordScripts(page);
  await page.goto('/');
  await expect(page.getByLabel('Ny passordfrase', { exact: true })).toBeEditable();
  expect(gzipBytes(firstStart)).toBeLessThanOrEqual(BUDGET);
  await setPassphrase(page);
  await expect(page.locator('.app[data-hydrated="true"]')).toHaveCount(1);

  // A later start: the lock screen.
  await page.close();
  const later = await page.context().newPage();
  const lockScreen = recordScripts(later);
  await later.goto('/');
  await expect(later.getByLabel('Passordfrase', { exact: true })).toBeEditable();
  const loaded = gzipBytes(lockScreen);
  expect(loaded).toBeLessThanOrEqual(BUDGET);
  expect(lockScreen.some((path) => /\/(db|dexie)[-.]/.test(path))).toBe(false);
  // The service worker's code (workbox-window) waits until the adult has unlocked, however
  // long the lock screen stays up.
  await later.waitForTimeout(1_000);
  expect(lockScreen.filter((path) => path.includes('workbox-window'))).toEqual([]);
  test.info().annotations.push({ type: 'first screen', description: `${(loaded / 1024).toFixed(1)} KB gzip` });
});

test('the page asks for its stylesheet before its scripts', async ({ request }) => {
  // The first paint waits for the stylesheet; behind the entry script and the five it
  // preloads, it was the seventh request, one more than a browser opens to a host at once
  // over HTTP/1.1 (see stylesheetFirst in vite.config.ts).
  const html = await (await request.get('/')).text();
  const stylesheet = html.search(/<link rel="stylesheet"/);
  expect(stylesheet).toBeGreaterThan(0);
  expect(stylesheet).toBeLessThan(html.search(/<script|<link rel="modulepreload"/));
});

test('the page draws the lock screen before any script runs; the app then puts the real screen in its place', async ({
  page,
  browser,
  baseURL,
}) => {
  // Without script (as in the moment before it has run): the lock screen, nothing usable.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto('/');
  await expect(still.getByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();
  await expect(still.locator('input[type="password"]')).toBeDisabled();
  await noScript.close();

  // A new tablet: the app replaces it with choosing a passphrase, once, entirely.
  await page.goto('/');
  await expect(page.getByLabel('Ny passordfrase', { exact: true })).toBeFocused();
  await expect(page.locator('h1')).toHaveText(['Velg en passordfrase for dette nettbrettet']);
  await setPassphrase(page);
  // The vault is stored once the key is derived and the app has loaded (not when Enter is pressed).
  await expect(page.locator('.app[data-hydrated="true"]')).toHaveCount(1);

  // Later starts: the working lock screen where the picture of it was.
  const later = await page.context().newPage();
  await later.goto('/');
  await expect(later.getByLabel('Passordfrase', { exact: true })).toBeFocused();
  await expect(later.locator('h1')).toHaveText(['Kortprat er låst']);
  await expect(later.locator('main')).toHaveCount(1);
  await expect(later.locator('[inert]')).toHaveCount(0);
});

test('an adult who chose nynorsk gets the lock screen in nynorsk from the first paint, never in bokmål, in budget', async ({
  page,
}) => {
  await page.goto('/');
  await setPassphrase(page);
  await page.getByLabel('Språk for den voksne').selectOption('nn');
  await expect(page.getByRole('heading', { level: 1, name: 'Samtalar' })).toBeVisible();

  // The next start, watched from the first line of the page: what the picture says once
  // the page is parsed (before any module script has run), and any bokmål the lock screen
  // shows after that, until the app has taken over.
  const later = await page.context().newPage();
  await later.addInitScript(() => {
    const seen = {
      parsed: null as { lang: string; text: string } | null,
      bokmål: [] as string[],
      blocked: [] as string[],
    };
    Object.assign(window, { seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.blocked.push(event.violatedDirective));
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      seen.parsed = { lang: document.documentElement.lang, text: document.querySelector('main')?.textContent ?? '' };
      new MutationObserver(() => {
        const text = document.querySelector('main')?.textContent ?? '';
        if (text.includes('åpne samtalene')) seen.bokmål.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  const scripts = recordScripts(later);
  await later.goto('/');
  await expect(later.getByLabel('Passordfrase', { exact: true })).toBeFocused();
  await expect(later.locator('[inert]')).toHaveCount(0);
  await expect(later.getByText('Skriv passordfrasen for dette nettbrettet for å opne samtalane.')).toBeVisible();
  // Nynorsk's texts load before the app takes over, and the first screen stays in budget.
  expect(gzipBytes(scripts)).toBeLessThanOrEqual(BUDGET);
  const seen = await later.evaluate(() => (window as unknown as { seen: unknown }).seen);
  expect(seen).toEqual({
    parsed: { lang: 'nn', text: expect.stringContaining('for å opne samtalane') },
    bokmål: [],
    blocked: [],
  });
});
