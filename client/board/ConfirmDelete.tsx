import { useT } from '../i18n/I18nProvider';
import { Modal } from '../ui/Modal';

export function ConfirmDelete({ cards, links, onConfirm, onCancel }: { cards: number; links: number; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  return (
    <Modal title={t('confirmDeleteTitle')} onClose={onCancel}>
      <p>{t('confirmDelete', { n: cards, m: links })}</p>
      <div className="mk-row mk-row-end">
        <button type="button" className="mk-btn" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="mk-btn mk-btn-danger" onClick={onConfirm} autoFocus data-testid="confirm-delete">
          {t('confirmDeleteYes')}
        </button>
      </div>
    </Modal>
  );
}
