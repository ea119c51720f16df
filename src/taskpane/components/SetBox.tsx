/**
 * The submission set's framed box and its heading, one look for the pane's 提出セット (./AddedBooks.tsx) and
 * browser mode's set summary: the box is the section its h2 names.
 */
import { makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { HTMLAttributes, ReactNode } from "react";
import { useSharedStyles } from "./shared-styles";

const HEADING_ID = "kensa-set-heading";

const useStyles = makeStyles({
  pane: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  page: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

/** `wide`: browser mode's page, with more room around the content than the 350 px pane. */
export function SetBox({ wide, ...section }: { wide?: boolean } & HTMLAttributes<HTMLElement>) {
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <section
      className={mergeClasses(shared.box, wide ? styles.page : styles.pane)}
      aria-labelledby={HEADING_ID}
      {...section}
    />
  );
}

export function SetHeading({ children }: { children: ReactNode }) {
  return (
    <Subtitle2 as="h2" id={HEADING_ID}>
      {children}
    </Subtitle2>
  );
}
