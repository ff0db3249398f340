// Checks every shop page passes: axe-core (pinned in package.json, injected into the page),
// tap targets of at least 44 px, and no horizontal scroll at the phone's width.
import path from 'node:path';
import type { Page } from 'playwright-core';

const AXE = path.resolve(__dirname, '../../../node_modules/axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Waits for the page's <title>. Next streams a page's metadata in its own Suspense boundary, and
 * on a client navigation (a link, or a server action's redirect) it commits the new page's body
 * as soon as it is ready and the new <title> when generateMetadata has resolved: in between the
 * document has no title. A check run in that window (right after the body's text appeared)
 * judges a page still arriving; every shop page has a title once it is there. A page that never
 * gets one is still reported: by axe's document-title, after 10 s.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 10_000 }).catch(() => undefined);
}

/** axe-core's serious and critical violations of the page as it is now (once its title is in). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await pageSettled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Visible controls smaller than 44x44 px (links, buttons, inputs, selects, summaries); a checkbox counts by its label. */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, summary, textarea'))) {
      const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      // The skip link sits off-screen until focused.
      if (box.right < 0 || box.bottom < 0) continue;
      if (box.height < 44 || box.width < 44) small.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  });
}

/** How far the page scrolls sideways (0 when nothing overflows the viewport). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** All three at once: a list of problems, empty when the page passes. */
export async function pageProblems(page: Page): Promise<string[]> {
  const [axe, taps, overflow] = await Promise.all([seriousAxeViolations(page), smallTapTargets(page), horizontalOverflow(page)]);
  return [
    ...axe.map((v) => `axe ${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`),
    ...taps.map((t) => `tap target ${t}`),
    ...(overflow > 0 ? [`scrolls sideways by ${overflow}px`] : []),
  ];
}
