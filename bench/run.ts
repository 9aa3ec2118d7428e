// Benchmark dispatcher: `node --import tsx bench/run.ts [name…] [--option value…]` (npm run bench -- name). No name runs
// all. Options after the names are read by the benchmarks themselves (e.g. `queues --dossiers 1000000`).
export {}; // a module, so top-level await is allowed

interface Bench {
  run(): Promise<void> | void;
}

const BENCHES: Record<string, () => Promise<Bench>> = {
  book: () => import('./book.bench'),
  calendar: () => import('./calendar.bench'),
  dashboards: () => import('./dashboards.bench'),
  dossiers: () => import('./dossiers.bench'),
  payments: () => import('./payments.bench'),
  queues: () => import('./queues.bench'),
  sweeps: () => import('./sweeps.bench'),
};

const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const requested = firstOption < 0 ? args : args.slice(0, firstOption);
const unknown = requested.filter((name) => !Object.hasOwn(BENCHES, name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(1);
}
for (const name of requested.length > 0 ? requested : Object.keys(BENCHES)) {
  const bench = await BENCHES[name]!();
  await bench.run();
}
