import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';
import { Page, Problem } from './States';

/** A screen that breaks says so in place of itself, and the rest of the portal stays usable. */
export class ScreenFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <Failed />;
  }
}

function Failed() {
  const { t } = useI18n();
  return (
    <Page title={t('failure.title')}>
      <Problem>{t('failure.text')}</Problem>
    </Page>
  );
}
