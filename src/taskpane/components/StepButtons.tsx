/**
 * 「前の問題」「次の問題」, with the keys that do the same (Shift+F8 and F8, as code editors' previous and next
 * problem): one pair for the pane's walk (./ProblemNav.tsx) and browser mode's walk over every open file.
 */
import { Button } from "@fluentui/react-components";
import { ArrowDown20Regular, ArrowUp20Regular } from "@fluentui/react-icons";

const STEPS = [
  { step: -1, keys: "Shift+F8", Icon: ArrowUp20Regular },
  { step: 1, keys: "F8", Icon: ArrowDown20Regular },
] as const;

export interface StepButtonsProps {
  prev: string;
  next: string;
  disabled: boolean;
  onStep: (step: 1 | -1) => void;
  /** 「次の問題」 as the primary button (the pane, where walking is the main thing to do). */
  primaryNext?: boolean;
}

export function StepButtons({ prev, next, disabled, onStep, primaryNext }: StepButtonsProps) {
  return STEPS.map(({ step, keys, Icon }) => {
    const text = step < 0 ? prev : next;
    return (
      <Button
        key={keys}
        size="small"
        appearance={primaryNext && step > 0 ? "primary" : undefined}
        icon={<Icon />}
        disabled={disabled}
        aria-keyshortcuts={keys}
        title={`${text}（${keys}）`}
        onClick={() => onStep(step)}
      >
        {text}
      </Button>
    );
  });
}
