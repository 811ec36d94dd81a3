// The patch to @dnd-kit/core in patches/ (applied by `npm install`): a drag start measures
// every drop zone, and dnd-kit walked each zone's ancestors up to <html>, reading each
// one's computed style again for every zone. Patched, each element is read once per task.
// The patch changes dnd-kit's ES module build (the app's) and its CommonJS development
// build (what Node loads for these tests) alike.
import { getScrollableAncestors } from '@dnd-kit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('dnd-kit, as patched', () => {
  it('reads the style of each ancestor once however many zones are measured, and still finds what scrolls', () => {
    const scroller = document.createElement('div');
    scroller.style.overflowY = 'auto';
    const board = document.createElement('div');
    const zones = Array.from({ length: 11 }, () => document.createElement('section'));
    board.append(...zones);
    scroller.append(board);
    document.body.append(scroller);

    const styles = vi.spyOn(window, 'getComputedStyle');
    const found = zones.map((zone) => getScrollableAncestors(zone));

    const read = styles.mock.calls.map(([element]) => element);
    expect(read.length).toBeGreaterThan(0);
    expect(new Set(read).size).toBe(read.length);
    // (jsdom has no scrolling element for the document, which the browser would add last.)
    for (const ancestors of found) expect(ancestors).toEqual([scroller]);
  });
});
