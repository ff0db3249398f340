// `npm run bench:lighthouse`: Lighthouse 12.2.3 (issue 17 pins it: 13 wants Node 22) with its
// default mobile preset (Moto G Power viewport, simulated slow 4G and 4× CPU slowdown) on the
// shop's product page, as HEAD builds it (`next build`, `next start`) against the API in
// production mode, in Debian's Chromium. Also the product page's initial JavaScript: every
// `<script src>` of its HTML and its inline scripts, gzip -9. Figures go to docs/performance.md.
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { machine, writePerformanceSection } from './support';
import { startShopStack } from './shop-stack';

const PAGES = Number(process.env['BENCH_LIGHTHOUSE_PAGES'] ?? 5);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface PageResult {
  path: string;
  score: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  speedIndexMs: number;
}

/**
 * Every script the page's HTML loads, fetched and gzipped at level 9, in KB, plus its inline
 * scripts (gzipped one by one; JSON data blocks left out); `nomoduleKb` is the part in `nomodule`
 * scripts (Next's legacy polyfills), which a browser that runs modules skips.
 */
async function initialJavaScriptKb(url: string): Promise<{ kb: number; scripts: number; inline: number; nomoduleKb: number }> {
  const html = await (await fetch(url)).text();
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].map((m) => ({
    src: new URL(m[2]!.replace(/&amp;/g, '&'), url).href,
    nomodule: /\snomodule\b/i.test(`${m[1]} ${m[3]}`),
  }));
  const sources = new Map(tags.map((t) => [t.src, t.nomodule]));
  let bytes = 0;
  let nomoduleBytes = 0;
  for (const [src, nomodule] of sources) {
    const size = gzipSync(Buffer.from(await (await fetch(src)).arrayBuffer()), { level: 9 }).length;
    bytes += size;
    if (nomodule) nomoduleBytes += size;
  }
  const inline = [...html.matchAll(/<script((?:(?!\ssrc=)[^>])*)>([\s\S]*?)<\/script>/g)].filter((m) => m[2]!.trim() && !/type="application\/(?:ld\+)?json"/.test(m[1]!));
  for (const m of inline) bytes += gzipSync(Buffer.from(m[2]!), { level: 9 }).length;
  return { kb: bytes / 1024, scripts: sources.size, inline: inline.length, nomoduleKb: nomoduleBytes / 1024 };
}

/** KB to print: a tenth below 10 KB. */
const kb = (n: number) => n.toFixed(n < 10 ? 1 : 0);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main(): Promise<void> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const { ids, shopUrl, commit, close } = await startShopStack('vitrine_bench_lighthouse', 0);
  try {
    const paths = ids.slice(0, PAGES).map((id) => `/zh-CN/products/${id}`);
    // Each page once before Lighthouse loads it: the server's first render of a route is not what a shopper meets.
    for (const p of paths) await (await fetch(`${shopUrl}${p}`)).arrayBuffer();
    const js = await initialJavaScriptKb(`${shopUrl}${paths[0]}`);
    const loadStart = os.loadavg();
    const results: PageResult[] = [];
    for (const p of paths) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
      try {
        const run = await lighthouse(`${shopUrl}${p}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        const lhr = run!.lhr;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        results.push({
          path: p,
          score: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
          fcpMs: audit('first-contentful-paint'),
          lcpMs: audit('largest-contentful-paint'),
          cls: audit('cumulative-layout-shift'),
          tbtMs: audit('total-blocking-time'),
          speedIndexMs: audit('speed-index'),
        });
        console.log(results[results.length - 1]);
      } finally {
        chrome.kill();
      }
    }
    const loadEnd = os.loadavg();
    const m = {
      score: median(results.map((r) => r.score)),
      lcp: median(results.map((r) => r.lcpMs)),
      cls: median(results.map((r) => r.cls)),
    };
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const body = [
      '## Shop product page in Lighthouse (`npm run bench:lighthouse`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; load average ${loadStart.map((l) => l.toFixed(1)).join(' / ')} before and ${loadEnd.map((l) => l.toFixed(1)).join(' / ')} after (the machine is shared: Lighthouse's simulated throttling models the network and a 4× slower CPU from the tasks it observes, so a loaded machine lowers the score). Lighthouse 12.2.3, default mobile preset, performance category, Debian's Chromium; the shop as committed (${commit}) built with \`next build\` and run with \`next start\`, the API in production mode, the demo catalogue; ${results.length} different product pages (zh-CN), each rendered once by the server before.`,
      '',
      '| page | score | FCP ms | LCP ms | CLS | TBT ms | Speed Index ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...results.map((r) => `| ${r.path.replace(/[0-9a-f-]{36}/, '<id>')} | ${r.score} | ${Math.round(r.fcpMs)} | ${Math.round(r.lcpMs)} | ${r.cls.toFixed(3)} | ${Math.round(r.tbtMs)} | ${Math.round(r.speedIndexMs)} |`),
      '',
      `Targets (issue 17), on the median of the pages: performance score ≥ 90 — ${verdict(m.score >= 90)} (${m.score}); LCP < 2.0 s — ${verdict(m.lcp < 2000)} (${(m.lcp / 1000).toFixed(2)} s); CLS < 0.05 — ${verdict(m.cls < 0.05)} (${m.cls.toFixed(3)}). ` +
        `Initial JavaScript of the product page (${js.scripts} script files and ${js.inline} inline scripts, gzip -9): ${kb(js.kb)} KB — the budget of 120 KB ${verdict(js.kb <= 120)}; ${kb(js.kb - js.nomoduleKb)} KB without its \`nomodule\` scripts (${js.nomoduleKb.toFixed(0)} KB, which a current browser does not download).`,
    ].join('\n');
    writePerformanceSection('bench:lighthouse', body);
    console.log(body);
  } finally {
    await close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
