/**
 * Small page helpers for Kortprat's end-to-end tests: where things are (steps, cards,
 * zones), how to fill in setup, and the three ways of moving a card (mouse, keyboard,
 * touch). Assertions auto-wait; nothing here sleeps.
 */

import { type Locator, type Page, type TestInfo, expect, test } from '@playwright/test';

export type Step = 'welcome' | 'causes' | 'sort' | 'scale' | 'explore' | 'wishes' | 'recap' | 'handover';

/** Each step screen is lazy-loaded; its h1 is the sign that it is ready. */
export const STEP_HEADINGS: Record<Step, string | RegExp> = {
  welcome: /^Hei, .+!$/,
  causes: 'Hva kan gjøre skolen vanskelig?',
  sort: 'Hvilke kort gjelder deg?',
  scale: 'Hvordan er det?',
  explore: 'La oss snakke om noen av kortene',
  wishes: 'Hva kunne gjort skolen lettere?',
  recap: 'Dette har du fortalt',
  handover: 'Takk for at du fortalte!',
};

/** How a test presses a button: a mouse click on desktop, a finger tap on the tablet. */
export type Press = (target: Locator) => Promise<void>;
export const click: Press = (target) => target.click();

/**
 * A finger tap that makes sure the tap became a click. In this Chromium a tap sent in the
 * second after a finger drag often gives touch and pointer events but no click (seen with
 * the DevTools protocol; not checked on a real tablet), so a tap that did not reach the
 * element as a click is simply tapped again. A tap that did click is never repeated.
 */
export const tap: Press = async (target) => {
  for (let attempt = 1; ; attempt++) {
    const handle = await target.elementHandle();
    if (!handle) throw new Error(`${target.toString()} is not on the page`);
    try {
      await handle.evaluate((element) => {
        const marked = element as Element & { tappedByTest?: boolean };
        marked.tappedByTest = false;
        element.addEventListener('click', () => (marked.tappedByTest = true), { once: true, capture: true });
      });
      await target.tap();
      const clicked = await target
        .page()
        .waitForFunction((element) => (element as Element & { tappedByTest?: boolean }).tappedByTest, handle, {
          timeout: 1_000,
        })
        .then(
          () => true,
          () => false,
        );
      if (clicked) return;
      if (attempt === 4) throw new Error(`tapping ${target.toString()} gave no click, ${attempt} times`);
    } finally {
      await handle.dispose();
    }
  }
};

/** The adult's passphrase in every test: set on first start, asked after every reload. */
export const PASSPHRASE = 'blå elefant på tur';

/** First start: choose the passphrase (typed, then Enter). */
export async function setPassphrase(page: Page): Promise<void> {
  await expect(
    page.getByRole('heading', { level: 1, name: 'Velg en passordfrase for dette nettbrettet' }),
  ).toBeVisible();
  await page.getByLabel('Ny passordfrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Skriv passordfrasen en gang til', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Skriv passordfrasen en gang til', { exact: true }).press('Enter');
}

/** The lock screen: the passphrase, then Enter. */
export async function unlock(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Kortprat er låst' })).toBeVisible();
  await page.getByLabel('Passordfrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passordfrase', { exact: true }).press('Enter');
}

/** Pupil mode's door to the adult's screens. */
export async function passAdultGate(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Bare for den voksne' })).toBeVisible();
  await page.getByLabel('Passordfrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Passordfrase', { exact: true }).press('Enter');
}

/**
 * Waits until the app has loaded what is stored, setting the passphrase on a fresh
 * browser profile or unlocking after a reload, as the adult would.
 */
export async function waitForHydration(page: Page): Promise<void> {
  const app = page.locator('.app[data-vault]:not([data-vault="checking"])');
  await expect(app).toHaveCount(1);
  const vault = await app.getAttribute('data-vault');
  if (vault === 'new') await setPassphrase(page);
  else if (vault === 'locked') await unlock(page);
  await expect(page.locator('.app[data-hydrated="true"]')).toHaveCount(1);
}

export async function openStart(page: Page): Promise<void> {
  await page.goto('/#/');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Samtaler' })).toBeVisible();
}

export async function expectStep(page: Page, step: Step): Promise<void> {
  await expect(page.locator(`.conversation[data-step="${step}"]`)).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: STEP_HEADINGS[step] })).toBeVisible();
}

export function nextButton(page: Page): Locator {
  return page.locator('.step__nav').getByRole('button', { name: 'Videre', exact: true });
}

// ---- the board -------------------------------------------------------------------------

export function zone(page: Page, zoneId: string): Locator {
  return page.locator(`main section[data-zone-id="${zoneId}"]`);
}

export function zoneTarget(page: Page, zoneId: string): Locator {
  return zone(page, zoneId).locator('.zone__target');
}

/** A card: a built-in card by id, a custom card (random id) by its text. */
export type CardRef = string | { text: string };

function findCard(scope: Locator | Page, ref: CardRef): Locator {
  return typeof ref === 'string'
    ? scope.locator(`button[data-card-id="${ref}"]`)
    : scope.locator('button[data-card-id]', { hasText: ref.text });
}

/** The card wherever it lies on the board. */
export function card(page: Page, ref: CardRef): Locator {
  return findCard(page.locator('main .zone'), ref);
}

/** Waits until the card sits in this zone, and in no other. */
export async function expectCardIn(page: Page, ref: CardRef, zoneId: string): Promise<void> {
  await expect(findCard(zone(page, zoneId), ref)).toHaveCount(1);
  await expect(card(page, ref)).toHaveCount(1);
}

/** dnd-kit's assertive live region, where drag announcements are spoken. */
export function dragAnnouncements(page: Page): Locator {
  return page.locator('[id^="DndLiveRegion"]');
}

/** The board's own status line, where tap and Enter moves are spoken. */
export function tapAnnouncements(page: Page): Locator {
  return page.locator('main p.visually-hidden[role="status"]');
}

// ---- moving cards ----------------------------------------------------------------------

/**
 * A mouse drag: press on the card, move in ten steps to the zone, and let go once the zone
 * shows the card is over it (as a person waits for the highlight). Releasing before React
 * has caught up with the last move would drop on the zone passed before.
 */
export async function mouseDrag(page: Page, from: Locator, zoneId: string): Promise<void> {
  await mouseHoldOver(page, from, zoneId);
  await page.mouse.up();
  await expect(zone(page, zoneId)).not.toHaveClass(/\bzone--over\b/);
}

/** The first half of `mouseDrag`: the card held over the zone, the mouse button still down. */
export async function mouseHoldOver(page: Page, from: Locator, zoneId: string): Promise<void> {
  const target = zone(page, zoneId);
  await from.scrollIntoViewIfNeeded();
  const start = await visibleCentre(page, from);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const end = await visibleCentre(page, target);
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await expect(target).toHaveClass(/\bzone--over\b/);
}

/**
 * A finger drag through the DevTools protocol: touchStart, twenty touchMoves, then
 * touchEnd once the zone shows the card is over it (after `holdMs` more, if given).
 */
export async function touchDrag(
  page: Page,
  from: Locator,
  zoneId: string,
  { holdMs = 0 }: { holdMs?: number } = {},
): Promise<void> {
  const target = zone(page, zoneId);
  await from.scrollIntoViewIfNeeded();
  const start = await visibleCentre(page, from);
  const end = await visibleCentre(page, target);
  const cdp = await page.context().newCDPSession(page);
  try {
    const point = (x: number, y: number) => [{ x, y, id: 1, radiusX: 5, radiusY: 5, force: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(start.x, start.y) });
    const moves = 20;
    for (let i = 1; i <= moves; i++) {
      const x = start.x + ((end.x - start.x) * i) / moves;
      const y = start.y + ((end.y - start.y) * i) / moves;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
    }
    await expect(target).toHaveClass(/\bzone--over\b/);
    // Only for tests about a finger that rests over the zone before letting go.
    if (holdMs > 0) await page.waitForTimeout(holdMs);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
  await expect(target).not.toHaveClass(/\bzone--over\b/);
}

/** The centre of the part of an element that is inside the viewport. */
export async function visibleCentre(page: Page, target: Locator): Promise<{ x: number; y: number }> {
  const box = await target.boundingBox();
  if (!box) throw new Error(`${target.toString()} has no box`);
  const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const left = Math.max(box.x, 0);
  const top = Math.max(box.y, 0);
  const right = Math.min(box.x + box.width, view.width);
  const bottom = Math.min(box.y + box.height, view.height);
  if (right <= left || bottom <= top) throw new Error(`${target.toString()} is out of view`);
  return { x: (left + right) / 2, y: (top + bottom) / 2 };
}

/**
 * The tap alternative: pick the card (aria-pressed), then the zone's header button.
 * The board ignores every tap for 250 ms after any drag ends (a known app bug, see
 * conversation-touch.spec.ts), so a tap that did not pick the card is tried again, as a
 * person would.
 */
export async function tapMove(page: Page, press: Press, from: Locator, zoneId: string): Promise<void> {
  await expect(async () => {
    if ((await from.getAttribute('aria-pressed')) !== 'true') await press(from);
    await expect(from).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await press(zoneTarget(page, zoneId));
}

/** The pointer of the project: mouse on desktop, finger on the touch tablet. */
export interface Pointer {
  press: Press;
  drag(page: Page, from: Locator, zoneId: string): Promise<void>;
}

export function pointerFor(info: TestInfo): Pointer {
  return info.project.use.hasTouch
    ? { press: tap, drag: (page, from, zoneId) => touchDrag(page, from, zoneId) }
    : { press: click, drag: mouseDrag };
}

/** Every zone on the board with the card ids in it, in screen order. */
export async function boardState(page: Page): Promise<Record<string, string[]>> {
  return page
    .locator('main section[data-zone-id]')
    .evaluateAll((zones) =>
      Object.fromEntries(
        zones.map((zone) => [
          zone.getAttribute('data-zone-id') ?? '',
          Array.from(zone.querySelectorAll('button[data-card-id]')).map(
            (card) => card.getAttribute('data-card-id') ?? '',
          ),
        ]),
      ),
    );
}

// ---- keyboard --------------------------------------------------------------------------

/**
 * Presses Tab (or Shift+Tab when the target lies before the focus) until the target has
 * focus, the way a keyboard user gets there. To save round trips it first counts how
 * many stops lie in between and presses that many, then checks and corrects.
 */
export async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error(`${target.toString()} is not on the page`);
  try {
    let presses = 0;
    while (presses < limit) {
      const distance = await handle.evaluate(tabStopsTo);
      if (distance === 0) return;
      if (distance === null) {
        // Focus is on the body (say, its element was removed): Chrome then goes on from
        // where that element was, which the page cannot tell us. One Tab, then count.
        await page.keyboard.press('Tab');
        presses++;
        continue;
      }
      const key = distance > 0 ? 'Tab' : 'Shift+Tab';
      for (let i = 0; i < Math.abs(distance) && presses < limit; i++, presses++) await page.keyboard.press(key);
    }
  } finally {
    await handle.dispose();
  }
  throw new Error(`could not Tab to ${target.toString()} in ${limit} presses`);
}

/**
 * Runs in the page: how many Tab presses (negative: Shift+Tab) from the focused element
 * to `target`, counting focusable, visible controls in document order (one per radio group).
 */
function tabStopsTo(target: Element): number | null {
  const active = document.activeElement;
  if (active === target) return 0;
  if (!active || active === document.body) return null;
  const stops = Array.from(
    document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
  ).filter((element) => {
    if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled) return false;
    if (!element.checkVisibility({ visibilityProperty: true })) return false;
    if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
      const group = Array.from(
        document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${element.name}"]`),
      );
      const checked = group.find((radio) => radio.checked);
      return checked ? checked === element : group[0] === element;
    }
    return true;
  });
  const to = stops.indexOf(target as HTMLElement);
  if (to < 0) return 1; // not a stop by this count: let the caller step and see
  let from = stops.indexOf(active as HTMLElement);
  if (from < 0) {
    // Focus is on something that is not a stop (a heading): it sits between two stops.
    const before = stops.filter(
      (stop) => active.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_PRECEDING,
    ).length;
    from = before - 0.5;
  }
  return to > from ? Math.ceil(to - from) : -Math.ceil(from - to);
}

/** Tabs to a control and presses Enter on it. */
export async function tabAndEnter(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/**
 * Space on the focused card lifts it. The live region says both that it was picked up and
 * where it is ("Du løftet Matte. Matte er over Kortbunke."); that is the sign it is ready
 * to move.
 */
export async function keyboardLift(page: Page, cardLabel: string): Promise<void> {
  await page.keyboard.press('Space');
  await expect(page.locator('main .zone button.card--dragging')).toHaveText(cardLabel);
  const card = escapeRegExp(cardLabel);
  await expect(dragAnnouncements(page)).toHaveText(new RegExp(`^Du løftet ${card}\\. ${card} er over .+\\.$`));
  // dnd-kit's KeyboardSensor starts listening for arrows in a setTimeout(0) after the lift,
  // and Chrome runs input before timers: one timer turn later it is surely listening.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One arrow press moves the lifted card to the next zone that way; waits for the news. */
export async function keyboardArrow(page: Page, arrow: string): Promise<void> {
  const live = dragAnnouncements(page);
  const before = (await live.textContent()) ?? '';
  await page.keyboard.press(arrow);
  await expect(live).not.toHaveText(before);
}

/** Checks the lifted card is over the zone, then Space drops it there. */
export async function keyboardDrop(page: Page, cardLabel: string, zoneLabel: string): Promise<void> {
  const live = dragAnnouncements(page);
  const card = escapeRegExp(cardLabel);
  await expect(live).toHaveText(new RegExp(`(?:^|\\. )${card} er over ${escapeRegExp(zoneLabel)}\\.$`));
  await page.keyboard.press('Space');
  await expect(live).toHaveText(`${cardLabel} ble lagt i ${zoneLabel}.`);
  // dnd-kit tries to give focus back to the card in the next animation frame; let it.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}

/**
 * A keyboard drag of the focused card, as a person steers it: Space lifts it, then the
 * arrow that `steer` picks for the zone it is over now, again and again, until dnd-kit
 * says it is over the wanted zone; Space drops it there.
 */
export async function keyboardDrag(
  page: Page,
  cardLabel: string,
  zoneLabel: string,
  steer: (overZone: string) => string,
): Promise<void> {
  await keyboardLift(page, cardLabel);
  const live = dragAnnouncements(page);
  const overZone = new RegExp(`(?:^|\\. )${escapeRegExp(cardLabel)} er over (.+)\\.$`);
  for (let presses = 0; presses < 12; presses++) {
    const text = (await live.textContent()) ?? '';
    const over = overZone.exec(text)?.[1];
    if (over === undefined) throw new Error(`the card should be over a zone, but: ${text}`);
    if (over === zoneLabel) break;
    await keyboardArrow(page, steer(over));
  }
  await keyboardDrop(page, cardLabel, zoneLabel);
}

/** Steering on the sort board: the deck is on the left, "Gjelder meg" above "Gjelder ikke meg". */
export function steerSort(target: 'Gjelder meg' | 'Gjelder ikke meg' | 'Kortbunke') {
  return (over: string): string => {
    if (target === 'Kortbunke') return 'ArrowLeft';
    if (over === 'Kortbunke') return 'ArrowRight';
    return target === 'Gjelder meg' ? 'ArrowUp' : 'ArrowDown';
  };
}

/** The zone label of a number on the trivsel scale. */
export function numberLabel(number: number): string {
  if (number === 1) return 'Tallet 1: Liker absolutt ikke';
  if (number === 10) return 'Tallet 10: Liker veldig godt';
  return `Tallet ${number}`;
}

/** Steering on the scale: from the tray up to the numbers, then along them. */
export function steerScale(target: number) {
  return (over: string): string => {
    const at = /^Tallet (\d+)/.exec(over);
    if (!at) return 'ArrowUp';
    return Number(at[1]) < target ? 'ArrowRight' : 'ArrowLeft';
  };
}

// ---- read-aloud ------------------------------------------------------------------------

export interface Spoken {
  text: string;
  lang: string;
}

/**
 * Chromium here has no voices: give it one on-device voice for `lang` that records what
 * it is asked to say (and a plain utterance class, since a real one only takes real voices).
 */
export async function stubSpeech(page: Page, lang: string): Promise<void> {
  await page.addInitScript((voiceLang) => {
    const spoken: { text: string; lang: string }[] = [];
    const voice = { lang: voiceLang, localService: true, name: 'Test', default: true, voiceURI: 'test' };
    Object.assign(window, {
      spoken,
      SpeechSynthesisUtterance: class {
        lang = '';
        voice: unknown = null;
        rate = 1;
        constructor(readonly text: string) {}
      },
    });
    Object.assign(window.speechSynthesis, {
      getVoices: () => [voice],
      speak: (utterance: { text: string; lang: string }) => spoken.push({ text: utterance.text, lang: utterance.lang }),
      cancel: () => {},
    });
  }, lang);
}

/** Everything read aloud since the page loaded, in order. */
export async function spokenSoFar(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);
}

/** Every image on the page has loaded (from this origin) and has a size. */
export async function expectImagesLoaded(page: Page): Promise<number> {
  const images = page.locator('main img');
  await expect
    .poll(() =>
      images.evaluateAll(
        (all) =>
          all.filter((image) => !(image as HTMLImageElement).complete || !(image as HTMLImageElement).naturalWidth)
            .length,
      ),
    )
    .toBe(0);
  return images.count();
}

// ---- setup -----------------------------------------------------------------------------

export interface SetupInput {
  alias: string;
  grade: string;
  /** Decks to switch off (all three are on by default). */
  withoutDecks?: ('Fag' | 'Lærere' | 'Situasjoner')[];
  teacher1?: string;
  customCards?: string[];
  scaleKind?: 'trivsel' | 'vanskelig';
  /** The pupil's language, by the name the setup shows for it ("العربية"); bokmål by default. */
  language?: string;
  /** Ticks "Les alt høyt for eleven". */
  readAloud?: boolean;
}

/** Fills in setup with pointer presses and starts the conversation; ends on welcome. */
export async function createConversation(page: Page, input: SetupInput, press: Press = click): Promise<string> {
  await openStart(page);
  await press(page.getByRole('button', { name: 'Ny samtale' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Før samtalen' })).toBeVisible();
  await page.getByLabel('Kallenavn').fill(input.alias);
  await page.getByLabel('Trinn (1–10)').fill(input.grade);
  if (input.scaleKind === 'vanskelig') await press(page.getByRole('radio', { name: /^Vanskelig\/redd/ }));
  if (input.language) await press(page.getByRole('radio', { name: input.language, exact: true }));
  if (input.readAloud) await press(page.getByRole('checkbox', { name: 'Les alt høyt for eleven' }));
  if (input.teacher1) await page.getByLabel('Navn eller initialer for lærer 1').fill(input.teacher1);
  for (const text of input.customCards ?? []) {
    await page.getByLabel('Tekst på nytt kort').fill(text);
    await press(page.getByRole('button', { name: 'Legg til kort' }));
    await expect(page.locator('.custom-cards li', { hasText: text })).toBeVisible();
  }
  for (const deck of input.withoutDecks ?? []) {
    const box = page.getByRole('checkbox', { name: deck, exact: true });
    await press(box);
    await expect(box).not.toBeChecked();
  }
  await press(page.getByRole('button', { name: 'Start samtalen' }));
  if (input.language) {
    await expect(page.locator('.conversation[data-step="welcome"]')).toHaveCount(1);
  } else {
    await expectStep(page, 'welcome');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hei, ${input.alias}!`);
  }
  const id = new URL(page.url()).hash.replace('#/samtale/', '');
  expect(id).not.toBe('');
  return id;
}

/** From welcome straight to a later step with "Jeg er klar" and "Videre". */
export async function walkTo(page: Page, step: 'causes' | 'sort' | 'scale', press: Press = click): Promise<void> {
  await press(page.getByRole('button', { name: 'Jeg er klar' }));
  await expectStep(page, 'causes');
  if (step === 'causes') return;
  await press(nextButton(page));
  await expectStep(page, 'sort');
  if (step === 'sort') return;
  await press(nextButton(page));
  await expectStep(page, 'scale');
}

/**
 * The conversation as stored in IndexedDB right now, opened with the passphrase the way
 * the app does it (the row itself is ciphertext), for waiting until a change is on disk.
 * The derived key is kept on the page between polls.
 */
export async function storedConversation(page: Page, id: string): Promise<string> {
  return page.evaluate(
    async ({ conversationId, passphrase }) => {
      const read = <T>(store: string, key: string) =>
        new Promise<T | undefined>((resolve, reject) => {
          const open = indexedDB.open('kortprat');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction(store, 'readonly').objectStore(store).get(key);
            get.onerror = () => reject(get.error);
            get.onsuccess = () => {
              db.close();
              resolve(get.result as T | undefined);
            };
          };
        });
      type Keyring = {
        kdf: { salt: Uint8Array<ArrayBuffer>; iterations: number };
        wrapIv: Uint8Array<ArrayBuffer>;
        wrappedKey: Uint8Array<ArrayBuffer>;
      };
      const cache = globalThis as { e2eDataKey?: CryptoKey };
      if (!cache.e2eDataKey) {
        const { keyring } = (await read<{ keyring: Keyring }>('meta', 'keyring'))!;
        const material = await crypto.subtle.importKey(
          'raw',
          new TextEncoder().encode(passphrase.normalize('NFC')),
          'PBKDF2',
          false,
          ['deriveKey'],
        );
        const wrapping = await crypto.subtle.deriveKey(
          { name: 'PBKDF2', hash: 'SHA-256', salt: keyring.kdf.salt, iterations: keyring.kdf.iterations },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['unwrapKey'],
        );
        cache.e2eDataKey = await crypto.subtle.unwrapKey(
          'raw',
          keyring.wrappedKey,
          wrapping,
          { name: 'AES-GCM', iv: keyring.wrapIv },
          { name: 'AES-GCM', length: 256 },
          false,
          ['decrypt'],
        );
      }
      const row = await read<{ sealed?: { iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> } }>(
        'conversations',
        conversationId,
      );
      if (!row?.sealed) return 'null';
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: row.sealed.iv },
        cache.e2eDataKey,
        row.sealed.data,
      );
      return new TextDecoder().decode(plain);
    },
    { conversationId: id, passphrase: PASSPHRASE },
  );
}

/** The handover table as [rank, card, number] rows. */
export async function gradedRows(page: Page): Promise<string[][]> {
  const rows = page.locator('.graded__table tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.children)
        .slice(0, 3)
        .map((cell) => (cell.textContent ?? '').trim()),
    ),
  );
}

/** Runs the file's tests on one Playwright project only (skipped, with a reason, elsewhere). */
export function onlyOnProject(name: 'desktop' | 'tablet-touch'): void {
  // Playwright reads fixture names from the first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  test.beforeEach(({}, info) => {
    test.skip(info.project.name !== name, `runs on the ${name} project only`);
  });
}

/** Presses "Videre" through the remaining explore prompts, one at a time, until the wishes step. */
export async function finishExplore(page: Page): Promise<void> {
  const progress = page.locator('.explore__progress');
  while ((await progress.count()) > 0) {
    const before = (await progress.allTextContents()).join();
    await nextButton(page).click();
    await expect.poll(async () => (await progress.allTextContents()).join()).not.toBe(before);
  }
  await expectStep(page, 'wishes');
}

/**
 * Sorts the given cards into "Gjelder meg", rates them, answers the first hard card, and
 * finishes. `onSort` and `onScale` run once those steps are done, before "Videre".
 */
export async function finishConversationWith(
  page: Page,
  ratings: Record<string, number>,
  feelings: string[],
  { onSort, onScale }: { onSort?: () => Promise<void>; onScale?: () => Promise<void> } = {},
): Promise<void> {
  await walkTo(page, 'sort');
  for (const id of Object.keys(ratings)) await tapMove(page, click, card(page, id), 'applies');
  await onSort?.();
  await nextButton(page).click();
  await expectStep(page, 'scale');
  for (const [id, rating] of Object.entries(ratings)) await tapMove(page, click, card(page, id), String(rating));
  await onScale?.();
  await nextButton(page).click();
  await expectStep(page, 'explore');
  await page.getByLabel('Med egne ord').fill('Når læreren ser på meg');
  await nextButton(page).click();
  await nextButton(page).click();
  for (const feeling of feelings) await page.getByRole('button', { name: feeling, exact: true }).click();
  await finishExplore(page);
  await nextButton(page).click();
  await expectStep(page, 'recap');
  await page.getByRole('button', { name: 'Ja, det stemmer' }).click();
  await expectStep(page, 'handover');
  await page.getByRole('button', { name: 'Avslutt samtalen' }).click();
  await passAdultGate(page);
  await expect(page.getByRole('heading', { level: 1, name: /^Resultat: / })).toBeVisible();
}
