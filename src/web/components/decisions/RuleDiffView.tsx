import { Empty, Typography } from 'antd';
import type { TRuleDiff } from '../../../shared/contracts/decision-rules-docs';

type Line = TRuleDiff['lines'][number];

const LOOK: Record<Line['op'], { mark: string; said: string; background?: string; color?: string }> = {
  same: { mark: ' ', said: '' },
  remove: { mark: '−', said: '删除：', background: '#fff1f0', color: '#a8071a' },
  add: { mark: '+', said: '新增：', background: '#f6ffed', color: '#135200' },
};

/** Hidden from sight, read by screen readers: the colour alone never carries the meaning. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function LineText({ line }: { line: Line }) {
  if (line.op === 'same' || !line.parts) return <>{line.text || '\u00a0'}</>;
  const Changed = line.op === 'add' ? 'ins' : 'del';
  return (
    <>
      {line.parts.map((p, i) =>
        p.changed ? (
          <Changed
            key={i}
            style={{
              background: line.op === 'add' ? '#b7eb8f' : '#ffa39e',
              textDecoration: line.op === 'add' ? 'none' : 'line-through',
            }}
          >
            {p.text}
          </Changed>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/**
 * The diff of two versions: removed lines marked “−” on red, added ones “+” on green, and the changed words
 * inside a rewritten line struck through or underlined as <del>/<ins>; each changed line also says 删除/新增 to a
 * screen reader.
 */
export function RuleDiffView({ diff }: { diff: TRuleDiff }) {
  if (!diff.added && !diff.removed) return <Empty description="两个版本的正文相同" />;
  return (
    <div>
      <Typography.Paragraph type="secondary">
        从“{diff.from.label}”（{diff.from.effectiveFrom} 起施行）到“{diff.to.label}”（{diff.to.effectiveFrom}{' '}
        起施行）：新增 {diff.added} 行，删除 {diff.removed} 行。
      </Typography.Paragraph>
      <ol
        aria-label="版本差异"
        style={{ listStyle: 'none', padding: 0, margin: 0, fontSize: 14, lineHeight: 1.8, whiteSpace: 'pre-wrap' }}
      >
        {diff.lines.map((l, i) => {
          const look = LOOK[l.op];
          return (
            <li key={i} data-op={l.op} style={{ display: 'flex', background: look.background, color: look.color }}>
              <span aria-hidden style={{ width: 24, flex: 'none', textAlign: 'center', fontFamily: 'monospace' }}>
                {look.mark}
              </span>
              <span>
                {look.said && <span style={srOnly}>{look.said}</span>}
                <LineText line={l} />
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
