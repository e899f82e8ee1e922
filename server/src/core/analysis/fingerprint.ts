import type { Catalog } from './catalog';
import type { ItemDef } from './model';
import { normalizeName } from '../text';

/**
 * Item fingerprints (README, "Editions and reviewed links"): a short hash of what a guideline item asks of a
 * standard — its title, text, obligation, level and sectors — so that a standard can record the item as its
 * author reviewed it, and Kijun can tell when the item has changed since. Formatting does not count: white
 * space (line breaks of a folded block, indentation, spaces between Japanese characters), half- and
 * full-width forms (NFKC), key order, the order of `sectors:` and whether a sector is named by id or label.
 * The English title, the threats, the source and the provisional mark are not normative and do not count.
 */

/** The normative content of an item, in the normalised form its fingerprint is computed from. */
export interface NormativeContent {
  title: string;
  text: string;
  obligation: string;
  level: string;
  /** `all`, or the ids of the sectors and sub-sectors the item names, sorted. */
  sectors: 'all' | string[];
}

/** Text as its meaning goes: NFKC, white space folded, and no white space next to a non-ASCII character. */
export function normativeText(value: string | undefined): string {
  if (value === undefined) return '';
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '');
}

export function normativeContent(item: ItemDef, catalog: Catalog): NormativeContent {
  return {
    title: normativeText(item.title?.value),
    text: normativeText(item.text),
    obligation: item.obligation ?? '',
    level: item.level ?? '',
    sectors: item.sectors === 'all' ? 'all' : sectorIds(item.sectors.map((s) => s.value), catalog),
  };
}

/** Sector names as the ids they resolve to (the name itself, normalised, when it resolves to none), once each, sorted. */
function sectorIds(names: string[], catalog: Catalog): string[] {
  const ids = names.map((name) => catalog.findSector(name)?.id.value ?? catalog.findSubsector(undefined, name)?.subsector.id.value ?? normalizeName(name));
  return [...new Set(ids)].sort();
}

/** The fingerprint of normative content: the first 8 hexadecimal digits of a SHA-256 of its canonical form. */
export function contentFingerprint(content: NormativeContent): string {
  const canonical = JSON.stringify(['kijun-item/1', content.title, content.text, content.obligation, content.level, content.sectors]);
  return sha256Hex(canonical).slice(0, FINGERPRINT_LENGTH);
}

export const FINGERPRINT_LENGTH = 8;

/** The parts of normative content in which two versions of an item differ, in the order of `NormativeContent`. */
export type NormativeField = keyof NormativeContent;

export const normativeFields: NormativeField[] = ['title', 'text', 'obligation', 'level', 'sectors'];

export function changedFields(before: NormativeContent, after: NormativeContent): NormativeField[] {
  return normativeFields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

// SHA-256 (FIPS 180-4), written out because the core imports no Node module (ARCHITECTURE.md, invariant 1).
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of a text's UTF-8 bytes, as lower-case hexadecimal. */
export function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // The message, a 1 bit, zeros, and its length in bits as a 64-bit big-endian number: a multiple of 64 bytes.
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
  view.setUint32(padded.length - 4, (bytes.length * 8) >>> 0);
  const hash = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotate = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotate(w[t - 15], 7) ^ rotate(w[t - 15], 18) ^ (w[t - 15] >>> 3);
      const s1 = rotate(w[t - 2], 17) ^ rotate(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = hash;
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t]) >>> 0;
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    const next = [a, b, c, d, e, f, g, h];
    for (let i = 0; i < 8; i++) hash[i] = (hash[i] + next[i]) >>> 0;
  }
  return [...hash].map((word) => word.toString(16).padStart(8, '0')).join('');
}
