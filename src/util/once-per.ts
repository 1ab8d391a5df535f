/**
 * `make(key)` run once per key and remembered while the key lives (a WeakMap): one job log, one
 * service recorder per store, however many routes ask for it.
 */
export function oncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as V;
  };
}
