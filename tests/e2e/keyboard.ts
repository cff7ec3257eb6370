// Keyboard-only moves for the live-meeting journeys: reach a control with Tab (or Shift+Tab) as a
// chair would, never with a click or a programmatic focus, so an unreachable control fails the test.
import { expect, type Locator, type Page } from '@playwright/test';

const CAPTURE_BOX = 'Point being typed';

// The tests compile without the DOM library, so the page functions name what they use.
interface DomNode {
  compareDocumentPosition(other: DomNode): number;
  getAttribute(name: string): string | null;
}
interface DomDocument {
  activeElement: DomNode | null;
  body: DomNode;
}

async function isFocused(target: Locator): Promise<boolean> {
  return target
    .evaluate(
      (el: unknown) => el === (globalThis as unknown as { document: DomDocument }).document.activeElement,
    )
    .catch(() => false);
}

/** Whether `target` comes before the focused element in the document (so Shift+Tab reaches it). */
async function isBehindFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el: unknown) => {
    const { activeElement: active, body } = (globalThis as unknown as { document: DomDocument }).document;
    // 2 is Node.DOCUMENT_POSITION_PRECEDING.
    return active !== null && active !== body && (active.compareDocumentPosition(el as DomNode) & 2) !== 0;
  });
}

/**
 * Presses Tab, or Shift+Tab when `target` is behind the focus, until `target` has the focus. Tab in
 * the capture box nests a point, so a forward walk refuses to pass through it.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { max = 200 }: { max?: number } = {},
): Promise<void> {
  await expect(target).toBeVisible();
  const backward = await isBehindFocus(target);
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return;
    if (!backward) {
      const inBox = await page.evaluate(
        (label) =>
          (globalThis as unknown as { document: DomDocument }).document.activeElement?.getAttribute(
            'aria-label',
          ) === label,
        CAPTURE_BOX,
      );
      if (inBox) throw new Error('a forward Tab from the capture box would nest the point; go backward');
    }
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} with ${backward ? 'Shift+Tab' : 'Tab'}`);
}

/** Reaches a button with Tab and presses it with Enter. */
export async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}
