import { Button, Spin } from 'antd';
import { useParams } from 'react-router';
import { useOpinionForm } from '../queries/opinions';
import { PublicAddressNotice } from '../components/opinions/PublicAddressNotice';

/** An A4 poster for a public link: the title, the QR code, the anonymity promise, the closing date. */
export function OpinionPosterPage() {
  const { id, distributionId } = useParams();
  const { data } = useOpinionForm(id);
  if (!data) return <Spin fullscreen />;
  const d = data.distributions.find((x) => x.id === distributionId);
  return (
    <div className="poster">
      <style>{POSTER_CSS}</style>
      <div className="no-print" style={{ padding: 12 }}>
        <PublicAddressNotice />
        <Button type="primary" onClick={() => window.print()}>
          打印海报
        </Button>
      </div>
      <h1>{data.title}</h1>
      <p className="who">{d ? `欢迎${d.audienceLabel}扫码提出意见建议` : ''}</p>
      <img src={`/api/opinion-forms/${id}/distributions/${distributionId}/qr.svg`} alt="填写意见的二维码" />
      <p className="promise">{data.anonymity}</p>
      <p className="date">截止日期：{data.closesOn}</p>
    </div>
  );
}

const POSTER_CSS = `
.poster { max-width: 180mm; margin: 0 auto; text-align: center; font-family: "Noto Serif CJK SC", "SimSun", serif; color: #000; }
.poster h1 { font-size: 28pt; margin: 20mm 0 6mm; }
.poster .who { font-size: 18pt; margin: 0 0 8mm; }
.poster img { width: 110mm; height: 110mm; }
.poster .promise { font-size: 13pt; text-align: left; line-height: 1.7; margin: 8mm 6mm; border: 1px solid #000; padding: 4mm; }
.poster .date { font-size: 14pt; }
@media print { .no-print { display: none !important; } @page { size: A4 portrait; margin: 15mm; } }
`;
