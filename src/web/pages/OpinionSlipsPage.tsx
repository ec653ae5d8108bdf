import { useState } from 'react';
import { Button, Result, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { useOpinionForm } from '../queries/opinions';

/** Where the drawer leaves a new batch for this page: the server never shows the codes again. */
export const slipsKey = (distributionId: string) => `zuofeng:slips:${distributionId}`;

/** Takes the batch handed over by the drawer (once), keeping it only in this tab. */
function takeCodes(distributionId: string): string[] {
  const key = slipsKey(distributionId);
  const raw = localStorage.getItem(key) ?? sessionStorage.getItem(key);
  localStorage.removeItem(key);
  if (!raw) return [];
  sessionStorage.setItem(key, raw);
  try {
    const codes = JSON.parse(raw);
    return Array.isArray(codes) ? codes.filter((c) => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** 填写码纸条: one slip per single-use code (title, link, code, the promise), A4, cut along the dashes. */
export function OpinionSlipsPage() {
  const { id, distributionId } = useParams();
  const [codes] = useState(() => takeCodes(distributionId!));
  const { data } = useOpinionForm(id);
  if (!data) return <Spin fullscreen />;
  const d = data.distributions.find((x) => x.id === distributionId);
  if (!d || codes.length === 0)
    return (
      <Result
        status="info"
        title="没有可打印的填写码"
        subTitle="填写码只在生成时显示一次。请在生成后立即打印；如已遗失，请重新生成一批。"
        extra={<Link to="/opinions">返回征求意见</Link>}
      />
    );
  const link = `${location.origin}/o/${d.token}`;
  const forget = () => {
    sessionStorage.removeItem(slipsKey(distributionId!));
    window.close();
  };
  return (
    <div className="slips">
      <style>{SLIPS_CSS}</style>
      <Space className="no-print" style={{ padding: 12 }}>
        <Button type="primary" onClick={() => window.print()}>
          打印纸条（{codes.length} 张）
        </Button>
        <Button onClick={forget}>打印完毕，清除本页的填写码</Button>
      </Space>
      <div className="grid">
        {codes.map((c) => (
          <div className="slip" key={c}>
            <div className="t">{data.title}</div>
            <div>
              面向：{d.audienceLabel} · 截止：{data.closesOn}
            </div>
            <div>打开链接：{link}</div>
            <div className="code">填写码：{c}</div>
            <div className="note">匿名填写，不记录您的任何身份信息；填写码限用一次，与意见分开保存。</div>
          </div>
        ))}
      </div>
    </div>
  );
}

const SLIPS_CSS = `
.slips { font-family: "Noto Serif CJK SC", "SimSun", serif; color: #000; }
.slips .grid { display: grid; grid-template-columns: repeat(2, 1fr); max-width: 190mm; margin: 0 auto; }
.slips .slip { border: 1px dashed #666; padding: 3mm 4mm; font-size: 9pt; line-height: 1.5; break-inside: avoid; word-break: break-all; }
.slips .t { font-weight: bold; font-size: 10pt; }
.slips .code { font-family: monospace; font-size: 15pt; letter-spacing: 2px; margin: 1mm 0; }
.slips .note { color: #333; font-size: 8pt; }
@media print { .no-print { display: none !important; } @page { size: A4 portrait; margin: 10mm; } }
`;
