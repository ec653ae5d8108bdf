import { AnswerError, checkAnswers } from '../../../domain/opinion-answers.js';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AUDIENCES, type Question, type ZPublicSubmit } from '../../../shared/contracts/opinions.js';
import { keyringFor } from '../../crypto/keyring.js';
import { AppError, badRequest, notFound } from '../../errors.js';
import { RateLimiter } from '../../plugins/rate-limit.js';
import type { AppDeps } from '../../types.js';
import { anonymityPromise, codeHashCandidates, todayOf } from './opinions.service.js';
import { BurstChallenge } from './challenge.js';
import { opinionsRepo } from './opinions.repo.js';
import { pendingRepo } from './pending.repo.js';
import { sealSubmission } from './pending.service.js';

interface Target {
  distributionId: string;
  unitId: string;
  formId: string;
  audience: string;
  mode: string;
  status: string;
  opensOn: string;
  closesOn: string;
  title: string;
  intro: string;
  questions: Question[];
}

/**
 * The public side of opinion collection: no account, nothing stored about the respondent. The
 * per-source limit keys on an HMAC of the address with a secret made at start and kept in memory
 * only, so even the memory holds no address; a restart forgets everything.
 */
export class PublicOpinions {
  private readonly salt = randomBytes(32);
  private readonly limiter: RateLimiter;
  /** Below the hard limit: past it, a submission needs a solved challenge (a burst from one source). */
  private readonly burst: RateLimiter | null;
  private readonly challenge: BurstChallenge;
  private readonly cache = new Map<string, { target: Target; until: number }>();

  constructor(
    private readonly deps: AppDeps,
    private readonly onStored: () => void = () => {},
  ) {
    this.limiter = new RateLimiter(deps.config.opinionSubmitsPerMinute, 60_000);
    this.burst =
      deps.config.opinionChallengeAfter > 0 ? new RateLimiter(deps.config.opinionChallengeAfter, 60_000) : null;
    this.challenge = new BurstChallenge(deps.config.opinionChallengeBits);
  }

  /** A distribution and its form by the link's token, cached for a few seconds (the hot path of a busy form). */
  private async target(token: string): Promise<Target | null> {
    const hit = this.cache.get(token);
    if (hit && hit.until > performance.now()) return hit.target;
    const row = await opinionsRepo.targetByToken(this.deps.db, token);
    const target = row && row.active ? { ...row, questions: row.questions as Question[] } : null;
    // Only forms that are collecting are kept (publishing shows at once; closing within 5 s).
    if (target?.status === 'open') {
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(token, { target, until: performance.now() + 5000 });
    }
    return target;
  }

  private isOpen(t: Target) {
    const today = todayOf(this.deps);
    return t.status === 'open' && t.opensOn <= today && today <= t.closesOn;
  }

  async form(token: string) {
    const t = await this.target(token);
    if (!t) throw notFound('征求意见表');
    return {
      title: t.title,
      intro: t.intro,
      questions: t.questions,
      anonymity: anonymityPromise(this.deps.config.opinionBatchK),
      needsCode: t.mode === 'codes',
      open: this.isOpen(t),
      closesOn: t.closesOn,
      audience: AUDIENCES[t.audience as keyof typeof AUDIENCES] ?? '',
    };
  }

  /**
   * Checks the answers against the questions, then puts them in the pending store, sealed and padded
   * (spending the code in the same statement). They become a response later, in a shuffled batch
   * (docs/ANONYMITY.md); the acknowledgement means they are durably stored.
   */
  async submit(token: string, body: z.infer<typeof ZPublicSubmit>, address: string) {
    const source = createHmac('sha256', this.salt).update(address).digest('base64url');
    const now = Date.now();
    if (!this.limiter.take(source, now)) throw new AppError(429, 'rate_limited', '提交过于频繁，请稍后再试');
    if (
      this.burst &&
      !this.burst.take(source, now) &&
      !(body.proof && this.challenge.redeem(body.proof.seed, body.proof.nonce, now))
    ) {
      throw new AppError(
        428,
        'challenge_required',
        '提交较为集中，正在进行一次自动安全验证，请稍候…',
        this.challenge.issue(now),
      );
    }
    const t = await this.target(token);
    if (!t) throw notFound('征求意见表');
    if (!this.isOpen(t))
      throw badRequest(
        t.status === 'closed' || todayOf(this.deps) > t.closesOn ? '征求意见已结束，感谢关注' : '征求意见尚未开始',
      );
    const answers = answersOrBadRequest(t.questions, body.answers);
    if (t.mode === 'codes' && !body.code) throw badRequest('请输入填写码');
    const keys = keyringFor(this.deps.config);
    const place = {
      id: randomUUID(),
      unitId: t.unitId,
      formId: t.formId,
      audience: t.audience,
      day: todayOf(this.deps),
    };
    const row = { ...place, sealed: sealSubmission(keys, place, answers) };
    const code =
      t.mode === 'codes'
        ? { distributionId: t.distributionId, codeHashes: codeHashCandidates(keys, body.code!) }
        : undefined;
    if (!(await pendingRepo.store(this.deps.db, row, code))) {
      // The form may have closed since it was read (it is cached for a few seconds).
      throw badRequest(
        code && (await pendingRepo.formStillOpen(this.deps.db, row))
          ? '填写码无效或已使用'
          : '征求意见已结束，感谢关注',
      );
    }
    this.onStored();
    return { ok: true as const };
  }
}

/** The domain's check of the answers, its refusal as a 400 with the respondent's message. */
function answersOrBadRequest(questions: readonly Question[], raw: Record<string, string | number>) {
  try {
    return checkAnswers(questions, raw);
  } catch (e) {
    if (e instanceof AnswerError) throw badRequest(e.message);
    throw e;
  }
}
