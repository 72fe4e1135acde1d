import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * axe-core's WCAG 2.x A and AA rules over what a test rendered. jsdom lays nothing out, so the
 * rules that need layout (colour contrast, target size) are left to the browser run.
 */
export async function expectNoAxeViolations(container: Element = document.body) {
  const results = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false }, region: { enabled: false } },
  });
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(found).toEqual([]);
}
