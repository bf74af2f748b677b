// Asks for the display name once; it is remembered in localStorage.
import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Modal } from './Modal';

const KEY = 'malkart.name';

export function storedName(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function NameDialog({ onDone }: { onDone(name: string): void }) {
  const t = useT();
  const [name, setName] = useState('');
  return (
    <Modal title={t('nameTitle')} onClose={null}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const v = name.trim();
          if (!v) return;
          try {
            localStorage.setItem(KEY, v);
          } catch {
            /* ignore */
          }
          onDone(v);
        }}
      >
        <p className="mk-muted">{t('nameHelp')}</p>
        <label className="mk-field">
          <span>{t('nameLabel')}</span>
          <input autoFocus value={name} maxLength={60} onChange={(e) => setName(e.target.value)} data-testid="name-input" />
        </label>
        <div className="mk-row mk-row-end">
          <button type="submit" className="mk-btn mk-btn-primary" disabled={!name.trim()}>
            {t('nameSave')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
