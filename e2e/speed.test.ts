// The page with a 1 MB paste (issue 14): how long it takes to show it and to show it again after
// a change, in headless Chromium, with the top entries of a CPU profile of each step. The times
// are reported (the console and e2e-artifacts/speed.json), not asserted: a shared machine varies.
// What the page shows is asserted against the library.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type TargetName } from '../src/index.js';
import { ARTIFACTS, checkPrerequisites, startBrowser, type Browser } from './browser.js';

checkPrerequisites();

/**
 * About 1,000,000 characters of real-looking elements: families, exclusions, explicit suites, a
 * `+` move, an unknown lowercase word; repeated, so most elements after the first round are dead
 * and the string has tens of thousands of findings, then a final `@STRENGTH`.
 */
const UNIT =
  'ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:AES128-SHA:+RSA:DHE+AES256:!MD5:-DES:!RC4:aes256:kRSA:!eNULL:ECDHE-RSA-AES128-GCM-SHA256:';
const BIG = `${UNIT.repeat(Math.floor(1_000_000 / UNIT.length))}@STRENGTH`;

/** The typing pause the page waits for before it evaluates (main.ts, TYPING_DELAY_MS). */
const TYPING_DELAY_MS = 150;

let browser: Browser;
const report: Record<string, unknown> = {
  string: { length: BIG.length, elements: BIG.split(':').length },
  steps: {} as Record<string, unknown>,
};

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  writeFileSync(join(ARTIFACTS, 'speed.json'), `${JSON.stringify(report, null, 2)}\n`);
  await browser?.close();
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions that took the most time themselves (self time), in ms. */
function topEntries(profile: Profile, n = 12): Array<{ ms: number; share: string; fn: string }> {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url ? `${f.url.split('/').at(-1)!.slice(0, 20)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({ ms: Math.round(us / 1000), share: `${((100 * us) / total).toFixed(1)}%`, fn }));
}

/**
 * Runs `action` in the page and waits until the page has evaluated and drawn the result: `main`
 * no longer busy, then one frame (style, layout and paint of what changed). Returns the time
 * from the start of the action in ms, with a CPU profile of it and the library's part (lint()).
 * Then waits until the URL fragment holds `inUrl` (a long one is written after the page shows it).
 */
async function timed(page: Page, cdp: CDPSession, name: string, action: string, arg: string, inUrl: string) {
  await cdp.send('Profiler.start');
  const { ms, lintMs } = await page.evaluate(
    async ({ action, arg }) => {
      const main = document.querySelector('main')!;
      performance.clearMeasures('cipherx:lint');
      const t0 = performance.now();
      (window as unknown as { t0: number }).t0 = t0;
      if (action === 'paste') {
        const field = document.querySelector<HTMLTextAreaElement>('#cipher-string')!;
        field.value = arg;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        const control = document.querySelector<HTMLElement>(action)!;
        if (control instanceof HTMLSelectElement) {
          control.value = arg;
          control.dispatchEvent(new Event('change', { bubbles: true }));
        } else control.click();
      }
      while (main.hasAttribute('aria-busy')) await new Promise((r) => setTimeout(r, 5));
      // After the next frame's style, layout and paint.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ms = performance.now() - t0;
      const lintMs = performance.getEntriesByName('cipherx:lint').reduce((sum, e) => sum + e.duration, 0);
      return { ms, lintMs };
    },
    { action, arg },
  );
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000, interval: 20 }).toContain(inUrl);
  const urlMs = await page.evaluate(() => performance.now() - (window as unknown as { t0: number }).t0);
  const top = topEntries(profile);
  const step = { ms: Math.round(ms), lintMs: Math.round(lintMs), urlWrittenMs: Math.round(urlMs), top };
  (report.steps as Record<string, unknown>)[name] = step;
  console.log(
    `${name}: shown after ${step.ms} ms (lint() ${step.lintMs} ms), in the URL after ${step.urlWrittenMs} ms\n` +
      top.map((t) => `  ${t.ms} ms ${t.share} ${t.fn}`).join('\n'),
  );
  return ms;
}

/** The page shows lint()'s verdict on `target`: the status, the first 200 findings and the count of the rest. */
async function expectShown(page: Page, target: TargetName, seclevel?: number): Promise<void> {
  const r = lint(BIG, { target, maxDiagnostics: Infinity, ...(seclevel === undefined ? {} : { seclevel }) });
  expect(r.result.ok).toBe(true);
  const status = await page.textContent('#status');
  expect(status).toContain(`Accepted by ${target}: ${r.result.ciphers.length} suite`);
  if (seclevel !== undefined) expect(status).toContain(`security level ${seclevel}`);
  expect(await page.$$eval('#findings li.diag', (l) => l.length)).toBe(200);
  expect(await page.textContent('#findings')).toContain(`${r.diagnostics.length - 200} more findings not shown`);
  expect(await page.$$eval('#view-body table.suites tbody tr', (rows) => rows.map((x) => x.dataset.name))).toEqual(
    r.result.ciphers.map((c) => c.name),
  );
  // The text in view (the start: nothing scrolled it) is marked with lint()'s findings.
  const backdrop = await page.$eval('.hl-wrap:has(#cipher-string) .hl-backdrop', (b) => ({
    text: b.textContent!,
    codes: [...b.querySelectorAll('mark')].flatMap((m) => m.dataset.codes!.split(' ')),
  }));
  expect(backdrop.text.length).toBeGreaterThan(10_000);
  expect(BIG.startsWith(backdrop.text)).toBe(true);
  expect(backdrop.codes.length).toBeGreaterThan(100);
  const codes = new Set(r.diagnostics.filter((d) => d.span).map((d) => d.code));
  for (const code of new Set(backdrop.codes)) expect(codes.has(code as never), code).toBe(true);
  expect(await page.$$eval('ol.trace > li', (l) => l.length)).toBe(500);
  expect(await page.textContent('#view-body')).toContain(`${r.result.trace.length - 500} more elements not shown`);
}

describe('a 1 MB paste', () => {
  it('is shown, and shown again after a change of target, security level and view', async () => {
    expect(BIG.length).toBeGreaterThan(999_000);
    const page = await browser.open();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

    const paste = await timed(page, cdp, 'paste', 'paste', BIG, `s=${encodeURIComponent(BIG)}`);
    report.typingDelayMs = TYPING_DELAY_MS;
    await expectShown(page, 'openssl-3.0');
    expect(await page.inputValue('#cipher-string')).toBe(BIG);

    const target = await timed(page, cdp, 'target', '#target', 'openssl-1.1.1', 't=openssl-1.1.1');
    await expectShown(page, 'openssl-1.1.1');

    const seclevel = await timed(page, cdp, 'seclevel', '#seclevel', '3', 'sec=3');
    await expectShown(page, 'openssl-1.1.1', 3);

    await timed(page, cdp, 'view-offer', 'button[data-view="offer"]', '', 'v=offer');
    const view = await timed(page, cdp, 'view-list', 'button[data-view="list"]', '', 's=');
    // The list is the default view: its fragment has no `v=`, and it is written once changes pause.
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 10_000, interval: 20 })
      .not.toContain('v=offer');
    await expectShown(page, 'openssl-1.1.1', 3);

    console.log(
      `1 MB paste: ${Math.round(paste)} ms (of which ${TYPING_DELAY_MS} ms typing pause); re-render: target ` +
        `${Math.round(target)} ms, security level ${Math.round(seclevel)} ms, back to the list ${Math.round(view)} ms`,
    );
    await page.close();
  });
});
