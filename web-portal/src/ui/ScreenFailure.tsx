import { Component, type ReactNode } from 'react';
import { Page, Problem } from './States';

/** A screen that breaks says so in place of itself, and the rest of the portal stays usable. */
export class ScreenFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Page title="Something went wrong">
        <Problem>This screen could not be shown. Reload the page to try again.</Problem>
      </Page>
    );
  }
}
