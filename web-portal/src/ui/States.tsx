import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';

export function Loading({ what }: { what: string }) {
  const { t } = useI18n();
  return (
    <p role="status" aria-live="polite" className="text-slate-600">
      {t('state.loading', { what })}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 p-4 text-slate-600">{children}</p>;
}

export function Problem({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
      {children}
    </p>
  );
}

/** Something the reader must act on or know, said as a warning in words, not by its colour alone. */
export function Warning({ children, testId }: { children: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <p data-testid={testId} className="rounded border border-amber-400 bg-amber-50 p-2 text-amber-900">
      <strong>{t('state.warning')}</strong> {children}
    </p>
  );
}

export function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-800">
      {children}
    </p>
  );
}

/**
 * A screen: its heading takes the focus when it opens (a screen reader starts reading there, a
 * keyboard goes on from there) and names the browser's tab.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  // A layout effect, not a passive one: the focus moves in the same commit that shows the
  // heading, so nothing (a reader, a key press, a test) can find the screen shown but unfocused.
  useLayoutEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section aria-labelledby="page-title" className="mx-auto flex max-w-4xl flex-col gap-4 p-4">
      <h2 id="page-title" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {title}
      </h2>
      {children}
    </section>
  );
}

export const buttonClass =
  'rounded bg-sky-700 px-3 py-2 text-white hover:bg-sky-800 focus:outline-2 focus:outline-offset-2 focus:outline-sky-900 disabled:opacity-50';
export const quietButtonClass =
  'rounded border border-slate-400 px-3 py-2 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-sky-900 disabled:opacity-50';
