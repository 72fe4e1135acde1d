import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { expectNoAxeViolations } from '../test-support/axe';
import { ClinicZoneNotice, ClinicZoneRefused } from './ClinicZone';

describe("the clinic's time zone on screen", () => {
  it("says once that the times are the clinic's when the device's clock is set elsewhere", () => {
    render(<ClinicZoneNotice device="America/New_York" />);

    expect(screen.getByTestId('clinic-zone')).toHaveTextContent(
      "Times are the clinic's (Europe/Berlin); this device's clock is set to America/New_York.",
    );
  });

  it('says it in German', () => {
    render(
      <LanguageProvider initial="de">
        <ClinicZoneNotice device="Asia/Tokyo" />
      </LanguageProvider>,
    );

    expect(screen.getByTestId('clinic-zone')).toHaveTextContent('Zeiten sind die der Praxis (Europe/Berlin); die Uhr dieses Geräts steht auf Asia/Tokyo.');
  });

  it("says nothing when the device keeps the clinic's time", () => {
    render(<ClinicZoneNotice device="Europe/Berlin" />);

    expect(screen.queryByTestId('clinic-zone')).not.toBeInTheDocument();
  });

  it('tells whoever opens the portal that its configured zone does not exist', async () => {
    const { container } = render(<ClinicZoneRefused zone="Europe/Berln" />);

    expect(screen.getByRole('heading', { name: 'The portal cannot start' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Its configuration names "Europe/Berln" as the clinic\'s time zone');
    await expectNoAxeViolations(container);
  });
});
