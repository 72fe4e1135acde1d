import { isOutOfRange, type LabResultValue } from './labResults';
import { useI18n } from '../i18n/I18n';
import { Table } from '../ui/Table';
import { formatObservation } from '../ui/time';


/** Results with the out-of-range ones marked in words as well as colour. */
export function LabResultsTable({ results }: { results: readonly (LabResultValue & { id: string })[] }) {
  const { t } = useI18n();
  const columns = [{ label: t('lab.test') }, { label: t('lab.value') }, { label: t('lab.range') }, { label: t('lab.observed') }];
  return (
    <Table columns={columns}>
      {results.map((result) => {
        const outOfRange = isOutOfRange(result);
        return (
          <tr key={result.id} className={`border-t border-slate-200 ${outOfRange ? 'bg-red-50 font-semibold text-red-800' : ''}`}>
            <td>{result.testName}</td>
            <td>
              {result.value} {result.unit}
              {outOfRange && <span className="ml-2 rounded bg-red-700 px-1 text-xs text-white">{t('lab.outOfRange')}</span>}
            </td>
            <td>{result.referenceRange?.text ?? '—'}</td>
            <td>{formatObservation(result.observedAt)}</td>
          </tr>
        );
      })}
    </Table>
  );
}
