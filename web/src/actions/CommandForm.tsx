import type { FormEvent, ReactNode } from 'react';
import type { CaseJson } from '../types';
import { ErrorBox } from '../ui';

/** What each party's actions are given: the case, and what to call once the API has taken a command. */
export interface ActionProps {
  c: CaseJson;
  onChanged: () => void;
}

/** One action; not a labelled region, so its title never shadows the labels of its fields. */
export function ActionCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <div className="card pt-action-card">
      <h3>{title}</h3>
      {intro && <p className="muted">{intro}</p>}
      {children}
    </div>
  );
}

interface Command {
  send: () => Promise<boolean>;
  busy: boolean;
  error: unknown;
}

/**
 * A form that sends one command: its fields, the API's answer, then the submit button. `onSubmit`
 * replaces the plain send, to check something first or to clear the fields once it is taken.
 */
export function CommandForm({
  cmd,
  label,
  busyLabel,
  className,
  disabled = cmd.busy,
  announceBusy = false,
  onSubmit,
  children,
}: {
  cmd: Command;
  label: string;
  /** The button's words while the command is on its way; without it the label stays. */
  busyLabel?: string;
  className?: string;
  /** When the button is disabled; by default while this command is busy. */
  disabled?: boolean;
  /** Mark the button `aria-busy` while this command is on its way. */
  announceBusy?: boolean;
  onSubmit?: () => void;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (onSubmit) onSubmit();
    else void cmd.send();
  };
  return (
    <form onSubmit={submit} noValidate>
      {children}
      <ErrorBox error={cmd.error} />
      <button type="submit" className={className} disabled={disabled} aria-busy={announceBusy ? cmd.busy || undefined : undefined}>
        {busyLabel && cmd.busy ? busyLabel : label}
      </button>
    </form>
  );
}
