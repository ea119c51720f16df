/** The file-open area: a drop zone with a "choose files" button (keyboard users use the button). */
import { Body1, Button, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { ArrowUpload24Regular } from "@fluentui/react-icons";
import { useRef, useState, type DragEvent } from "react";
import type { BrowserStrings } from "../strings";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // once files are open: one line, so the findings come sooner
  compact: {
    flexDirection: "row",
    flexWrap: "wrap",
    justifyContent: "center",
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  icon: { color: tokens.colorBrandForeground1 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface FileDropProps {
  s: BrowserStrings;
  compact?: boolean;
  onFiles: (files: File[]) => void;
}

export function FileDrop({ s, compact, onFiles }: FileDropProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDragOver = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
    if (!over) setOver(true);
  };
  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files ?? []);
    if (files.length) onFiles(files);
  };
  return (
    <section
      className={mergeClasses(styles.zone, compact && styles.compact, over && styles.active)}
      aria-labelledby="kensa-drop-title"
      data-testid="drop-zone"
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {!compact && <ArrowUpload24Regular className={styles.icon} aria-hidden />}
      <Subtitle2 as="h2" id="kensa-drop-title">
        {over ? s.dropActive : s.dropTitle}
      </Subtitle2>
      {!compact && <Body1 className={styles.hint}>{s.dropHint}</Body1>}
      <Button appearance="primary" onClick={() => input.current?.click()}>
        {s.chooseFiles}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={s.chooseFiles}
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (files.length) onFiles(files);
        }}
      />
      {compact && <Caption1 className={styles.hint}>{s.dropHint}</Caption1>}
    </section>
  );
}
