/**
 * The pane's whole-width states in place of findings, drawn alike: an icon, a heading and a line of text.
 * Before the first check, a check that found nothing, and a pane opened outside Excel.
 */
import { Body1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  ClipboardTaskListLtrRegular,
  InfoRegular,
  type FluentIcon,
} from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: "40px", color: tokens.colorBrandForeground1 },
  success: { fontSize: "40px", color: tokens.colorStatusSuccessForeground1 },
});

interface PlaceholderProps {
  Icon: FluentIcon;
  /** A green icon: the state is good news. */
  success?: boolean;
  title: string;
  body: string;
  /** h1 where the placeholder is the whole page. */
  heading?: "h1" | "h2";
  role?: "alert";
  testId: string;
}

function Placeholder({ Icon, success, title, body, heading = "h2", role, testId }: PlaceholderProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} role={role} data-testid={testId}>
      <Icon className={success ? styles.success : styles.icon} aria-hidden />
      <Subtitle2 as={heading}>{title}</Subtitle2>
      <Body1>{body}</Body1>
    </section>
  );
}

/** Before the first check: what the pane does and how to start. */
export function EmptyState() {
  const { s } = useI18n();
  return (
    <Placeholder Icon={ClipboardTaskListLtrRegular} title={s.emptyTitle} body={s.emptyBody} testId="empty-state" />
  );
}

/** A check that found nothing: say so plainly. */
export function NoProblems({ sheets }: { sheets: number }) {
  const { s } = useI18n();
  return (
    <Placeholder
      Icon={CheckmarkCircleRegular}
      success
      title={s.noProblemsTitle}
      body={s.noProblemsBody(sheets)}
      testId="no-problems"
    />
  );
}

/** Shown when the pane is opened outside Excel or Office.js did not load. */
export function NotInExcel() {
  const { s } = useI18n();
  return (
    <Placeholder
      Icon={InfoRegular}
      title={s.notInExcelTitle}
      body={s.notInExcelBody}
      heading="h1"
      role="alert"
      testId="not-in-excel"
    />
  );
}
