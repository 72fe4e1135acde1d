import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartBanner, ageOn } from './ChartBanner';

describe("the chart's banner", () => {
  it('counts a year only once the birthday has come', () => {
    expect(ageOn('1990-12-03', '2026-12-02')).toBe(35);
    expect(ageOn('1990-12-02', '2026-12-02')).toBe(36);
  });

  it('names the allergies with their severity and the critical results', () => {
    render(
      <ChartBanner
        today="2026-12-02"
        facts={{
          dateOfBirth: '1990-05-17',
          history: [
            { id: 'h-1', kind: 'ALLERGY', summary: 'Penicillin (severe)' },
            { id: 'h-2', kind: 'NOTE', summary: 'routine check' },
          ],
          labResults: [
            { id: 'r-1', testName: 'Potassium', value: '6.9', unit: 'mmol/L', abnormalFlag: 'CRITICAL_HIGH' },
            { id: 'r-2', testName: 'Sodium', value: '141', unit: 'mmol/L', abnormalFlag: 'NORMAL' },
          ],
        }}
      />,
    );

    const banner = screen.getByRole('region', { name: 'Alerts' });
    expect(banner).toHaveTextContent('36 years');
    expect(banner).toHaveTextContent('Allergies: Penicillin (severe)');
    expect(banner).toHaveTextContent('Critical results: Potassium 6.9 mmol/L (critically high)');
    expect(banner).not.toHaveTextContent('Sodium');
  });
});
