/**
 * Seed and run count of the property tests: FC_SEED and FC_NUM_RUNS when set (to reproduce a
 * run), else a fresh seed and 2,000 runs. Each test prints what it used.
 */
export const seed: number =
  process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
export const numRuns: number = Number(process.env.FC_NUM_RUNS ?? 2000);
