/**
 * What the analysis of one version of a document derived from the elements of its long lists (a
 * standard's clauses), handed to the next version of the same document. An edit leaves every clause
 * it did not touch as the same tree node (chunks.ts), so the lists of two versions differ only in a
 * run in the middle: comparing them by identity from both ends finds it in a few microseconds, and
 * only that run is derived again. Everything else is copied over as it was.
 */
export class Lineage {
  private readonly lists = new Map<string, { keys: readonly object[]; values: unknown[]; context: readonly unknown[] }>();
  private readonly aggregates = new Map<string, { keys: readonly object[]; state: unknown; context: readonly unknown[] }>();
  /** The last comparisons of two lists: the rules of one analysis map and aggregate the same two or three lists under several names. */
  private readonly comparisons: { before: readonly object[]; after: readonly object[]; ends: Ends }[] = [];

  /**
   * `compute` of each key, in order: a key found at the same place counted from the start or from the
   * end of the list last given under `name` (with the same `context`: what else the values depend on,
   * compared item by item) keeps the value it had.
   *
   * When the context changed, `carry` may say which of those values still hold: given the previous context,
   * it answers a test of a key and its previous value (or undefined, when nothing can be carried).
   */
  map<K extends object, V>(name: string, keys: readonly K[], context: readonly unknown[], compute: (key: K) => V,
    carry?: (previousContext: readonly unknown[]) => ((key: K, value: V) => boolean) | undefined): V[] {
    const previous = this.lists.get(name);
    const same = previous !== undefined && sameContext(previous.context, context);
    const holds = previous && !same ? carry?.(previous.context) : undefined;
    let values: V[];
    if (!previous || (!same && !holds)) values = keys.map(compute);
    else {
      const { prefix, suffix } = this.commonEnds(previous.keys, keys);
      const old = previous.values as V[];
      const computed: V[] = [];
      for (let i = prefix; i < keys.length - suffix; i++) computed.push(compute(keys[i]));
      if (holds) {
        const kept = (key: K, value: V): V => (holds(key, value) ? value : compute(key));
        values = [];
        for (let i = 0; i < prefix; i++) values.push(kept(keys[i], old[i]));
        for (const value of computed) values.push(value);
        for (let i = old.length - suffix, k = keys.length - suffix; i < old.length; i++, k++) values.push(kept(keys[k], old[i]));
      } else {
        // Block copies: a list of 20,000 clauses is copied in a fraction of what pushing its values one by one costs.
        values = old.slice(0, prefix).concat(computed, old.slice(old.length - suffix));
      }
    }
    this.lists.set(name, { keys, values, context });
    return values;
  }

  /**
   * An aggregate over a list kept up to date by difference: `build` makes it from all the keys (the
   * first time, or when `context` changed), `update` removes the keys that left and adds those that
   * came since the last call under `name`.
   */
  aggregate<K extends object, S>(name: string, keys: readonly K[], context: readonly unknown[], build: (keys: readonly K[]) => S,
    update: (state: S, removed: readonly K[], added: readonly K[]) => void): S {
    const previous = this.aggregates.get(name);
    let state: S;
    if (!previous || !sameContext(previous.context, context)) state = build(keys);
    else {
      state = previous.state as S;
      const { prefix, suffix } = this.commonEnds(previous.keys, keys);
      const removed = previous.keys.slice(prefix, previous.keys.length - suffix) as K[];
      const added = keys.slice(prefix, keys.length - suffix);
      if (removed.length > 0 || added.length > 0) update(state, removed, added);
    }
    this.aggregates.set(name, { keys, state, context });
    return state;
  }

  /** `commonEnds`, answered from the last comparisons when the two lists are the same (lists are never changed once made). */
  private commonEnds(before: readonly object[], after: readonly object[]): Ends {
    const known = this.comparisons.find((c) => c.before === before && c.after === after);
    if (known) return known.ends;
    const ends = commonEnds(before, after);
    this.comparisons.push({ before, after, ends });
    if (this.comparisons.length > 4) this.comparisons.shift();
    return ends;
  }
}

interface Ends {
  prefix: number;
  suffix: number;
}

/** How many keys two lists share at their start, and then at their end (by identity). */
function commonEnds(before: readonly object[], after: readonly object[]): Ends {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

function sameContext(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
