// The built page in headless Chromium, loaded from file://: what it shows is what the library
// says, its state lives in the URL fragment, and it requests nothing beyond itself.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessList,
  check,
  describeTargets,
  describeTerm,
  diffResults,
  expand,
  explainSuite,
  formatCiphers,
  lint,
  negotiate,
  policyFindings,
  renderSuiteAnswer,
  type TargetName,
} from '../src/index.js';
import { fix, minimize, suggest } from '../src/write/index.js';
import { renderNegotiation } from '../src/format/negotiate-text.js';
import { ARTIFACTS, PAGE_FILE, PAGE_URL, checkPrerequisites, startBrowser, type Browser } from './browser.js';

const CISCO =
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!ECDHE-ECDSA-AES256-CCM';

// Without Chromium, openssl or the built page the file fails here, with the install command.
checkPrerequisites();

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The text the page shows for a library message: backquoted parts become code, without the quotes. */
const shown = (text: string) => text.replaceAll('`', '').trim();

/** Types into a field and waits until the page has evaluated it (it waits for a pause in typing). */
async function fillIn(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await settled(page);
}

/** Waits until no typed change is waiting to be evaluated. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main:not([aria-busy])', { state: 'attached' });
}

async function setString(page: Page, s: string, target?: TargetName): Promise<void> {
  if (target) await page.selectOption('#target', target);
  await fillIn(page, '#cipher-string', s);
}

async function tableRows(page: Page) {
  return page.$$eval('#view-body table.suites tbody tr', (rows) =>
    rows.map((r) => ({
      name: r.getAttribute('data-name'),
      id: r.querySelector('td.id')!.textContent,
      stdname: r.querySelector('td.std')!.textContent,
    })),
  );
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The page is no wider than the window: only the table and text blocks scroll sideways. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client);
}

describe('the expanded list', () => {
  const cases: Array<[string, TargetName]> = [
    ['HIGH:!aNULL:!MD5', 'openssl-3.0'],
    [CISCO, 'openssl-1.1.1'],
    ['ALL:@STRENGTH', 'openssl-1.0.2'],
    ['ECDHE+AESGCM:CHACHA20:@SECLEVEL=3', 'openssl-3.5'],
    ['TLS_AES_128_CCM_8_SHA256:AESCCM8', 'openssl-3.6'],
    ['[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]:kRSA', 'boringssl'],
    // Every library added later works on the page as well.
    ['all:!anull', 'openssl-4.0'],
    ['TLSv1.3:HIGH:!aNULL', 'libressl-4.3'],
    ['AEAD:RC4', 'libressl-3.3'],
    ['[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-RSA-AES128-GCM-SHA256]:kRSA', 'boringssl-2026'],
    ['HIGH:kRSA', 'aws-lc'],
  ];

  it.each(cases)('shows what expand() gives for %s on %s', async (s, target) => {
    const page = await browser.open();
    await setString(page, s, target);
    const r = expand(s, { target });
    expect(r.ok).toBe(true);
    expect(await tableRows(page)).toEqual(
      r.ciphers.map((c) => ({ name: c.name, id: c.id, stdname: c.stdname ?? '—' })),
    );
    expect(await page.textContent('#v-text')).toBe(formatCiphers(r.ciphers, 'v', target));
    expect(await page.textContent('#status')).toContain(`Accepted by ${target}: ${r.ciphers.length} suite`);
    await page.close();
  });

  it("prints the `openssl ciphers -v` text of this machine's OpenSSL 3.0", async () => {
    const version = execFileSync('openssl', ['version'], { encoding: 'utf8' });
    expect(version, 'the live reference must be an OpenSSL 3.0.x').toMatch(/^OpenSSL 3\.0\./);
    const page = await browser.open();
    await setString(page, CISCO, 'openssl-3.0');
    const real = execFileSync('openssl', ['ciphers', '-v', CISCO], {
      encoding: 'utf8',
      env: { ...process.env, OPENSSL_CONF: '/dev/null' },
    });
    expect(await page.textContent('#v-text')).toBe(real);
    await page.close();
  });

  it('says why a string is rejected', async () => {
    const page = await browser.open();
    await setString(page, 'HIGH#:!aNULL', 'openssl-3.0');
    const r = expand('HIGH#:!aNULL');
    expect(r.ok).toBe(false);
    expect(await page.textContent('#status')).toContain(`Rejected by openssl-3.0: ${r.error!.code}`);
    expect(await page.$$('#view-body table.suites tbody tr')).toHaveLength(0);
    const marks = await page.locator('.hl-wrap:has(#cipher-string) .hl-backdrop mark.hl-error').allTextContents();
    expect(marks).toEqual(['#']);
    await page.close();
  });
});

describe('findings in the input', () => {
  it('marks a dead term and an unknown word where they are, and lists every finding of lint()', async () => {
    const s = 'HIGH:!aNULL:-aNULL:aes128';
    const page = await browser.open();
    await setString(page, s, 'openssl-3.0');
    const backdrop = page.locator('#cipher-string').locator('xpath=preceding-sibling::div[@class="hl-backdrop"]');
    expect(await backdrop.locator('mark[data-codes~="dead-term"]').allTextContents()).toEqual(['-aNULL']);
    expect(await backdrop.locator('mark[data-codes~="unknown-word"]').allTextContents()).toEqual(['aes128']);
    expect(await backdrop.locator('mark[data-codes~="unknown-word"]').getAttribute('class')).toBe('hl-warning');
    const codes = await page.$$eval('#findings li.diag', (li) => li.map((e) => e.getAttribute('data-code')));
    expect(codes).toEqual(lint(s).diagnostics.map((d) => d.code));
    // "Show in the string" puts the selection on the span.
    await page.locator('#findings li[data-code="dead-term"] button').click();
    const selection = await page.evaluate(() => {
      const t = document.activeElement as HTMLTextAreaElement;
      return [t.id, t.value.slice(t.selectionStart, t.selectionEnd)];
    });
    expect(selection).toEqual(['cipher-string', '-aNULL']);
    await screenshot(page, 'findings-desktop');
    await page.close();
  });

  it('explains every element as cipherx explain does', async () => {
    const page = await browser.open();
    await setString(page, CISCO, 'openssl-3.0');
    const lines = await page.$$eval('ol.trace > li', (li) => li.map((e) => e.textContent));
    const { explanation } = explainSuite(CISCO, 'AES128-SHA');
    const trace = explanation.result.trace;
    expect(lines).toEqual(trace.map((e) => `${e.text} ${shown(describeTerm(e, trace))}`));
    expect(lines[15]).toBe('-aNULL nothing: every suite it matches was removed for good before by #9 !aNULL');
    await page.close();
  });

  it('explains the members of a BoringSSL group one by one', async () => {
    const s = '[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]:kRSA:!AES128-SHA';
    const page = await browser.open();
    await setString(page, s, 'boringssl');
    const trace = lint(s, { target: 'boringssl' }).result.trace;
    expect(trace.some((e) => e.items?.length)).toBe(true);
    const lines = await page.$$eval('ol.trace > li', (li) =>
      li.map((e) => ({
        own: [...e.childNodes]
          .filter((n) => n.nodeName !== 'UL')
          .map((n) => n.textContent)
          .join(''),
        items: [...e.querySelectorAll(':scope > ul > li')].map((i) => i.textContent),
      })),
    );
    expect(lines).toEqual(
      trace.map((e) => ({
        own: `${e.text} ${shown(describeTerm(e, trace))}`,
        items: (e.items ?? []).map((i) => `${i.text} ${shown(describeTerm(i, trace))}`),
      })),
    );
    await page.close();
  });
});

describe('fix hints', () => {
  /** Whether `target` knows every word of a cipher-string element (as a suite, alias or command). */
  const knows = (target: TargetName, element: string) =>
    (expand(element.replace(/^[!+-]/, ''), { target, trace: true }).trace ?? []).every((e) =>
      e.words.every((w) => w.kind !== 'unknown' && w.kind !== 'unavailable-alias'),
    );

  /** Whether `target` has a TLS 1.3 list with the suite `name` in it. */
  const hasTls13 = (target: TargetName, name: string) => {
    try {
      return expand('ALL', { target, ciphersuites: name }).ciphers.some((c) => c.stdname === name);
    } catch {
      return false; // no TLS 1.3 list to configure
    }
  };

  async function fixes(page: Page) {
    return page.$$eval('#findings li.diag', (li) =>
      li.map((e) => ({
        code: e.getAttribute('data-code')!,
        fix: e.querySelector('.fix')?.textContent ?? null,
        snippets: [...e.querySelectorAll('.fix code')].map((c) => c.textContent!),
      })),
    );
  }

  const cases: Array<[TargetName, string]> = [
    ['boringssl', 'HIGH:!aNULL:!MD5'],
    ['openssl-1.1.1', 'ALL:COMPLEMENTOFALL'],
    ['openssl-1.0.2', 'ALL:COMPLEMENTOFALL'],
    ['openssl-3.0', 'ALL:COMPLEMENTOFALL'],
  ];
  it.each(cases)('on %s names only words and suites the target has (%s)', async (target, s) => {
    const page = await browser.open(`#t=${target}&s=${encodeURIComponent(s)}`);
    const shownFixes = await fixes(page);
    const r = lint(s, { target });
    expect(shownFixes.map((f) => f.code)).toEqual(r.diagnostics.map((d) => d.code));
    for (const [i, f] of shownFixes.entries()) {
      const d = r.diagnostics[i]!;
      if (f.fix === null) continue;
      for (const snippet of f.snippets) {
        for (const element of snippet.split(':').filter(Boolean)) {
          expect(knows(target, element), `${d.code}: ${element} in "${f.fix}"`).toBe(true);
        }
      }
      for (const name of f.fix.match(/\bTLS_[A-Z0-9_]+/g) ?? []) {
        expect(hasTls13(target, name), `${d.code}: ${name} in "${f.fix}"`).toBe(true);
      }
      // A hint whose every word the target knows is shown as the library writes it.
      const all = [...d.fix!.description.matchAll(/`:([^`]*)`/g)].flatMap((m) => m[1]!.split(':'));
      if (all.every((e) => knows(target, e)) && !/TLS_/.test(d.fix!.description)) {
        expect(f.fix, d.code).toBe(` Fix: ${shown(d.fix!.description)}`);
      }
    }
    if (target === 'boringssl') {
      // The library writes the fix for BoringSSL (no `kRSAPSK` there), and the page shows it as written.
      const nfs = r.diagnostics.find((d) => d.code === 'no-forward-secrecy')!;
      expect(nfs.fix!.description).toBe('Append `:!kRSA:!kPSK` or list only ECDHE suites.');
      expect(shownFixes.find((f) => f.code === 'no-forward-secrecy')!.fix).toBe(
        ' Fix: Append :!kRSA:!kPSK or list only ECDHE suites.',
      );
    }
    await page.close();
  });
});

describe('why a suite is there', () => {
  it('explains a suite on click, and one that is not there on request', async () => {
    const page = await browser.open();
    await setString(page, CISCO, 'openssl-3.0');
    await page.locator('button[data-suite="RSA-PSK-AES128-GCM-SHA256"]').click();
    const a = explainSuite(CISCO, 'RSA-PSK-AES128-GCM-SHA256');
    expect(await page.textContent('#explain .answer')).toBe(shown(renderSuiteAnswer(a.answer, a.explanation)));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('explain-title');
    expect(page.url()).toContain('suite=RSA-PSK-AES128-GCM-SHA256');
    await screenshot(page, 'explain-desktop');

    await fillIn(page, '#why-suite', 'DHE-RSA-AES256-GCM-SHA384');
    await page.press('#why-suite', 'Enter');
    const b = explainSuite(CISCO, 'DHE-RSA-AES256-GCM-SHA384');
    expect(await page.textContent('#explain .answer')).toBe(shown(renderSuiteAnswer(b.answer, b.explanation)));
    expect(await page.textContent('#explain .answer')).toContain('removed it from the list for good');
    // Close takes the focus back to what opened the explanation.
    await page.click('#explain button');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('why-suite');
    await page.locator('button[data-suite="AES128-SHA"]').click();
    await page.click('#explain button');
    expect(await page.isVisible('#explain')).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.suite)).toBe('AES128-SHA');
    await page.close();
  });
});

describe('compare', () => {
  async function sides(page: Page) {
    return page.$$eval('.side', (s) =>
      s.map((side) =>
        [...side.querySelectorAll('li')].map((li) => [li.getAttribute('data-name'), li.getAttribute('data-change')]),
      ),
    );
  }

  it('marks the suites that move from one target to another (upgrade impact)', async () => {
    const page = await browser.open('#v=compare');
    await setString(page, CISCO, 'openssl-1.1.1');
    await page.selectOption('#target2', 'openssl-3.5');
    const d = diffResults(expand(CISCO, { target: 'openssl-1.1.1' }), expand(CISCO, { target: 'openssl-3.5' }));
    expect(d.moved.length).toBeGreaterThan(0);
    const [before, after] = await sides(page);
    const moved = new Set(d.moved.map((m) => m.name));
    expect(after!.filter(([, c]) => c === 'moved').map(([n]) => n)).toEqual(d.moved.map((m) => m.name));
    expect(before!.filter(([, c]) => c === 'moved').every(([n]) => moved.has(n!))).toBe(true);
    expect(await page.textContent('.diff-summary')).toContain('security level: 1 → 2');
    await screenshot(page, 'compare-desktop');
    await page.close();
  });

  it('shows the security level control only when a target in view has levels', async () => {
    const levels = new Map(describeTargets().map((t) => [t.name, t.capabilities.securityLevels]));
    expect(levels.get('boringssl')).toBe(false);
    expect(levels.get('openssl-1.0.2')).toBe(false);
    expect(levels.get('openssl-3.5')).toBe(true);
    /** The targets whose results the compare view shows: one for two strings, two for two targets. */
    const inView = async (page: Page) =>
      (await page.isChecked('#cmp-strings'))
        ? [await page.inputValue('#target')]
        : [await page.inputValue('#target'), await page.inputValue('#target2')];
    const check = async (page: Page, why: string) => {
      const targets = (await inView(page)) as TargetName[];
      const expected = targets.some((t) => levels.get(t));
      expect(await page.isVisible('#seclevel'), `${why}: ${targets.join(' and ')}`).toBe(expected);
      // And no level is in effect: each side says so.
      if (!expected) {
        for (const settings of await page.$$eval('.side-settings', (e) => e.map((x) => x.textContent))) {
          expect(settings, why).toContain('no security levels');
        }
      }
      return expected;
    };
    for (const [fragment, shown] of [
      ['#v=compare&cmp=strings&t=boringssl&sec=2', false],
      ['#v=compare&cmp=strings&t=openssl-1.0.2&sec=2', false],
      ['#v=compare&t=boringssl&t2=openssl-1.0.2&sec=2', false],
      ['#v=compare&cmp=strings&t=openssl-3.5', true],
      ['#v=compare&t=boringssl&t2=openssl-3.5', true],
    ] as const) {
      const page = await browser.open(fragment);
      expect(await check(page, fragment)).toBe(shown);
      await page.close();
    }
    // Changing what is compared: two targets (the second has levels), then two strings.
    const page = await browser.open('#v=compare&t=boringssl&t2=openssl-3.5');
    expect(await check(page, 'two targets')).toBe(true);
    await page.click('#cmp-strings');
    expect(await check(page, 'two strings')).toBe(false);
    await page.selectOption('#target', 'openssl-1.0.2');
    expect(await check(page, 'two strings')).toBe(false);
    await page.selectOption('#target', 'openssl-3.5');
    expect(await check(page, 'two strings')).toBe(true);
    await page.close();
  });

  it('shows and applies the security level when only the second target has levels', async () => {
    const page = await browser.open('#v=compare&t=openssl-1.0.2&sec=0&t2=openssl-3.5');
    expect(await page.isVisible('#seclevel')).toBe(true);
    expect(await page.inputValue('#seclevel')).toBe('0');
    const s = 'HIGH:!aNULL:!MD5';
    const after = expand(s, { target: 'openssl-3.5', seclevel: 0 });
    const d = diffResults(expand(s, { target: 'openssl-1.0.2' }), after);
    expect(await page.textContent('.diff-summary')).toContain(
      `security level: ${d.before.seclevel ?? 'none'} → ${d.after.seclevel}`,
    );
    expect(await page.textContent('#side-after + .side-settings')).toContain('security level 0 set before the string');
    expect(await page.textContent('#side-before + .side-settings')).toContain('no security levels');
    const [, names] = await sides(page);
    expect(names!.map(([n]) => n)).toEqual(after.ciphers.map((c) => c.name));
    // Back to one target without levels: the level goes, and the control with it.
    await page.click('button[data-view="list"]');
    expect(await page.isVisible('#seclevel')).toBe(false);
    expect(page.url()).not.toContain('sec=');
    await page.close();
  });

  it('marks added and removed suites between two strings', async () => {
    const page = await browser.open('#v=compare');
    await page.check('#cmp-strings');
    await setString(page, 'ECDHE+AESGCM:AES128-SHA', 'openssl-3.0');
    await fillIn(page, '#s2', 'ECDHE+AESGCM:ECDHE+CHACHA20');
    const d = diffResults(expand('ECDHE+AESGCM:AES128-SHA'), expand('ECDHE+AESGCM:ECDHE+CHACHA20'));
    expect(d.added.length).toBeGreaterThan(0);
    expect(d.removed.length).toBeGreaterThan(0);
    const [before, after] = await sides(page);
    expect(before!.filter(([, c]) => c === 'removed').map(([n]) => n)).toEqual(d.removed.map((m) => m.name));
    expect(after!.filter(([, c]) => c === 'added').map(([n]) => n)).toEqual(d.added.map((m) => m.name));
    expect(await page.textContent('.diff-summary')).toContain(`+ ${d.added.length} added`);
    await page.close();
  });
});

describe('the effective offer and negotiation', () => {
  it('shows what expand(..., { supported }) offers and why the rest is not', async () => {
    const s = 'ECDHE-RSA-AES128-GCM-SHA256:AES128-CCM8:PSK-AES128-GCM-SHA256:AES128-SHA:@SECLEVEL=3';
    const page = await browser.open('#v=offer');
    await setString(page, s, 'openssl-3.5');
    await page.selectOption('#max', 'TLSv1.2');
    const r = expand(s, { target: 'openssl-3.5', supported: { maxProtocol: 'TLSv1.2', psk: false, srp: false } });
    const v = r.supported!;
    expect((await tableRows(page)).map((x) => x.name)).toEqual(v.ciphers.map((c) => c.name));
    const dropped = await page.$$eval('table.dropped tbody tr', (rows) =>
      rows.map((x) => ({ suite: x.getAttribute('data-name'), reason: x.getAttribute('data-reason') })),
    );
    expect(dropped).toEqual(v.dropped);
    expect(await page.textContent('#offer-summary')).toContain(`protocols: ${v.protocols.join(', ')}`);
    await page.check('#psk');
    const withPsk = expand(s, { target: 'openssl-3.5', supported: { maxProtocol: 'TLSv1.2', psk: true } });
    expect((await tableRows(page)).map((x) => x.name)).toEqual(withPsk.supported!.ciphers.map((c) => c.name));
    await screenshot(page, 'offer-desktop');
    await page.close();
  });

  it('shows what negotiate() says, as client and as server', async () => {
    const page = await browser.open('#v=negotiate');
    await setString(page, CISCO, 'openssl-3.0');
    await page.selectOption('#peer', 'exchange-2013-smtp-pre-cu8');
    const n = negotiate({ local: CISCO, target: 'openssl-3.0', peer: 'exchange-2013-smtp-pre-cu8' });
    expect(n.ok).toBe(false);
    expect(await page.textContent('#negotiate-result')).toBe(`The handshake FAILS: ${n.failure!.message}`);
    expect(await page.textContent('dd[data-fact="protocol"]')).toBe(n.protocol);
    const hazards = await page.$$eval('li[data-hazard]', (li) => li.map((e) => e.getAttribute('data-hazard')));
    expect(hazards).toEqual(n.hazards.map((h) => h.id));
    await screenshot(page, 'negotiate-desktop');

    await page.check('#role-server');
    await page.selectOption('#peer', 'android-4.4');
    await page.selectOption('#cert', 'ECDSA');
    const m = negotiate({
      local: CISCO,
      target: 'openssl-3.0',
      role: 'server',
      peer: 'android-4.4',
      certificate: 'ECDSA',
      serverPreference: false,
    });
    expect(await page.textContent('#negotiate-result')).toBe(
      m.ok ? 'The handshake completes' : `The handshake FAILS: ${m.failure!.message}`,
    );
    expect(await page.textContent('dd[data-fact="suite"]')).toContain(m.suite?.name ?? '—');
    expect(await page.$$eval('li[data-hazard]', (li) => li.map((e) => e.getAttribute('data-hazard')))).toEqual(
      m.hazards.map((h) => h.id),
    );
    // Protocols newest first, as `cipherx negotiate` prints them.
    const cli = renderNegotiation(m)
      .split('\n')
      .find((l) => l.trimStart().startsWith('protocols'))!;
    expect(await page.textContent('dd[data-fact="protocols"]')).toBe(cli.replace(/^\s*protocols\s+/, ''));
    await page.close();
  });
});

describe('policy and rewrite', () => {
  it('checks the string against the chosen policy and writes strings as the library does; a click uses one', async () => {
    const s = 'ECDHE+AESGCM:DHE+AESGCM:!RC4';
    const page = await browser.open('#v=policy');
    await setString(page, s, 'openssl-1.1.1');
    const r = check(s, { policy: 'mozilla-intermediate', targets: ['openssl-1.1.1'] });
    expect(r.pass).toBe(false);
    expect(await page.textContent('#policy-verdict')).toContain('Fails the policy');
    const listed = await page.$$eval('.policy-findings li', (li) => li.map((x) => x.textContent));
    expect(listed).toEqual(policyFindings(r.targets[0]!, 'mozilla-intermediate').map((d) => shown(d.message)));
    expect(listed[0]).toBe(
      `DHE+AESGCM brings in 4 suites mozilla-intermediate does not allow: ${r.targets[0]!.forbidden.map((f) => f.suite).join(', ')}`,
    );
    const shownString = (id: string) => page.textContent(`#${id} .written-string`);
    expect(await shownString('fixed')).toBe(fix(s, { targets: ['openssl-1.1.1'] }).string);
    expect(await shownString('minimized')).toBe(minimize(s, { targets: ['openssl-1.1.1'] }).string);
    const suggested = suggest({ policy: 'mozilla-intermediate' }, { targets: ['openssl-1.1.1'] });
    expect(await shownString('suggested')).toBe(suggested.string);
    await page.click('#suggested button.use');
    await settled(page);
    expect(await page.inputValue('#cipher-string')).toBe(suggested.string);
    expect(await page.textContent('#policy-verdict')).toContain('Meets the policy');
    await page.selectOption('#policy', 'mozilla-modern');
    expect(page.url()).toContain('pol=mozilla-modern');
    expect(await page.textContent('#policy-verdict')).toContain('Fails the policy');
    await screenshot(page, 'policy-desktop');
    await page.close();
  });
});

describe('the URL fragment', () => {
  it('reproduces what a link shows', async () => {
    const page = await browser.open();
    await setString(page, CISCO, 'openssl-3.0');
    await page.selectOption('#seclevel', '2');
    await page.uncheck('#cs-default');
    await fillIn(page, '#ciphersuites', 'TLS_AES_256_GCM_SHA384:TLS_FOO');
    await page.locator('button[data-suite="AES128-SHA"]').click();
    const url = page.url();
    expect(url.startsWith(PAGE_URL + '#')).toBe(true);
    const rows = await tableRows(page);
    const answer = await page.textContent('#explain .answer');
    const marks = await page.$$eval('.hl-backdrop mark', (m) =>
      m.map((e) => [e.textContent, e.getAttribute('data-codes')]),
    );
    await page.close();

    const again = await browser.open(url.slice(PAGE_URL.length));
    expect(await again.inputValue('#cipher-string')).toBe(CISCO);
    expect(await again.inputValue('#target')).toBe('openssl-3.0');
    expect(await again.inputValue('#seclevel')).toBe('2');
    expect(await again.inputValue('#ciphersuites')).toBe('TLS_AES_256_GCM_SHA384:TLS_FOO');
    expect(await tableRows(again)).toEqual(rows);
    expect(await again.textContent('#explain .answer')).toBe(answer);
    expect(
      await again.$$eval('.hl-backdrop mark', (m) => m.map((e) => [e.textContent, e.getAttribute('data-codes')])),
    ).toEqual(marks);
    const r = expand(CISCO, { target: 'openssl-3.0', seclevel: 2, ciphersuites: 'TLS_AES_256_GCM_SHA384:TLS_FOO' });
    expect(rows.map((x) => x.name)).toEqual(r.ciphers.map((c) => c.name));
    expect(marks.some(([text, codes]) => text === 'TLS_FOO' && codes === 'unknown-ciphersuite')).toBe(true);
    await again.close();
  });

  it('reads a written fragment, and follows a change of it', async () => {
    const page = await browser.open('#v=negotiate&s=DEFAULT&t=openssl-3.5&role=server&peer=java-8&cert=ECDSA');
    expect(await page.inputValue('#cipher-string')).toBe('DEFAULT');
    expect(await page.isChecked('#role-server')).toBe(true);
    expect(await page.inputValue('#peer')).toBe('java-8');
    const n = negotiate({
      local: 'DEFAULT',
      target: 'openssl-3.5',
      role: 'server',
      peer: 'java-8',
      certificate: 'ECDSA',
    });
    expect(await page.textContent('dd[data-fact="suite"]')).toContain(n.suite!.name);
    await page.evaluate(() => (location.hash = '#v=list&s=kRSA'));
    await page.waitForFunction(
      () => (document.getElementById('cipher-string') as HTMLTextAreaElement).value === 'kRSA',
    );
    expect((await tableRows(page)).map((x) => x.name)).toEqual(expand('kRSA').ciphers.map((c) => c.name));
    await page.close();
  });
});

describe('written fragments, read strictly', () => {
  it('keeps `+` a plus, takes `~` literally, ignores malformed values and broken escapes', async () => {
    const page = await browser.open('#s=ECDH+aRSA&sec=&strict=true&t2=%E0%A4');
    expect(await page.inputValue('#cipher-string')).toBe('ECDH+aRSA');
    expect((await tableRows(page)).map((x) => x.name)).toEqual(expand('ECDH+aRSA').ciphers.map((c) => c.name));
    expect(await page.inputValue('#seclevel')).toBe('');
    for (const [fragment, level] of [
      ['#sec=0x2', ''],
      ['#sec=2.0', ''],
      ['#sec=%202', ''],
      ['#sec=3', '3'],
    ]) {
      await page.evaluate((f) => (location.hash = f), fragment!);
      await page.waitForFunction((f) => location.hash === f, fragment!);
      expect(await page.inputValue('#seclevel'), fragment).toBe(level);
    }
    await page.evaluate(() => (location.hash = '#t=boringssl&strict=yes'));
    await page.waitForFunction(() => (document.getElementById('target') as HTMLSelectElement).value === 'boringssl');
    expect(await page.isChecked('#strict')).toBe(false);
    await page.evaluate(() => (location.hash = '#t=boringssl&strict=1'));
    await page.waitForFunction(() => (document.getElementById('strict') as HTMLInputElement).checked);
    // A TLS 1.3 list of `~` is that literal list, not the default.
    await page.evaluate(() => (location.hash = '#cs=~'));
    await page.waitForFunction(() => (document.getElementById('ciphersuites') as HTMLTextAreaElement).value === '~');
    expect(await page.isChecked('#cs-default')).toBe(false);
    await page.evaluate(() => (location.hash = '#s=~'));
    await page.waitForFunction(() => (document.getElementById('cipher-string') as HTMLTextAreaElement).value === '~');
    await page.reload();
    expect(await page.inputValue('#cipher-string')).toBe('~');
    await page.close();
  });

  it('drops settings the target does not have, and shows the ones negotiation uses', async () => {
    // boringssl has no SSLv3 and no security levels: the fragment's values are dropped, not thrown.
    const page = await browser.open('#v=negotiate&t=boringssl&min=SSLv3&sec=2&peer=java-17');
    expect(await page.inputValue('#min')).toBe('');
    const n = negotiate({ local: 'HIGH:!aNULL:!MD5', target: 'boringssl', peer: 'java-17' });
    expect(await page.textContent('dd[data-fact="suite"]')).toContain(n.suite!.name);
    // The protocol range that shapes the negotiation is on screen in that view.
    await page.evaluate(() => (location.hash = '#v=negotiate&t=openssl-3.5&s=DEFAULT&max=TLSv1.1&peer=java-17'));
    await page.waitForFunction(() => (document.getElementById('max') as HTMLSelectElement).value === 'TLSv1.1');
    expect(await page.isVisible('#max')).toBe(true);
    const capped = negotiate({
      local: 'DEFAULT',
      target: 'openssl-3.5',
      peer: 'java-17',
      supported: { maxProtocol: 'TLSv1.1', psk: false, srp: false },
    });
    expect(capped.ok).toBe(false);
    expect(await page.textContent('#negotiate-result')).toBe(`The handshake FAILS: ${capped.failure!.message}`);
    await page.close();
  });

  it('offers only the protocols and settings each target has', async () => {
    const page = await browser.open('#v=offer');
    const choices = () =>
      page.$$eval('#min option:not([hidden])', (o) => o.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    for (const t of ['boringssl', 'openssl-1.0.2', 'openssl-3.5'] as const) {
      await page.selectOption('#target', t);
      const protocols = expand('ALL', {
        target: t,
        ...(t === 'openssl-3.5' ? { seclevel: 0 } : {}),
        supported: true,
      }).supported!.protocols;
      expect(await choices(), t).toEqual(protocols);
      expect(await page.isVisible('#seclevel'), t).toBe(t === 'openssl-3.5');
      expect(await page.isVisible('#cs-default'), t).toBe(t === 'openssl-3.5');
    }
    await page.close();
  });

  it('unticking the default TLS 1.3 list starts from the release’s default list', async () => {
    const page = await browser.open('#t=openssl-3.5');
    await page.uncheck('#cs-default');
    const defaults = expand('ALL', { target: 'openssl-3.5' })
      .ciphers.filter((c) => c.protocol === 'TLSv1.3')
      .map((c) => c.stdname)
      .join(':');
    expect(defaults).not.toBe('');
    expect(await page.inputValue('#ciphersuites')).toBe(defaults);
    expect((await tableRows(page)).map((x) => x.name)).toEqual(
      expand('HIGH:!aNULL:!MD5', { target: 'openssl-3.5' }).ciphers.map((c) => c.name),
    );
    await page.close();
  });

  it('lists the first 200 findings of a long string and says how many more there are', async () => {
    const page = await browser.open();
    // 300 elements that do nothing: one finding each.
    const s = `HIGH:${Array.from({ length: 300 }, () => '-aNULL').join(':')}`;
    await fillIn(page, '#cipher-string', s);
    const total = lint(s, { maxDiagnostics: Infinity }).diagnostics.length;
    expect(await page.$$eval('#findings li.diag', (l) => l.length)).toBe(200);
    expect(await page.textContent('#findings')).toContain(`${total - 200} more findings not shown`);
    await page.close();
  });
});

describe('status, headings and layout', () => {
  it('keeps one status line, updated in place, and one heading per view', async () => {
    const page = await browser.open('#s=kRSA');
    await page.evaluate(() => ((document.getElementById('status') as HTMLElement).dataset.first = 'yes'));
    for (const v of ['compare', 'offer', 'negotiate', 'policy', 'list']) {
      await page.click(`button[data-view="${v}"]`);
      await fillIn(page, '#cipher-string', `kRSA:${v}`);
      expect(await page.$$eval('[role="status"]', (e) => e.map((x) => x.id)), v).toEqual(['status']);
      expect(await page.getAttribute('#status', 'data-first'), v).toBe('yes');
    }
    expect(await page.textContent('#status')).toContain(
      `Accepted by openssl-3.0: ${lint('kRSA:list').result.ciphers.length}`,
    );
    expect(await page.isVisible('#view-title')).toBe(true);
    expect(await page.textContent('#view-title')).toBe('Expanded list');
    expect(await page.$$eval('#view-body h3', (e) => e.map((x) => x.textContent))).not.toContain('Expanded list');
    await page.close();
  });

  it('says TLS 1.3 suites come first only where the list has them, and rates the configured list', async () => {
    const page = await browser.open();
    for (const t of ['openssl-3.0', 'openssl-1.0.2', 'boringssl'] as const) {
      await page.selectOption('#target', t);
      const r = lint('HIGH:!aNULL:!MD5', { target: t });
      const first = r.result.ciphers.some((c) => c.protocol === 'TLSv1.3');
      const hint = await page.textContent('#view-body > p.hint');
      expect(hint!.startsWith('TLS 1.3 suites first'), t).toBe(first);
      if (r.security?.summary.rating) {
        expect(await page.textContent('#status'), t).toContain(
          `worst suite offered (configured list): ${r.security.summary.rating}, first preference: ${r.security.summary.first}`,
        );
      }
    }
    await page.close();
  });

  it('rates the configured list and the effective offer each under its name, in the CLI’s words', async () => {
    // Level 1 keeps the anonymous and NULL suites of the list out of the offer.
    const s = 'ALL:COMPLEMENTOFALL';
    const page = await browser.open(`#v=offer&t=openssl-3.0&s=${encodeURIComponent(s)}`);
    const listed = lint(s, { target: 'openssl-3.0' }).security!.summary;
    const offered = assessList(expand(s, { target: 'openssl-3.0', supported: true }).supported!.ciphers).summary;
    expect(offered.rating).not.toBe(listed.rating);
    expect(await page.textContent('#status')).toContain(
      `worst suite offered (configured list): ${listed.rating}, first preference: ${listed.first}`,
    );
    expect(await page.textContent('#offer-summary')).toContain(
      `worst suite offered (effective offer): ${offered.rating}, first preference: ${offered.first}`,
    );
    expect(await page.textContent('body')).not.toContain('worst listed');
    await page.close();
  });

  it('keeps the views within reach above a long list of findings', async () => {
    const s = `HIGH:${Array.from({ length: 300 }, () => '-aNULL').join(':')}`;
    for (const width of [1280, 375]) {
      const page = await browser.open(`#s=${encodeURIComponent(s)}`, width);
      expect(await page.$$eval('#findings li.diag', (l) => l.length)).toBe(200);
      const visible = await page.$$eval('#findings li.diag', (l) => l.filter((e) => e.checkVisibility()).length);
      expect(visible).toBeLessThanOrEqual(3);
      const top = (await page.locator('nav.tabs').boundingBox())!.y;
      const height = page.viewportSize()!.height;
      // Within about one screen of scrolling on a phone, in the first screen on a desktop.
      expect(top, `tabs at ${width} px`).toBeLessThan(width < 600 ? height * 1.6 : height);
      await page.click('#findings details > summary');
      expect(await page.$$eval('#findings li.diag', (l) => l.filter((e) => e.checkVisibility()).length)).toBe(200);
      await page.close();
    }
  });

  it('stays responsive with a 450 KB string: capped findings, elements and marks, the last keystroke counts', async () => {
    // 65,000 elements that each do nothing: one finding and one mark each, more marks than a
    // function call takes arguments; the page draws those around the text in view.
    const s = `HIGH:${Array.from({ length: 65_000 }, () => '-aNULL').join(':')}`;
    expect(s.length).toBeGreaterThan(450_000);
    const page = await browser.open();
    await fillIn(page, '#cipher-string', s);
    await page.focus('#cipher-string');
    await page.keyboard.press('End');
    await page.keyboard.type(':kRSA');
    await settled(page);
    const final = `${s}:kRSA`;
    const r = lint(final, { maxDiagnostics: Infinity });
    expect(await page.textContent('#status')).toContain(`Accepted by openssl-3.0: ${r.result.ciphers.length} suite`);
    expect(await page.$$eval('#findings li.diag', (l) => l.length)).toBe(200);
    expect(await page.textContent('#findings')).toContain(`${r.diagnostics.length - 200} more findings not shown`);
    expect(await page.$$eval('ol.trace > li', (l) => l.length)).toBe(500);
    expect(await page.textContent('#view-body')).toContain(`${r.result.trace.length - 500} more elements not shown`);
    // The field shows its end (the caret is there): the marks there are lint()'s findings.
    const expected = r.diagnostics
      .filter((d) => d.span)
      .sort((x, y) => x.span!.start - y.span!.start)
      .map((d) => [final.slice(d.span!.start, d.span!.end), d.code]);
    const marks = () =>
      page.$$eval('.hl-wrap:has(#cipher-string) mark', (m) => m.map((e) => [e.textContent, e.dataset.codes]));
    const atEnd = await marks();
    expect(atEnd.length).toBeGreaterThan(1_000);
    expect(atEnd.length).toBeLessThan(10_000);
    expect(atEnd.slice(-3)).toEqual(expected.slice(-3));
    // Scrolled to the top, the marks follow.
    await page.$eval('#cipher-string', (t) => (t.scrollTop = 0));
    await expect
      .poll(() => page.$eval('.hl-wrap:has(#cipher-string) .hl-backdrop', (b) => b.textContent!.slice(0, 11)))
      .toBe('HIGH:-aNULL');
    expect((await marks()).slice(0, 3)).toEqual(expected.slice(0, 3));
    // The URL holds the string (a long one is written once the page has shown it).
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash.replace(/^#s=/, ''))).toBe(final);
    await page.close();
  });
});

describe('keyboard and small screens', () => {
  it('reaches and operates every control by keyboard, with a visible focus', async () => {
    const page = await browser.open('#s=kRSA');
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const style = getComputedStyle(e);
        return { key: e.id || e.dataset.view || e.dataset.suite || e.tagName, outline: style.outlineStyle };
      });
      expect(f.outline, `focus on ${f.key} is visible`).not.toBe('none');
      seen.push(f.key);
      if (f.key === 'offer') break;
    }
    expect(seen).toEqual(
      expect.arrayContaining(['cipher-string', 'target', 'seclevel', 'cs-default', 'list', 'compare']),
    );
    await page.keyboard.press('Enter');
    expect(page.url()).toContain('v=offer');
    expect(await page.isVisible('#offer-summary')).toBe(true);
    await page.close();
    // A suite name is a button: Enter explains it.
    const list = await browser.open('#s=kRSA');
    await list.focus('button[data-suite="AES128-SHA"]');
    await list.keyboard.press('Enter');
    expect(await list.textContent('#explain .answer')).toContain('AES128-SHA is at position');
    await list.close();
  });

  /** Tabs from the top until `id` has the focus; every stop shows its focus. */
  async function tabTo(page: Page, id: string): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return { key: e.id || e.dataset.view || e.tagName, outline: getComputedStyle(e).outlineStyle };
      });
      expect(f.outline, `focus on ${f.key} is visible`).not.toBe('none');
      seen.push(f.key);
      if (f.key === id) return seen;
    }
    throw new Error(`${id} not reached by Tab: ${seen.join(' ')}`);
  }

  it('reaches and operates the compare, offer and negotiation controls by keyboard', async () => {
    const compare = await browser.open('#v=compare&s=kRSA');
    await tabTo(compare, 'cmp-targets');
    await compare.keyboard.press('ArrowDown');
    expect(compare.url()).toContain('cmp=strings');
    await compare.keyboard.press('Tab');
    expect(await compare.evaluate(() => document.activeElement?.id)).toBe('s2');
    await compare.keyboard.press('End');
    await compare.keyboard.type(':kRSA');
    await settled(compare);
    expect(await compare.inputValue('#s2')).toBe('ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:kRSA');
    await compare.close();

    const offer = await browser.open('#v=offer&s=PSK:kRSA');
    await tabTo(offer, 'max');
    await offer.keyboard.press('ArrowDown');
    expect(offer.url()).toContain('max=');
    // The new range re-renders the view: let it settle before moving on.
    await settled(offer);
    await tabTo(offer, 'psk');
    expect(await offer.evaluate(() => document.activeElement?.id)).toBe('psk');
    await offer.keyboard.press('Space');
    await settled(offer);
    await offer.waitForFunction(() => location.hash.includes('psk=1'), undefined, { timeout: 5000 });
    expect(offer.url()).toContain('psk=1');
    const v = expand('PSK:kRSA', {
      supported: { maxProtocol: (await offer.inputValue('#max')) as 'TLSv1', psk: true, srp: false },
    }).supported!;
    expect((await tableRows(offer)).map((x) => x.name)).toEqual(v.ciphers.map((c) => c.name));
    await offer.close();

    const neg = await browser.open('#v=negotiate&s=DEFAULT');
    const seen = await tabTo(neg, 'role-client');
    expect(seen).toEqual(expect.arrayContaining(['min', 'max', 'psk']));
    await neg.keyboard.press('ArrowRight');
    expect(neg.url()).toContain('role=server');
    await neg.keyboard.press('Tab');
    expect(await neg.evaluate(() => document.activeElement?.id)).toBe('peer');
    await neg.close();
  });

  const views = ['list', 'compare', 'offer', 'negotiate', 'policy'] as const;
  it.each(views)('fits a 375 px phone and a desktop: %s', async (view) => {
    for (const [width, label] of [
      [375, 'phone'],
      [1280, 'desktop'],
    ] as const) {
      const page = await browser.open(`#v=${view}&s=${encodeURIComponent(CISCO)}&suite=AES128-SHA`, width);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `${view}-${label}`);
      await page.close();
    }
  });

  /** The suite tables in view: their frame's widths, and where the frame and the last column end. */
  async function suiteTables(page: Page) {
    return page.$$eval('#view-body .table-scroll:has(table.suites)', (frames) =>
      frames.map((f) => {
        const last = f.querySelector('table.suites thead th:last-child')!;
        return {
          scrollWidth: f.scrollWidth,
          clientWidth: f.clientWidth,
          tableWidth: f.querySelector('table')!.scrollWidth,
          lastColumn: last.textContent,
          lastRight: last.getBoundingClientRect().right,
          frameRight: f.getBoundingClientRect().right,
          windowWidth: document.documentElement.clientWidth,
          rows: f.querySelectorAll('tbody tr').length,
        };
      }),
    );
  }

  // The longest names there are (TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256...), a BoringSSL
  // group's mark, and the effective offer's table.
  const wide = [
    `#t=openssl-3.5&sec=0&s=${encodeURIComponent('ALL:COMPLEMENTOFALL')}`,
    `#t=boringssl&s=${encodeURIComponent('[ECDHE-ECDSA-CHACHA20-POLY1305|ECDHE-RSA-CHACHA20-POLY1305]:ALL')}`,
    `#v=offer&t=openssl-3.5&sec=0&psk=1&s=${encodeURIComponent('ALL:COMPLEMENTOFALL')}`,
  ];
  it.each([1920, 1280])('fits the suite table in its frame at %i px, the rating column in view', async (width) => {
    for (const fragment of wide) {
      const page = await browser.open(fragment, width);
      const tables = await suiteTables(page);
      expect(tables, fragment).toHaveLength(1);
      const t = tables[0]!;
      expect(t.rows, fragment).toBeGreaterThan(0);
      expect(t.lastColumn).toBe('rating');
      expect(t.tableWidth, `${fragment} at ${width} px`).toBeLessThanOrEqual(t.clientWidth);
      expect(t.scrollWidth, `${fragment} at ${width} px`).toBeLessThanOrEqual(t.clientWidth);
      expect(t.lastRight, `${fragment} at ${width} px`).toBeLessThanOrEqual(Math.min(t.frameRight, t.windowWidth));
      await expectNoHorizontalScroll(page);
      if (fragment === wide[0]) await screenshot(page, `suites-${width}`);
      await page.close();
    }
  });

  it('keeps each suite on one line at 375 px, the table scrolling sideways in its frame alone', async () => {
    const page = await browser.open(wide[0]!, 375);
    await expectNoHorizontalScroll(page);
    const [t] = await suiteTables(page);
    expect(t!.scrollWidth).toBeGreaterThan(t!.clientWidth);
    // Each name's text sits on one line.
    const lines = await page.$$eval('#view-body table.suites tbody tr', (rows) =>
      rows.map((r) =>
        [r.querySelector('th.name')!, r.querySelector('td.std')!].map((cell) => {
          // The lines its text takes: the tops of the text's boxes, a line height apart.
          const tops: number[] = [];
          const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const b of range.getClientRects()) {
              if (!tops.some((t) => Math.abs(t - b.top) < b.height / 2)) tops.push(b.top);
            }
          }
          return tops.length;
        }),
      ),
    );
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter(([name, std]) => name !== 1 || std !== 1)).toEqual([]);
    await screenshot(page, 'suites-375');
    await page.close();
  });
});

describe('Content-Security-Policy', () => {
  const policyOf = (html: string) =>
    /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';

  it('allows the one inlined script by its sha256 hash, and no inline script else', async () => {
    const html = readFileSync(PAGE_FILE, 'utf8');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update(inline[0]!.replace(/\r\n?/g, '\n'), 'utf8').digest('base64');
    const scriptSrc = policyOf(html)
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d.startsWith('script-src'));
    expect(scriptSrc).toEqual([`script-src 'sha256-${hash}'`]);
    expect(policyOf(html)).toMatch(/default-src 'none'/);

    // The page runs under it (open() fails on any console error, a refused script among them).
    const page = await browser.open();
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(policyOf(html));
    await setString(page, 'HIGH:!aNULL', 'openssl-3.0');
    expect(await tableRows(page)).toHaveLength(expand('HIGH:!aNULL').ciphers.length);
    await page.close();
  });

  it('refuses a script added to the page', async () => {
    // A page of its own: the refusal is a console error, which open() would count as a failure.
    const page = await browser.context.newPage();
    await page.goto(PAGE_URL);
    await page.waitForSelector('#status:not(:empty)');
    const outcome = await page.evaluate(
      () =>
        new Promise<[string, boolean]>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve([e.violatedDirective, 'injected' in window]),
          );
          const s = document.createElement('script');
          s.textContent = 'window.injected = true;';
          document.body.append(s);
          setTimeout(() => resolve(['none', 'injected' in window]), 2000);
        }),
    );
    expect(outcome).toEqual(['script-src-elem', false]);
    await page.close();
  });
});

describe('a rejected TLS 1.3 list in the fragment', () => {
  it('#cs=FOO: the page shows the invalid-ciphersuites error, with no element', async () => {
    const page = await browser.open('#s=HIGH&cs=FOO');
    expect(await page.textContent('#status')).toContain('Rejected by openssl-3.0: invalid-ciphersuites');
    const codes = await page.$$eval('#findings li.diag', (li) => li.map((e) => e.getAttribute('data-code')));
    expect(codes).toEqual(lint('HIGH', { ciphersuites: 'FOO' }).diagnostics.map((d) => d.code));
    await page.close();
  });
});

describe('offline', () => {
  it('requested nothing but the page itself', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect([...new Set(browser.requests)].every((u) => u.startsWith(PAGE_URL))).toBe(true);
  });
});
