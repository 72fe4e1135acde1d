import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/I18n';
import type { Point } from './labResults';
import { formatDay, formatObservation, observationDay } from '../ui/time';

interface TestChartProps {
  testName: string;
  points: readonly Point[];
  low?: number | null;
  high?: number | null;
  /** A fixed width where there is no layout to measure (tests). */
  width?: number;
}

/** One test over time, its reference range shaded. */
export function TestChart({ testName, points, low, high, width }: TestChartProps) {
  const { t } = useI18n();
  const chart = (
    <LineChart data={[...points]} width={width} height={240} accessibilityLayer>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="observedAt" tickFormatter={(at: string) => formatDay(observationDay(at))} />
      <YAxis />
      {low != null && high != null && <ReferenceArea y1={low} y2={high} fill="#16a34a" fillOpacity={0.1} />}
      <Tooltip labelFormatter={(at) => formatObservation(String(at))} />
      <Line type="monotone" dataKey="value" name={testName} stroke="#0369a1" isAnimationActive={false} />
    </LineChart>
  );
  return (
    <figure aria-label={t('lab.overTime', { test: testName })}>
      {width ? chart : <ResponsiveContainer width="100%" height={240}>{chart}</ResponsiveContainer>}
      <figcaption className="text-sm text-slate-600">{t('lab.overTime', { test: testName })}</figcaption>
    </figure>
  );
}
