// One failing part of the page must never blank the whole page (issue #12, finding 5: a peer's bad
// presence made React unmount everything). Each area of the board sits in its own boundary: on an
// error it shows a short notice with "try again" in its place, and the rest keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { StringKey } from '../i18n/strings';

interface Props {
  /** What this area is, for the notice ("the canvas", "the top bar"). */
  area: StringKey;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Målkart: a part of the page failed (${this.props.area})`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <Fallback area={this.props.area} retry={() => this.setState({ failed: false })} />;
  }
}

function Fallback({ area, retry }: { area: StringKey; retry(): void }) {
  const t = useT();
  return (
    <div className="mk-error-boundary" role="alert" data-testid="error-boundary">
      <p>{t('errorAreaFailed', { area: t(area) })}</p>
      <button type="button" onClick={retry}>
        {t('errorTryAgain')}
      </button>
    </div>
  );
}
