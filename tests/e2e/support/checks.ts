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
