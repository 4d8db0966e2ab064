import { useCallback, useEffect, useId, useState, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError } from './api';
import { useText, useLang } from './i18n';
import { STATUS_LABEL } from './labels';
import type { CaseStatus } from '@domain/case-status';

/** Loads data for a page; `reload` fetches again (after a decision, say). */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

const ERROR_TEXT = {
  zh: { title: '操作未成功', failed: '出错了', fields: '请检查以下内容：' },
  en: { title: 'That did not work', failed: 'Something went wrong', fields: 'Please check:' },
};

/** The API's own message (and its field issues), announced to screen readers. */
export function ErrorBox({ error }: { error: unknown }) {
  const t = useText(ERROR_TEXT);
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{t.title}</p>
      <p>{api ? api.message : error instanceof Error ? error.message : t.failed}</p>
      {api && api.issues.length > 0 && (
        <>
          <p>{t.fields}</p>
          <ul>
            {api.issues.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function Loading() {
  const { lang } = useLang();
  return (
    <p className="muted" role="status">
      {lang === 'zh' ? '加载中…' : 'Loading…'}
    </p>
  );
}

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/**
 * A page of lists the office refreshes by hand: until the lists first arrive it shows the wait or the
 * failure; after that the intro, any failure of a refresh, and the lists.
 */
export function RefreshablePage<T>({
  title,
  intro,
  state,
  children,
}: {
  title: string;
  intro: string;
  state: { data: T | undefined; error: unknown; loading: boolean; reload: () => void };
  children: (data: T) => ReactNode;
}) {
  const { lang } = useLang();
  const refresh = (
    <button type="button" onClick={state.reload} disabled={state.loading}>
      {lang === 'zh' ? '刷新' : 'Refresh'}
    </button>
  );
  return (
    <Page title={title} actions={refresh}>
      {state.data === undefined ? (
        state.error ? (
          <ErrorBox error={state.error} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <p className="muted">{intro}</p>
          <ErrorBox error={state.error} />
          {children(state.data)}
        </>
      )}
    </Page>
  );
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const labels = useText(STATUS_LABEL);
  return <span className={`badge badge-${status}`}>{labels[status]}</span>;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and its error tied to it for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextInput({ label, error, hint, ...rest }: { label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hint={hint}>{(a) => <input {...rest} {...a} />}</Field>;
}

export function TextArea({ label, error, hint, ...rest }: { label: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} error={error} hint={hint}>{(a) => <textarea rows={3} {...rest} {...a} />}</Field>;
}

export function Select({ label, error, hint, options, ...rest }: { label: string; error?: string; hint?: string; options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(a) => (
        <select {...rest} {...a}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Sends one command; shows the API's answer (success note or validation messages) right by the button. */
export function useCommand<A extends unknown[]>(run: (...args: A) => Promise<unknown>, onDone?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await run(...args);
        onDone?.();
        return true;
      } catch (err) {
        setError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [run, onDone],
  );
  return { send, busy, error, setError };
}
