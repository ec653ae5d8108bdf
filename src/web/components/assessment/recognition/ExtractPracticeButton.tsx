import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { mayExtractPractice } from '../../../../domain/policies/practice';
import { useMe } from '../../../session';
import { whoOf } from '../../discipline/who';

/**
 * 提炼经验做法 on a closed item's page: opens the practice form prefilled from the item (the server refuses a
 * personal item with its reason). Shown to the office only, as domain/policies/practice says.
 */
export function ExtractPracticeButton({ itemId, closed }: { itemId: string; closed: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  if (!closed || !mayExtractPractice(whoOf(me))) return null;
  return (
    <Button
      data-testid="item-extract-practice"
      onClick={() => navigate(`/assessment?tab=practices&from=item&sourceId=${encodeURIComponent(itemId)}`)}
    >
      提炼经验做法
    </Button>
  );
}
