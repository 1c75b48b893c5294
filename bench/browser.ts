import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/chromium';

// tsx compiles with keepNames, which wraps functions in `__name(...)`; functions sent to the page need it defined.
export const keepNamesShim = 'window.__name = window.__name || ((f) => f);';

export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('bench: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  return chromium.launch({ executablePath, args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
}

/** Records, in the page, when the first chat row was painted (ms since navigation start). */
export const firstRowProbe = `
  window.__firstRow = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role="option"]')) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__firstRow = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** The element that scrolls the chat list: the listbox itself or its nearest scrolling ancestor. */
export const findScroller = `
  (() => {
    let el = document.querySelector('[role="listbox"][aria-label="Chats"]');
    while (el && !(el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) el = el.parentElement;
    return el;
  })()
`;

export async function loadEverything(page: Page, timeoutMs: number): Promise<{ loaded: number; ms: number }> {
  return page.evaluate(
    async ({ findScrollerSrc, timeoutMs }) => {
      const started = performance.now();
      const scroller = (0, eval)(findScrollerSrc) as HTMLElement;
      const done = () => /All [\d,.\s]+ chats? loaded/.test(document.body.innerText);
      while (!done() && performance.now() - started < timeoutMs) {
        scroller.scrollTop = scroller.scrollHeight;
        await new Promise((r) => setTimeout(r, 16));
      }
      const text = /All ([\d,.\s]+) chats? loaded/.exec(document.body.innerText)?.[1] ?? '0';
      return { loaded: Number(text.replace(/\D/g, '')), ms: performance.now() - started };
    },
    { findScrollerSrc: findScroller, timeoutMs },
  );
}

export interface ScrollStats { frames: number[]; longTasks: number; maxElements: number; maxRows: number; loaderVisibleMs: number; seconds: number }

/** Scrolls the list from top to bottom at a fixed number of pixels per frame, sampling frame times and DOM size. */
export async function scrollAtFixedSpeed(page: Page, pxPerFrame: number, maxSeconds: number): Promise<ScrollStats> {
  return page.evaluate(
    async ({ findScrollerSrc, pxPerFrame, maxSeconds }) => {
      const scroller = (0, eval)(findScrollerSrc) as HTMLElement;
      scroller.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 300));
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => { longTasks += list.getEntries().length; });
      observer.observe({ type: 'longtask', buffered: false });
      const frames: number[] = [];
      let maxElements = 0;
      let maxRows = 0;
      let loaderVisibleMs = 0;
      const started = performance.now();
      await new Promise<void>((resolve) => {
        let last = performance.now();
        const tick = (now: number) => {
          const dt = now - last;
          frames.push(dt);
          last = now;
          const loader = scroller.querySelector('[data-loader-row]');
          if (loader) {
            const r = loader.getBoundingClientRect();
            const s = scroller.getBoundingClientRect();
            if (r.bottom > s.top && r.top < s.bottom) loaderVisibleMs += dt;
          }
          if (frames.length % 10 === 0) {
            maxElements = Math.max(maxElements, document.getElementsByTagName('*').length);
            maxRows = Math.max(maxRows, document.querySelectorAll('[role="option"]').length);
          }
          const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
          if ((atEnd && !loader) || now - started > maxSeconds * 1000) return resolve();
          scroller.scrollTop += pxPerFrame;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
      });
      observer.disconnect();
      return { frames: frames.slice(1), longTasks, maxElements, maxRows, loaderVisibleMs, seconds: (performance.now() - started) / 1000 };
    },
    { findScrollerSrc: findScroller, pxPerFrame, maxSeconds },
  );
}

export async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return used / 1024 / 1024;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
