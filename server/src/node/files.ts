import * as fs from 'fs';
import * as path from 'path';
import { formatOf } from '../core';

/** Every YAML or Markdown file under a folder, skipping dot folders and node_modules. */
export async function* walkDocuments(folder: string): AsyncGenerator<string> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walkDocuments(full);
    else if (entry.isFile() && formatOf(entry.name)) yield full;
  }
}
