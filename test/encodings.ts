import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './helpers';

/** A text as UTF-16 little-endian bytes with a byte order mark, as Windows tools write it. */
export const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** A text as UTF-16 big-endian bytes with a byte order mark. */
export const utf16be = (text: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

/**
 * Real Shift_JIS (code page 932) files of `test/data/`: `shift-jis-standard.yaml`, a Kijun standard, and
 * `shift-jis-settings.yaml`, a Japanese configuration file that is not one.
 */
export const shiftJisFile = (name: 'shift-jis-standard.yaml' | 'shift-jis-settings.yaml'): Buffer => fs.readFileSync(path.join(repoRoot, 'test', 'data', name));
