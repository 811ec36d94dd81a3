import { describe, expect, it } from 'vitest';
import { renderApp } from '../../testing/render';
import { lockScreenMarkup } from './prerender';

function parse(markup: string): HTMLElement {
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  return holder;
}

// Attributes that differ on purpose: ids (React numbers them differently on the server),
// what the prerendered picture disables, and what React sets as properties in the browser.
const IGNORED = new Set(['id', 'for', 'aria-describedby', 'disabled', 'autofocus', 'inert', 'value']);

/** The element's tree as text: tags, the attributes that matter (sorted), and the words. */
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  const attributes = [...node.attributes]
    .filter((attribute) => !IGNORED.has(attribute.name.toLowerCase()))
    .map((attribute) => `${attribute.name.toLowerCase()}="${attribute.value}"`)
    .sort();
  const children = [...node.childNodes].map(shape).join('');
  return `<${node.localName}${attributes.map((attribute) => ` ${attribute}`).join('')}>${children}</${node.localName}>`;
}

describe('the lock screen prerendered into index.html', () => {
  it('shows the lock screen in bokmål, with nothing in it usable and the whole inert', () => {
    const page = parse(lockScreenMarkup());
    const app = page.querySelector('.app')!;
    expect(app).toHaveAttribute('inert');
    expect(page.querySelector('h1')).toHaveTextContent('Kortprat er låst');
    const field = page.querySelector('input[type="password"]')!;
    expect(field).toBeDisabled();
    expect(page.querySelector(`label[for="${field.id}"]`)).toHaveTextContent('Passordfrase');
    for (const button of page.querySelectorAll('button')) expect(button).toBeDisabled();
  });

  it('is the same screen as the app draws on a locked tablet, so nothing moves when the app takes over', async () => {
    const { container } = await renderApp({ vault: 'locked' });
    const live = container.querySelector('.vault')!;
    const prerendered = parse(lockScreenMarkup()).querySelector('.vault')!;
    expect(shape(prerendered)).toBe(shape(live));
    expect(prerendered.closest('main')?.id).toBe(live.closest('main')?.id);
  });
});
