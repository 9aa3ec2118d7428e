// Benchmark dispatcher: `node --import tsx bench/run.ts [name…]` (npm run bench -- name). No name runs all.
export {}; // a module, so top-level await is allowed

interface Bench {
  run(): Promise<void> | void;
}

const BENCHES: Record<string, () => Promise<Bench>> = {
  book: () => import('./book.bench'),
  calendar: () => import('./calendar.bench'),
  dossiers: () => import('./dossiers.bench'),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !Object.hasOwn(BENCHES, name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(1);
}
for (const name of requested.length > 0 ? requested : Object.keys(BENCHES)) {
  const bench = await BENCHES[name]!();
  await bench.run();
}
