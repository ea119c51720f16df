/**
 * jsdom stubs Fluent UI v9 needs (ResizeObserver, matchMedia, scrollIntoView) plus jest-dom matchers.
 * Imported only by the task pane tests (which declare `@jest-environment jsdom`), so the node tests are
 * unaffected.
 */
import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
if (!g.ResizeObserver) g.ResizeObserver = ResizeObserverStub;
// jsdom has no TextDecoder; the .xlsx reader (as every browser) does
if (!g.TextDecoder) Object.assign(g, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });

if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  // jsdom has no layout: offsetParent is always null and <body> measures 0×0, so Fluent's focus manager
  // (tabster) would take every element for invisible, never move focus into a dialog, and mark it
  // aria-hidden. Give connected elements a parent and the body a size, as a browser would.
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.isConnected || this === document.body || this.style.display === "none") return null;
      return this.parentElement;
    },
  });
  const bodyRect = (): DOMRect => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 350,
    bottom: 800,
    width: 350,
    height: 800,
    toJSON: () => ({}),
  });
  const originalRect = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect(this: HTMLElement): DOMRect {
    return this === this.ownerDocument.body ? bodyRect() : originalRect.call(this);
  };
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}

if (typeof window !== "undefined") {
  // Fluent's styles are not kept. jsdom's getComputedStyle matches every rule of every sheet against the element,
  // and the accessible-name walk of each getByRole({ name }) calls it for every node: with Griffel's thousands of
  // atomic rules that was half the pane tests' CPU (69 → 37 s user on pane and pane-excel). Nothing here asserts a
  // style; how the pane looks is checked in real Chromium (test/e2e).
  CSSStyleSheet.prototype.insertRule = function insertRule(): number {
    return 0;
  };
}

// A slow shared CI machine must not turn a render that takes a second longer into a failure: waits give up after
// 15 s, not Testing Library's 1 s (a passing wait returns as soon as it holds, so this costs nothing).
configure({ asyncUtilTimeout: 15_000 });
