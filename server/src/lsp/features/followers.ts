import { renderText } from '../../core';
import { ServerContext } from '../context';

/**
 * Reads, in the background, the standards that follow a guideline of the workspace and are not parsed
 * yet. A guideline's first analysis would otherwise parse every one of them at once (300 standards of
 * 300 clauses: seconds in which the server answers nothing); the server's workspace is made with
 * `unreadFollowers: 'count'` instead, publishes what it knows, and reads the followers here, a slice of
 * work per turn of the event loop, with work-done progress. When none is left, `whenRead` checks the
 * guideline again, now with the notes on items no standard covers.
 */
export interface FollowersReader {
  /** Starts reading the followers of the guideline `uri` defines, unless that is under way. */
  read(uri: string): void;
  stop(): void;
}

/** How long one slice of reading may hold the event loop (at least one standard is read per slice). */
const SLICE_MS = 15;

export function createFollowersReader(context: ServerContext, whenRead: (uri: string) => void): FollowersReader {
  const running = new Set<string>();
  let stopped = false;

  async function readAll(uri: string): Promise<void> {
    const locale = context.locale();
    const progress = await context.connection.window.createWorkDoneProgress().catch(() => undefined);
    let read = 0;
    try {
      for (let first = true; !stopped; first = false) {
        const workspace = context.workspace();
        const catalog = workspace.catalogFor(uri);
        const unread = catalog ? workspace.unreadFollowers(catalog) : [];
        if (!catalog || unread.length === 0) break;
        const total = read + unread.length;
        if (first) progress?.begin(renderText('server.reading-followers', { id: catalog.id }, locale), 0, renderText('server.reading-followers-count', { count: 0, total }, locale), false);
        const sliceEnd = Date.now() + SLICE_MS;
        for (const follower of unread) {
          workspace.readAhead(follower);
          read++;
          if (Date.now() >= sliceEnd) break;
        }
        progress?.report(Math.round((100 * read) / total), renderText('server.reading-followers-count', { count: read, total }, locale));
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      progress?.done();
      running.delete(uri);
    }
    if (!stopped && read > 0) whenRead(uri);
  }

  return {
    read(uri) {
      if (stopped || running.has(uri)) return;
      running.add(uri);
      readAll(uri).catch((error) => context.log(`reading the standards that follow ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`));
    },
    stop() {
      stopped = true;
    },
  };
}
