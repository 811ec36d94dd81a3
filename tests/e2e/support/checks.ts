/**
 * Checks shared by the specs: axe's WCAG 2.1 A/AA and 2.2 AA rules, and the touch rules
 * (no sideways scroll, every visible button at least 48 × 48 CSS pixels).
 */

import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';

/** axe finds nothing on the page as it is now. */
export async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const found = result.violations.map(
    (v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(found).toEqual([]);
}

const MIN_TARGET = 48;

/** No sideways page scroll, and no visible button in main smaller than 48 × 48. */
export async function expectTouchFriendly(page: Page, where: string) {
  const width = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(width.scrollWidth, `${where}: page scrolls sideways`).toBeLessThanOrEqual(width.innerWidth);

  // The same numbers boundingBox() gives, for all buttons in one round trip, taken once
  // two animation frames in a row agree exactly (a card that just moved grows in from
  // 92 %; near the end of its easing two frames can agree to a tenth of a pixel while it
  // still grows, so sizes are compared unrounded and rounded only for the report).
  const sizes = await page.locator('main button').evaluateAll(async (buttons) => {
    const measure = () =>
      buttons
        .filter((button) => button.checkVisibility({ visibilityProperty: true, opacityProperty: false }))
        .map((button) => {
          const box = button.getBoundingClientRect();
          return {
            name: button.getAttribute('aria-label') ?? (button.textContent ?? '').trim(),
            width: box.width,
            height: box.height,
          };
        })
        .filter((size) => size.width > 0 && size.height > 0);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let last = JSON.stringify(measure());
    for (let i = 0; i < 120; i++) {
      await frame();
      await frame();
      const now = JSON.stringify(measure());
      if (now === last) break;
      last = now;
    }
    return (JSON.parse(last) as { name: string; width: number; height: number }[]).map((size) => ({
      ...size,
      width: Math.round(size.width * 10) / 10,
      height: Math.round(size.height * 10) / 10,
    }));
  });
  expect(sizes.length, `${where}: no buttons found`).toBeGreaterThan(10);
  const tooSmall = sizes.filter((size) => size.width < MIN_TARGET || size.height < MIN_TARGET);
  expect(tooSmall, `${where}: buttons under ${MIN_TARGET}×${MIN_TARGET} px`).toEqual([]);
}

// ---- visible focus ---------------------------------------------------------------------

interface FocusStop {
  kind: 'stop' | 'again' | 'none';
  /** Focus is on the same element as after the last Tab (a date field's parts). */
  same?: boolean;
  name?: string;
  visible?: boolean;
  style?: string;
}

/**
 * In the page: what has focus now, and whether it shows a focus indicator — an outline at
 * least 2 px wide that is not transparent, or a box-shadow ring (no offset, no blur, a
 * spread of at least 2 px). A control that is visually hidden (a file input) may show it
 * on its label instead.
 */
function focusStop(): FocusStop {
  const state = window as unknown as { focusSeen: WeakSet<Element>; focusPrevious: Element | null };
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return { kind: 'none' };
  const same = state.focusPrevious === element;
  state.focusPrevious = element;
  if (state.focusSeen.has(element)) return { kind: 'again', same };
  state.focusSeen.add(element);

  const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);
  const ring = (node: Element) => {
    const style = getComputedStyle(node);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && !transparent(style.outlineColor);
    const shadow = style.boxShadow
      .split(/,(?![^(]*\))/)
      .filter((one) => !transparent(one.trim().split(/\)\s/)[0] + ')'))
      .some((one) => {
        const [x, y, blur, spread] = (one.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g) ?? []).map(parseFloat);
        return x === 0 && y === 0 && (blur ?? 0) <= 1 && (spread ?? 0) >= 2;
      });
    return {
      ok: outline || shadow,
      style: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow ${style.boxShadow}`,
    };
  };
  const box = element.getBoundingClientRect();
  const hidden = box.width <= 1 || box.height <= 1;
  const labels = hidden && 'labels' in element ? Array.from((element as HTMLInputElement).labels ?? []) : [];
  const shown = [element, ...labels].map(ring);
  const label =
    element.getAttribute('aria-label') ??
    (element as HTMLInputElement).labels?.[0]?.textContent ??
    element.textContent ??
    '';
  const name = `${element.tagName.toLowerCase()}${element.className ? '.' + String(element.className).split(' ').join('.') : ''} «${label.trim().replace(/\s+/g, ' ').slice(0, 50)}»`;
  return { kind: 'stop', name, visible: shown.some((one) => one.ok), style: shown[0]!.style };
}

/**
 * Tabs through the whole screen from where the focus is now, one stop at a time, round
 * past the end and on from the top until focus comes back to a stop it has seen (at most
 * `limit` presses), and checks that every element that takes focus shows a visible focus
 * indicator. Returns what was visited.
 */
export async function expectFocusAlwaysVisible(
  page: Page,
  where: string,
  { limit = 150, atLeast = 3 }: { limit?: number; atLeast?: number } = {},
): Promise<string[]> {
  await page.evaluate(() => Object.assign(window, { focusSeen: new WeakSet(), focusPrevious: null }));
  const visited: string[] = [];
  const missing: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(focusStop);
    // Past the last stop focus leaves the page; the next Tab starts again at the top.
    if (stop.kind === 'none') continue;
    if (stop.kind === 'again') {
      if (stop.same) continue;
      break;
    }
    visited.push(stop.name!);
    if (!stop.visible) missing.push(`${stop.name} (${stop.style})`);
  }
  expect(missing, `${where}: focused without a visible focus indicator`).toEqual([]);
  expect(visited.length, `${where}: too few focus stops`).toBeGreaterThanOrEqual(atLeast);
  return visited;
}

// ---- text resize -----------------------------------------------------------------------

/**
 * With text enlarged: no sideways page scroll, and no visible element that hides its
 * overflow has content wider (or taller) than its box — text cut off where nobody can
 * scroll to it.
 */
export async function expectNothingClipped(page: Page, where: string): Promise<void> {
  // What sticks out past either edge: the innermost elements, so the message names the culprit.
  const sticksOut = await page.evaluate(() => {
    const out = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1);
    };
    const all = Array.from(document.querySelectorAll('body *')).filter(out);
    return all
      .filter((element) => !all.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return `${element.tagName.toLowerCase()}.${String(element.className)} «${(element.textContent ?? '').trim().slice(0, 30)}» ${Math.round(box.left)}–${Math.round(box.right)}`;
      });
  });
  const width = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(width.scrollWidth, `${where}: page scrolls sideways (${sticksOut.join('; ')})`).toBeLessThanOrEqual(
    width.innerWidth,
  );
  const clipped = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => {
        const style = getComputedStyle(element);
        const hides = (value: string) => value === 'hidden' || value === 'clip';
        if (!hides(style.overflowX) && !hides(style.overflowY)) return false;
        if (!element.checkVisibility({ visibilityProperty: true })) return false;
        // The screen-reader-only text: 1 × 1 px and clipped on purpose.
        if (element.clientWidth <= 1 || element.clientHeight <= 1) return false;
        if (!(element.textContent ?? '').trim()) return false;
        return (
          (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
          (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
        );
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} «${(element.textContent ?? '').trim().slice(0, 40)}» ` +
          `${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`,
      ),
  );
  expect(clipped, `${where}: text clipped`).toEqual([]);
}
