// Starts the system Chromium on the built page, and records every request the page makes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PAGE_FILE = join(ROOT, 'dist-web', 'index.html');
export const PAGE_URL = pathToFileURL(PAGE_FILE).href;
export const ARTIFACTS = join(ROOT, 'e2e-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** What the tests need besides Node; a missing piece fails with the command that installs it. */
export function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install it with \`bash scripts/install-browser-deps.sh\` ` +
        '(Debian/Ubuntu: apt-get install chromium), or set CHROMIUM_PATH.',
    );
  }
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
  } catch {
    throw new Error('openssl is not installed. Install it with `bash scripts/install-system-deps.sh`.');
  }
  if (!existsSync(PAGE_FILE)) {
    throw new Error(`The page is not built (${PAGE_FILE}); \`npm run test:e2e\` builds it (\`npm run build:web\`).`);
  }
}

export interface Browser {
  context: BrowserContext;
  /** Every URL requested, by any page, since the start. */
  requests: string[];
  /** A new page at `fragment` of the built page, `width` pixels wide. */
  open(fragment?: string, width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<Browser> {
  checkPrerequisites();
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'cipherx-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    offline: true,
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  return {
    context,
    requests,
    async open(fragment = '', width = 1280) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
      await page.goto(PAGE_URL + fragment);
      await page.waitForSelector('#status:not(:empty)');
      if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    },
  };
}
