/**
 * The findings of one sheet as a list with roving focus: one tab stop; ↑/↓/Home/End move between
 * findings; Enter or Space selects the cells.
 */
import { makeStyles } from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";
import type { Finding } from "../../core/model/finding";
import { FindingRow } from "./FindingRow";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none" },
});

export interface FindingRowsProps {
  label: string;
  findings: Finding[];
  currentKey: string | null;
  keyOf: (f: Finding) => string;
  onSelect: (f: Finding) => void;
  onFix: (f: Finding) => void;
  onAccept?: (f: Finding) => void;
  onRevoke?: (f: Finding) => void;
}

export function FindingRows({
  label,
  findings,
  currentKey,
  keyOf,
  onSelect,
  onFix,
  onAccept,
  onRevoke,
}: FindingRowsProps) {
  const styles = useStyles();
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = Math.min(active, findings.length - 1);

  const move = (to: number): void => {
    const i = Math.max(0, Math.min(findings.length - 1, to));
    setActive(i);
    buttons.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const target = e.target as HTMLElement;
    if (!target.hasAttribute("data-finding-select")) return;
    if (e.key === "ArrowDown") move(tabStop + 1);
    else if (e.key === "ArrowUp") move(tabStop - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(findings.length - 1);
    else return;
    e.preventDefault();
  };

  return (
    <ul className={styles.list} aria-label={label} onKeyDown={onKeyDown}>
      {findings.map((f, i) => {
        const key = keyOf(f);
        return (
          <FindingRow
            key={key}
            finding={f}
            tabStop={i === tabStop}
            current={key === currentKey}
            selectRef={(el) => {
              buttons.current[i] = el;
            }}
            onSelect={onSelect}
            onFix={onFix}
            onAccept={onAccept}
            onRevoke={onRevoke}
            rowKey={key}
            onFocusRow={() => setActive(i)}
          />
        );
      })}
    </ul>
  );
}
