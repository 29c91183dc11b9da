/** Structural mutation for fuzzing: a deep copy of a value with its n-th node (depth-first) replaced. */

/** Number of nodes (objects, arrays and leaves) of a plain value. */
export function countNodes(v: unknown, depth = 0): number {
  if (v === null || typeof v !== 'object' || depth > 40) return 1;
  let n = 1;
  for (const x of Object.values(v)) n += countNodes(x, depth + 1);
  return n;
}

/** A deep copy of `v` with node `n mod count` replaced by `by` (node 0 is the root). */
export function replaceNth(v: unknown, n: number, by: unknown): unknown {
  let k = n % countNodes(v);
  const walk = (x: unknown, depth: number): unknown => {
    if (k-- === 0) return by;
    if (x === null || typeof x !== 'object' || depth > 40) return x;
    if (Array.isArray(x)) return x.map((e) => walk(e, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, val] of Object.entries(x)) out[key] = walk(val, depth + 1);
    return out;
  };
  return walk(v, 0);
}

/** A deep copy of `v` without its n-th node (a key deleted or an array element removed). */
export function deleteNth(v: unknown, n: number): unknown {
  const marker = Symbol('deleted');
  const prune = (x: unknown, depth = 0): unknown => {
    if (x === null || typeof x !== 'object' || depth > 40) return x;
    if (Array.isArray(x)) return x.filter((e) => e !== marker).map((e) => prune(e, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, val] of Object.entries(x)) if (val !== marker) out[key] = prune(val, depth + 1);
    return out;
  };
  return prune(replaceNth(v, n === 0 ? 1 : n, marker));
}
