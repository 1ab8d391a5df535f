import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
});

// No timings are asserted: this only proves the bench runs end to end and keeps its output contract.
it('runs a small ingest bench and ends with one JSON line of figures', { timeout: 60_000 }, async () => {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l !== ''),
    );
    return true;
  });
  // From dist/ (built by `npm test`'s tsc), as `npm run bench` runs it: the load generator is a worker
  // thread, which Node starts from the compiled .js file.
  const { run } = (await import('../../dist/bench/ingest.js' as string)) as { run(args: readonly string[]): Promise<void> };
  await run(['--rows', '3000', '--batch', '1000', '--single', '200', '--big-mb', '1', '--repeat', '1', '--client', 'node']);
  vi.restoreAllMocks();
  const figures = JSON.parse(lines.at(-1)!);
  expect(Object.keys(figures)).toEqual([
    'rows',
    'batch',
    'raw_rows_per_s',
    'http_rows_per_s',
    'ratio',
    'single_event_rows_per_s',
    'single_event_bare_http_per_s',
    'single_event_client',
    'large_append_mb',
    'large_append_rows_per_s',
    'rss_before_mb',
    'rss_peak_first_half_mb',
    'rss_peak_second_half_mb',
  ]);
  expect(figures.rows).toBe(3000);
  expect(figures.single_event_client).toBe('node');
  expect(lines.some((l) => l.includes('ratio mk / raw'))).toBe(true);
  expect(lines.some((l) => l.includes('ratio mk / bare'))).toBe(true);
});
