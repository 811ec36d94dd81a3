import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

/** Catches a crashing screen. Answers are saved as they are given, so a reload loses nothing. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="notice" role="alert">
            <p>{t('app.unexpected')}</p>
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              {t('app.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
