// Copies the pictures the app uses out of the Fluent Emoji Flat set (MIT, installed from
// npm) into assets/static/pictures/, one small SVG per glyph, and nothing else of the
// set's 3,000 glyphs. Run `npm run pictures` after changing src/lib/pictures.json; a
// unit test fails while the copies are missing or stale.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PICTURE_DIR = join(root, 'assets/static/pictures');

/** Every glyph name src/lib/pictures.json refers to, sorted. */
export function usedGlyphs() {
  const map = JSON.parse(readFileSync(join(root, 'src/lib/pictures.json'), 'utf8'));
  const names = new Set(map.library);
  for (const [group, entries] of Object.entries(map)) {
    if (group === 'library' || group.startsWith('$')) continue;
    for (const glyphs of Object.values(entries)) glyphs.forEach((name) => names.add(name));
  }
  return [...names].sort();
}

/** The expected file contents, by file name. */
export function pictureFiles() {
  const set = require('@iconify-json/fluent-emoji-flat/icons.json');
  const info = require('@iconify-json/fluent-emoji-flat/package.json');
  const files = new Map();
  for (const name of usedGlyphs()) {
    const icon = set.icons[name];
    if (!icon) throw new Error(`Fluent Emoji Flat has no glyph "${name}"`);
    const box = [icon.left ?? 0, icon.top ?? 0, icon.width ?? set.width, icon.height ?? set.height].join(' ');
    files.set(`${name}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box}">${icon.body}</svg>\n`);
  }
  files.set(
    'LICENSE.txt',
    [
      `Pictures: Fluent Emoji Flat, from the npm package ${info.name} ${info.version}.`,
      'Source: https://github.com/microsoft/fluentui-emoji',
      '',
      'MIT License',
      '',
      'Copyright (c) Microsoft Corporation.',
      '',
      'Permission is hereby granted, free of charge, to any person obtaining a copy',
      'of this software and associated documentation files (the "Software"), to deal',
      'in the Software without restriction, including without limitation the rights',
      'to use, copy, modify, merge, publish, distribute, sublicense, and/or sell',
      'copies of the Software, and to permit persons to whom the Software is',
      'furnished to do so, subject to the following conditions:',
      '',
      'The above copyright notice and this permission notice shall be included in all',
      'copies or substantial portions of the Software.',
      '',
      'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR',
      'IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,',
      'FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE',
      'AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER',
      'LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,',
      'OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE',
      'SOFTWARE.',
      '',
    ].join('\n'),
  );
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = pictureFiles();
  mkdirSync(PICTURE_DIR, { recursive: true });
  for (const existing of readdirSync(PICTURE_DIR)) {
    if (!files.has(existing)) rmSync(join(PICTURE_DIR, existing));
  }
  for (const [name, text] of files) writeFileSync(join(PICTURE_DIR, name), text);
  console.log(`Wrote ${files.size - 1} pictures to ${PICTURE_DIR}`);
}
