// Download doorway pages (src/quality/doorway.ts): nothing on them is kept, so they make no claims;
// articles that repeat their subject, and install guides that are not stuffed, are left alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boilerplate } from '../src/boilerplate/index.js';
import { quality } from '../src/quality/index.js';
import { claims } from '../src/claims/index.js';
import { createDoc } from '../src/doc.js';
import { segmentText } from '../src/segment/index.js';
import type { Doc } from '../src/types.js';
import { projectRoot } from './helpers/shared.js';

function cleaned(text: string, name = 'doc'): Doc {
  const doc = createDoc({ id: name, rawId: name, path: `${name}.txt`, format: 'txt', text, sha256: '' }, name, segmentText(text));
  boilerplate(doc);
  quality(doc);
  claims(doc);
  return doc;
}

describe('download doorway pages', () => {
  it('keep nothing and make no claims when one product name and download talk fill the page', () => {
    const doc = cleaned(fs.readFileSync(path.join(projectRoot, 'fixtures', 'input', 'download-doorway.txt'), 'utf8'));
    expect(doc.segments.filter((s) => s.status === 'kept')).toEqual([]);
    expect(doc.claims).toEqual([]);
    const doorway = doc.segments.filter((s) => s.reason?.rule === 'download-doorway');
    expect(doorway.length).toBeGreaterThanOrEqual(5);
    expect(doorway.every((s) => s.reason?.stage === 'quality' && s.reason.kind === 'ad')).toBe(true);
  });

  it('leave an article that names its subject in many sentences', () => {
    const text = 'The Norfolk Broads are a network of rivers and lakes in eastern England. Most of the Norfolk Broads were dug out as peat pits in the Middle Ages. '
      + 'When sea levels rose, the pits flooded and became lakes. Boats are the usual way to see the Norfolk Broads. '
      + 'Many rare birds, such as the bittern, breed in the reed beds. The area became a national park in 1989. '
      + 'Visitors should keep to marked paths in spring, when birds are nesting.';
    const doc = cleaned(text);
    expect(doc.segments.some((s) => s.reason?.rule === 'download-doorway')).toBe(false);
    expect(doc.claims.length).toBeGreaterThanOrEqual(5);
  });

  it('leave an install guide that does not repeat one name everywhere', () => {
    const text = 'Printers need a small program, called a driver, before a computer can use them. '
      + 'Most systems find the right driver on their own when the printer is plugged in. '
      + 'If yours does not, download the driver from the maker\'s support site rather than a third-party site. '
      + 'Third-party download sites often bundle adware with the installer. '
      + 'After the install, print a test page to check that the colours are right. '
      + 'Old printers may have no driver for Windows 11 at all.';
    const doc = cleaned(text);
    expect(doc.segments.some((s) => s.reason?.rule === 'download-doorway')).toBe(false);
  });
});
