/** Renders the pane over a fake host, and runs a check from its button (pane*.test.tsx). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { CheckFn } from "../../src/taskpane/run-check";
import { FAKE_RESULT, type FakeHost } from "../support/fake-host";

type Lang = "ja" | "en";

export function renderPane(host: FakeHost, lang: Lang = "ja", check: CheckFn = jest.fn(() => FAKE_RESULT)) {
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} check={check} />
    </FluentProvider>,
  );
  return { ...utils, check };
}

export async function checkNow(name = "検証"): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name }));
  await screen.findByTestId("severity-summary");
  // wait until the whole action (highlight, fillComputed) is over
  await waitFor(() => expect(screen.getByRole("button", { name })).toBeEnabled());
}
