// One member's part in the archive: the situations they presented, the advice they gave (each
// linking to its situation) and the endorsements that advice received.
import { useEffect } from 'react';
import { hrefTo } from '../../routing/hash-route';
import { ApiError, describeError } from '../../api/client';
import { useServer } from '../../api/use-server-state';
import { formatDay } from '../../ui/dates';
import { EmptyState, LoadError, Loading } from '../../ui/messages';
import { SituationCard } from '../../ui/situation-card';
import { KIND_LABELS } from '../situation/contribution-kinds';
import { ROLE_LABELS } from './member-roles';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function MemberLensView({ id }: { id: string }) {
  const query = useServer('member.lens', { memberId: id });
  const lens = query.data ?? null;
  const error = query.error
    ? {
        code: query.error instanceof ApiError ? query.error.code : 'INTERNAL',
        message: describeError(query.error),
      }
    : null;

  const name = lens?.member.name;
  useEffect(() => {
    if (name) document.title = `${name} — Roundtable`;
  }, [name]);

  if (error?.code === 'NOT_FOUND' || (error?.code === 'VALIDATION' && !lens)) {
    return (
      <EmptyState title="That member is not in the archive.">
        <p>
          See the <a href={hrefTo({ page: 'members' })}>members of your group</a>.
        </p>
      </EmptyState>
    );
  }
  if (error && !lens) return <LoadError message={error.message} />;
  if (!lens) return <Loading label="Opening the member’s archive…" />;

  const { member, groupName, presented, advice, endorsementsReceived } = lens;
  const role = [member.title, member.company].filter(Boolean).join(', ');
  return (
    <div className="member-lens">
      <header className="page-header">
        <p className="kicker">
          {groupName} · {ROLE_LABELS[member.role]}
        </p>
        <h1>{member.name}</h1>
        {role && <p className="page-subtitle">{role}</p>}
        <p className="lens-totals">
          <span>Presented {count(presented.length, 'situation', 'situations')}</span>
          <span>Gave {count(advice.length, 'point of advice', 'points of advice')}</span>
          <span>{count(endorsementsReceived, 'endorsement', 'endorsements')} received</span>
        </p>
      </header>

      <section className="section" aria-labelledby="presented-heading">
        <h2 id="presented-heading" className="section-title">
          Situations presented
        </h2>
        {presented.length === 0 ? (
          <p className="muted">{member.name} has not brought a situation yet.</p>
        ) : (
          <ul className="situation-list" aria-label={`Situations ${member.name} presented`}>
            {presented.map((situation) => (
              <SituationCard key={situation.id} situation={situation} showGroup={false} />
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="advice-given-heading">
        <h2 id="advice-given-heading" className="section-title">
          Advice given
        </h2>
        {advice.length === 0 ? (
          <p className="muted">No advice from {member.name} is in the archive yet.</p>
        ) : (
          <ol className="lens-advice" aria-label={`Advice ${member.name} gave`}>
            {advice.map(({ contribution, situationId, situationTitle, endorsements }) => (
              <li key={contribution.id} className="lens-advice-item">
                <p className="lens-advice-on">
                  <span className={`kind-badge kind-${contribution.kind}`}>
                    {KIND_LABELS[contribution.kind]}
                  </span>{' '}
                  on <a href={hrefTo({ page: 'situation', id: situationId })}>{situationTitle}</a>
                </p>
                <p className="point-body">{contribution.body}</p>
                <p className="lens-advice-meta">
                  <time dateTime={new Date(contribution.createdAt).toISOString()}>
                    {formatDay(contribution.createdAt)}
                  </time>
                  {endorsements > 0 && (
                    <span className="endorsements">
                      +{endorsements}
                      <span className="visually-hidden"> endorsements</span>
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
