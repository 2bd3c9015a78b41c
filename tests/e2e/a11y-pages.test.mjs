// Accessibility and small screens for the story, ledger and matrix pages, on the seeds and on
// the 300-report site: axe-core finds no violation in light or dark colour schemes, and at 360 px
// wide nothing overflows horizontally (a wide matrix scrolls inside its own frame).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, siteForTests } from './harness.mjs';
import { axe, horizontalOverflow, LARGE_DIST, linkedStory } from './pages-common.mjs';

const SITES = [
  ['seeds', siteForTests()],
  ['large', siteForTests(LARGE_DIST)],
];

/** The story the timeline names first (its biggest), from the site itself. */
async function firstStory(shared) {
  const { page, context } = await openApp(shared.browser, shared.site, '?v=1');
  const id = linkedStory(await page.getByTestId('timeline-story').first().getAttribute('href'));
  await context.close();
  assert.ok(id, 'the timeline names a story');
  return id;
}

/** Each page, with what shows it is complete. */
const pages = (story) => [
  [`?v=1&story=${story}`, '[data-testid="story-add"]'],
  ['?v=1&view=ledger', '[data-testid="ledger-entry"]'],
  [`?v=1&view=ledger&story=${story}`, '[data-testid="ledger-story"]'],
  ['?v=1&view=matrix', '[data-testid="matrix"]'],
  ['?v=1&view=matrix&by=dates&rows=name', '[data-testid="matrix"]'],
];

for (const [name, shared] of SITES) {
  test(`${name}: axe-core finds no violations on the story, ledger and matrix pages, light and dark`, async () => {
    const story = await firstStory(shared);
    const found = [];
    for (const [q, ready] of pages(story)) {
      for (const colorScheme of ['light', 'dark']) {
        // bypassCSP only lets the test inject axe; the page's own policy is tested elsewhere.
        const { page, problems, context } = await openApp(shared.browser, shared.site, q, { waitFor: ready, contextOptions: { colorScheme, bypassCSP: true } });
        const violations = await axe(page);
        if (violations.length) found.push({ page: q, colorScheme, violations });
        assert.deepEqual(problems, [], `${q} (${colorScheme})`);
        await context.close();
      }
    }
    assert.deepEqual(found, [], 'axe violations');
  });

  test(`${name}: at 360 px wide nothing overflows; the matrix scrolls in its frame`, async () => {
    const story = await firstStory(shared);
    const overflowing = [];
    for (const [q, ready] of pages(story)) {
      const { page, problems, context } = await openApp(shared.browser, shared.site, q, { waitFor: ready, contextOptions: { viewport: { width: 360, height: 740 } } });
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) overflowing.push(`${q} overflows by ${overflow}px`);
      if (q.includes('matrix')) {
        const frame = await page.locator('.matrix-frame').evaluate((f) => ({
          width: f.getBoundingClientRect().width,
          scroll: f.scrollWidth,
          client: f.clientWidth,
          overflowX: getComputedStyle(f).overflowX,
          focusable: f.tabIndex === 0,
          name: f.getAttribute('aria-label'),
        }));
        assert.ok(frame.width <= 360, `${q}: the frame fits the viewport (${frame.width}px)`);
        assert.ok(['auto', 'scroll'].includes(frame.overflowX), `${q}: the frame scrolls (${frame.overflowX})`);
        assert.ok(frame.focusable && frame.name, `${q}: the frame is a named, focusable region, scrollable from the keyboard`);
        if (frame.scroll > frame.client) {
          // Scrolling the frame moves the table, not the page.
          await page.locator('.matrix-frame').focus();
          await page.keyboard.press('ArrowRight');
          await page.waitForFunction(() => document.querySelector('.matrix-frame').scrollLeft > 0, null, { timeout: 2000 });
          assert.equal(await page.evaluate(() => scrollX), 0, `${q}: the page did not scroll sideways`);
        }
      }
      assert.deepEqual(problems, [], q);
      await context.close();
    }
    assert.deepEqual(overflowing, [], 'pages wider than 360 px');
  });
}
