import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { quietButtonClass } from './States';

/**
 * Pages of a connection that pages forward only (`after`): the cursors of the pages before this
 * one are kept, so Previous goes back.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string) => setCursors([...cursors, cursor]),
    previous: () => setCursors(cursors.slice(0, -1)),
    restart: () => setCursors([null]),
  };
}

type CursorPages = ReturnType<typeof useCursorPages>;

export function PageButtons({ pages, pageInfo }: { pages: CursorPages; pageInfo?: { hasNextPage: boolean; endCursor?: string | null } }) {
  const { t } = useI18n();
  const endCursor = pageInfo?.hasNextPage ? pageInfo.endCursor : undefined;
  return (
    <nav aria-label={t('pages.label')} className="flex flex-wrap items-center gap-2">
      <button type="button" className={quietButtonClass} disabled={pages.page === 1} onClick={pages.previous}>
        {t('pages.previous')}
      </button>
      <span>{t('pages.page', { page: pages.page })}</span>
      <button type="button" className={quietButtonClass} disabled={!endCursor} onClick={() => endCursor && pages.next(endCursor)}>
        {t('pages.next')}
      </button>
    </nav>
  );
}
