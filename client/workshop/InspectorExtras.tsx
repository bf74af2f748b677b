// What the workshop adds to the inspector: agreement for a goal, indicator or measure, and the
// comment threads of the selected card or link.
import { useContext } from 'react';
import type { BoardNode } from '../../shared';
import { WorkshopContext } from './WorkshopContext';
import { AgreementSection } from './AgreementSection';
import { CommentsSection } from './CommentsSection';

export function InspectorExtras({ card, edgeId }: { card?: BoardNode; edgeId?: string }) {
  if (!useContext(WorkshopContext)) return null;
  if (card)
    return (
      <>
        <AgreementSection card={card} />
        <CommentsSection targetId={card.id} targetType="node" />
      </>
    );
  if (edgeId) return <CommentsSection targetId={edgeId} targetType="edge" />;
  return null;
}
